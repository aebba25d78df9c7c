package io.etareport.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;


import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Every form post needs the page's CSRF token: without it nothing happens, with it the post works. */
@StaffWebTest
class CsrfIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient db;

    private long customer;
    private long target;
    private long mapping;

    @BeforeEach
    void data() {
        Staff.reset(db);
        target = Staff.add(db, "target@staff.test", "Tess Target", "user", true);
        db.sql("DELETE FROM customers").update();
        db.sql("INSERT INTO customers (dd_name, obfuscated_id, field_type) VALUES ('Acme',"
                + " 'abcdefabcdefabcdefabcdefabcdefab', 'Customer Name')").update();
        customer = db.sql("SELECT id FROM customers").query(Long.class).single();
        db.sql("DELETE FROM status_mapping").update();
        db.sql("INSERT INTO status_mapping (odata_status, custom_status) VALUES ('Cutting', 'Cutting')").update();
        mapping = db.sql("SELECT id FROM status_mapping").query(Long.class).single();
    }

    @ParameterizedTest(name = "POST {0}")
    @CsvSource(delimiter = '|', textBlock = """
            /admin                         | ddName=Changed&fieldType=Customer+Name
            /admin/edit/{customer}         | ddName=Changed&fieldType=Customer+Name
            /admin/delete/{customer}       |
            /manage_users                  | email=changed@staff.test&name=Changed&role=user
            /manage_users/edit/{target}    | email=changed@staff.test&name=Changed&role=user
            /manage_users/toggle/{target}  |
            /manage_users/delete/{target}  |
            /status_mapping/edit/{mapping} | customStatus=Changed&active=true
            /refresh_statuses              |
            /logout                        |
            """)
    void aPostWithoutTheTokenIsRefusedAndChangesNothing(String path, String body) throws Exception {
        String before = snapshot();

        MockHttpServletResponse refused = mvc.perform(request(path, body)).andReturn().getResponse();

        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(refused.getForwardedUrl()).as("the form-expired page, not 'no access'")
                .isEqualTo("/error/form-expired");
        assertThat(snapshot()).isEqualTo(before);

        int withToken = mvc.perform(request(path, body).with(csrf())).andReturn().getResponse().getStatus();

        assertThat(withToken).isEqualTo(302);
        if (!path.equals("/logout")) {
            assertThat(snapshot()).isNotEqualTo(before);
        }
    }

    @Test
    void aFormWithoutItsTokenSaysItExpiredNotThatAccessIsDenied() throws Exception {
        // The refused request is forwarded here as it came; MockMvc does not follow forwards, so open it.
        String page = mvc.perform(get("/error/form-expired").accept("text/html")).andExpect(status().isForbidden())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Your form expired — reload the page and try again")
                .doesNotContain("have access");
    }

    private MockHttpServletRequestBuilder request(String path, String body) {
        String url = path.replace("{customer}", String.valueOf(customer)).replace("{target}", String.valueOf(target))
                .replace("{mapping}", String.valueOf(mapping));
        return post(url).with(Staff.signedInAs(Staff.ADMIN)).accept("text/html")
                .contentType("application/x-www-form-urlencoded").content(body == null ? "" : body);
    }

    /** Everything a staff form can change. */
    private String snapshot() {
        return db.sql("SELECT group_concat(x, ';') FROM ("
                + " SELECT 'c' || id || dd_name || field_type AS x FROM customers"
                + " UNION ALL SELECT 'u' || id || email || name || role || active FROM users"
                + " UNION ALL SELECT 's' || id || odata_status || custom_status || active FROM status_mapping)")
                .query(String.class).single();
    }
}
