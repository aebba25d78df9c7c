package io.etareport.statuses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.etareport.customers.Customer;
import io.etareport.customers.CustomerRepository;
import io.etareport.customers.FieldType;
import io.etareport.security.Staff;
import io.etareport.security.StaffWebTest;
import io.etareport.simulator.DemoCustomers;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Staff give statuses stages on /status_mapping; the customer's page then tracks each order through them. */
@StaffWebTest
class StageTrackerIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient db;
    @Autowired
    CustomerRepository customers;

    private Customer glance;

    @BeforeEach
    void data() throws Exception {
        Staff.reset(db);
        db.sql("DELETE FROM customers").update();
        db.sql("DELETE FROM buz_cache").update();
        db.sql("DELETE FROM status_mapping").update();
        db.sql("DELETE FROM status_stage").update();
        glance = customers.add(DemoCustomers.AT_A_GLANCE, null, FieldType.CUSTOMER_NAME, null);
        stage("In Production", "Being made", "In production");
        stage("Awaiting Hardware", "Waiting for parts", "Received");
        stage("Ready for Dispatch", "Ready to go", "Ready");
    }

    private void stage(String raw, String custom, String stage) throws Exception {
        db.sql("INSERT INTO status_mapping (odata_status, custom_status, active) VALUES (?, ?, 1)")
                .params(raw, raw).update();
        long id = db.sql("SELECT id FROM status_mapping WHERE odata_status = ?").param(raw).query(Long.class).single();
        mvc.perform(post("/status_mapping/edit/" + id).param("customStatus", custom).param("active", "true")
                .param("stage", stage).with(Staff.signedInAs(Staff.USER)).with(csrf()));
    }

    private static String order(String page, String refNo) {
        int start = page.indexOf("aria-label=\"Order " + refNo + "\"");
        assertThat(start).as("order " + refNo + " is on the page").isPositive();
        return page.substring(start, page.indexOf("</section>", start));
    }

    private static String current(String order) {
        int at = order.indexOf("aria-current=\"step\"");
        assertThat(at).as("the tracker marks a current stage").isPositive();
        int start = order.indexOf("<span>", at) + "<span>".length();
        return order.substring(start, order.indexOf("</span>", start));
    }

    @Test
    void eachOrderShowsItsLeastAdvancedStageAndHowManyItemsAreReady() throws Exception {
        String page = mvc.perform(get("/sync/" + glance.obfuscatedId())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        // 90092: two lines in production (spelled two ways) and one awaiting hardware.
        assertThat(current(order(page, "90092"))).isEqualTo("Received");
        assertThat(order(page, "90092")).doesNotContain("items ready")
                // The staff's names, in the one spelling the filter uses too.
                .contains(">Being made</td>").contains(">Waiting for parts</td>")
                .doesNotContain(">in production<");
        // 90091: both lines ready for dispatch (spelled two ways) and freight invoiced.
        assertThat(current(order(page, "90091"))).isEqualTo("Ready");
        assertThat(order(page, "90091")).contains("3 of 3 items ready").contains("class=\"done\"");
        // 90090: one line cutting (no stage), one in production: the unknown line may be less advanced, so no
        // stage is claimed.
        assertThat(order(page, "90090")).doesNotContain("aria-current=\"step\"");
        assertThat(page).contains("<option value=\"Being made\"").doesNotContain("<option value=\"In Production\"");
    }
}
