package io.etareport.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.etareport.ServiceTest;
import io.etareport.customers.Customer;
import io.etareport.customers.CustomerRepository;
import io.etareport.customers.FieldType;
import io.etareport.simulator.DemoCustomers;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Without {@code spring.mail.host} the service cannot send mail, so it neither offers nor promises any. */
@ServiceTest
class WithoutMailSettingsIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    CustomerRepository customers;

    @Autowired
    JdbcClient db;

    private Customer customer;

    @BeforeEach
    void aCustomer() {
        db.sql("DELETE FROM notify_subscriber").update();
        db.sql("DELETE FROM customers WHERE dd_name = ?").param(DemoCustomers.ON_BOTH).update();
        customer = customers.add(DemoCustomers.ON_BOTH, DemoCustomers.ON_BOTH, FieldType.CUSTOMER_NAME, null);
    }

    @Test
    void theCustomerPageHasNoSubscribeControlAndPromisesNoEmail() throws Exception {
        String page = mvc.perform(get("/sync/" + customer.obfuscatedId())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("About this report").doesNotContain("Email me when dates move")
                .doesNotContain("/updates\"").doesNotContainIgnoringCase("by email")
                .doesNotContainIgnoringCase("we will email you");
    }

    @Test
    void signingUpAnywayIsNotFoundAndStoresNothing() throws Exception {
        mvc.perform(post("/" + customer.obfuscatedId() + "/updates").with(csrf()).param("email", "pat@example.com"))
                .andExpect(status().isNotFound());

        assertThat(db.sql("SELECT count(*) FROM notify_subscriber").query(Integer.class).single()).isZero();
    }
}
