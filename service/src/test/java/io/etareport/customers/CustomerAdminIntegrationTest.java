package io.etareport.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.etareport.security.Staff;
import io.etareport.security.StaffWebTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@StaffWebTest
class CustomerAdminIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient db;
    @Autowired
    CustomerRepository customers;

    @BeforeEach
    void data() {
        Staff.reset(db);
        db.sql("DELETE FROM customers").update();
    }

    @Test
    void theListIsSortedByNameIgnoringCaseWithEachCustomersFullLink() throws Exception {
        Customer banana = customers.add("BANANA DD", null, FieldType.CUSTOMER_NAME, "banana");
        Customer apple = customers.add(null, "Apple CBR", FieldType.CUSTOMER_GROUP, "Apple");
        Customer cherry = customers.add("Cherry", "Cherry", FieldType.CUSTOMER_NAME, null);

        String page = html(get("/admin").with(Staff.signedInAs(Staff.USER)));

        assertThat(page).containsSubsequence(">Apple<", ">banana<", ">Cherry<");
        assertThat(page).contains("http://localhost/" + apple.obfuscatedId())
                .contains("data-copy=\"http://localhost/" + banana.obfuscatedId() + "\"");
        assertThat(page).contains("Apple: http://localhost/" + apple.obfuscatedId() + "\n"
                + "banana: http://localhost/" + banana.obfuscatedId() + "\n"
                + "Cherry: http://localhost/" + cherry.obfuscatedId() + "</textarea>");
        assertThat(page).containsPattern("<script src=\"/js/staff-[0-9a-f]{32}\\.js\" defer></script>");
    }

    @Test
    void onlyAdminsSeeTheFormsThatChangeCustomers() throws Exception {
        customers.add("Acme", null, FieldType.CUSTOMER_NAME, null);

        String forUser = html(get("/admin").with(Staff.signedInAs(Staff.USER)));
        String forAdmin = html(get("/admin").with(Staff.signedInAs(Staff.ADMIN)));

        assertThat(forUser).doesNotContain("Add a customer").doesNotContain("/admin/edit/")
                .doesNotContain("/manage_users");
        assertThat(forAdmin).contains("Add a customer").contains("/admin/edit/").contains("/admin/delete/")
                .contains("/manage_users");
    }

    @Test
    void aNewCustomerGetsARandomLinkIdAndTheCbrNameWhenNoDisplayNameIsGiven() throws Exception {
        MockHttpServletResponse response = send(post("/admin").param("displayName", " ").param("ddName", " DD Name ")
                .param("cbrName", "CBR Name").param("fieldType", "Customer Group"));

        assertThat(response.getRedirectedUrl()).isEqualTo("/admin");
        assertThat(response.getContentAsString()).isEmpty();
        Customer added = customers.findAll().get(0);
        assertThat(added.obfuscatedId()).matches("[0-9a-f]{32}");
        assertThat(added.displayName()).isEqualTo("CBR Name");
        assertThat(added.ddName()).isEqualTo("DD Name");
        assertThat(added.fieldType()).isEqualTo(FieldType.CUSTOMER_GROUP);

        send(post("/admin").param("ddName", "Other").param("fieldType", "Customer Name"));
        assertThat(customers.findAll()).extracting(Customer::obfuscatedId).doesNotHaveDuplicates();
    }

    @Test
    void aCustomerNeedsADdOrCbrNameAndAKnownFieldType() throws Exception {
        MockHttpServletResponse noName = send(post("/admin").param("displayName", "Only a display name")
                .param("fieldType", "Customer Name"));
        MockHttpServletResponse badType = send(post("/admin").param("ddName", "Acme").param("fieldType", "Customer Nmae"));

        assertThat(noName.getStatus()).isEqualTo(400);
        assertThat(noName.getContentAsString()).contains("Pick at least one customer: enter a DD name, a CBR name, or both.")
                .contains("value=\"Only a display name\"");
        assertThat(badType.getStatus()).isEqualTo(400);
        assertThat(badType.getContentAsString()).contains("Choose Customer Name or Customer Group.");
        assertThat(customers.findAll()).isEmpty();
    }

    @Test
    void editingChangesTheNamesButNeverTheLink() throws Exception {
        Customer acme = customers.add("Acme", null, FieldType.CUSTOMER_NAME, "Acme");

        String form = html(get("/admin/edit/" + acme.id()).with(Staff.signedInAs(Staff.ADMIN)));
        MockHttpServletResponse saved = send(post("/admin/edit/" + acme.id()).param("displayName", "Acme Blinds")
                .param("ddName", "ACME PTY").param("cbrName", "Acme CBR").param("fieldType", "Customer Group"));

        assertThat(form).contains("value=\"Acme\"");
        assertThat(saved.getRedirectedUrl()).isEqualTo("/admin");
        Customer after = customers.findById(acme.id()).orElseThrow();
        assertThat(after).isEqualTo(new Customer(acme.id(), "ACME PTY", "Acme CBR", acme.obfuscatedId(),
                FieldType.CUSTOMER_GROUP, "Acme Blinds"));
    }

    @Test
    void deletingAsksFirstThenRemovesTheCustomer() throws Exception {
        Customer acme = customers.add("Acme", null, FieldType.CUSTOMER_NAME, "Acme");
        Customer other = customers.add("Other", null, FieldType.CUSTOMER_NAME, "Other");

        String question = html(get("/admin/delete/" + acme.id()).with(Staff.signedInAs(Staff.ADMIN)));
        MockHttpServletResponse deleted = send(post("/admin/delete/" + acme.id()));

        assertThat(question).contains("Delete <span>Acme</span>?").contains("Their link will stop working");
        assertThat(deleted.getRedirectedUrl()).isEqualTo("/admin");
        assertThat(customers.findAll()).containsExactly(other);
    }

    @Test
    void anUnknownCustomerIsNotFound() throws Exception {
        assertThat(send(post("/admin/delete/999999")).getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/admin/edit/999999").with(Staff.signedInAs(Staff.ADMIN))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(Staff.signedInAs(Staff.ADMIN)).with(csrf())).andReturn().getResponse();
    }

    private String html(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }
}
