package io.etareport.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.etareport.customers.Customer;
import io.etareport.customers.CustomerRepository;
import io.etareport.jobs.Jobs;
import io.etareport.simulator.DemoCustomers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The demo as someone trying it first sees it. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"demo", "test"})
@ExtendWith(OutputCaptureExtension.class)
class DemoSetupIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient db;

    @Autowired
    CustomerRepository customers;

    @Autowired
    DemoSetup.DemoStatusesSeed seed;

    @Test
    void theStatusMappingsAreFilledFromTheSimulatorAtStart() {
        List<String> raw = db.sql("SELECT odata_status FROM status_mapping WHERE active = 1").query(String.class)
                .list();

        assertThat(raw).isNotEmpty().allSatisfy(status -> assertThat(status).isNotBlank());
    }

    @Test
    void theSimulatorsStatusesHaveStagesSoTheDemoShowsHowFarAlongOrdersAre() throws Exception {
        Map<String, String> stages = new HashMap<>();
        db.sql("SELECT status_key, stage FROM status_stage").query((ResultSet row) -> {
            stages.put(row.getString(1), row.getString(2));
        });
        assertThat(stages).containsEntry("order received", "Received").containsEntry("in production", "In production")
                .containsEntry("ready for dispatch", "Ready").containsEntry("dispatched", "Dispatched")
                .doesNotContainKey("on hold");
        assertThat(db.sql("SELECT count(*) FROM audit_log WHERE entity = 'status mapping' AND action = 'edit'"
                + " AND actor = 'system' AND after_json LIKE '%\"stage\"%'").query(Integer.class).single())
                .as("each stage given is audited as the system's edit").isPositive();
        // Not the customer the log test fetches: its report would then come from the cache and log nothing.
        Customer customer = customers.findAll().stream()
                .filter(candidate -> DemoCustomers.APOSTROPHE.equals(candidate.name())).findFirst().orElseThrow();

        String page = mvc.perform(get("/sync/" + customer.obfuscatedId())).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();

        assertThat(page).as("orders show a stage tracker").contains("aria-current=\"step\"")
                .as("and how many of their items are ready").containsPattern("\\d+ of \\d+ items? ready");
    }

    @Test
    void aStageStaffChoseIsKeptWhenTheDemoStartsAgain() {
        db.sql("UPDATE status_stage SET stage = 'Received' WHERE status_key = 'cutting'").update();
        try {
            seed.seed();

            assertThat(db.sql("SELECT stage FROM status_stage WHERE status_key = 'cutting'").query(String.class)
                    .single()).isEqualTo("Received");
        } finally {
            db.sql("UPDATE status_stage SET stage = 'In production' WHERE status_key = 'cutting'").update();
        }
    }

    @Test
    void preparingADemoCustomersReportLogsNoCustomerName(CapturedOutput output) throws Exception {
        Customer customer = customers.findAll().stream()
                .filter(candidate -> DemoCustomers.ON_BOTH.equals(candidate.name())).findFirst().orElseThrow();

        String loading = mvc.perform(get("/" + customer.obfuscatedId())).andReturn().getResponse()
                .getContentAsString();
        String job = Jobs.idOn(loading);
        await().atMost(Duration.ofSeconds(60)).until(() -> mvc.perform(get("/jobs/" + job)).andReturn()
                .getResponse().getContentAsString().contains("\"done\":true"));

        assertThat(output.getOut()).as("the report was fetched, so there was something to log")
                .contains("open_orders:");
        List<String> names = new ArrayList<>();
        for (DemoCustomers.DemoCustomer demo : DemoCustomers.all()) {
            names.add(demo.displayName());
            names.add(demo.ddName());
            names.add(demo.cbrName());
        }
        names.removeIf(name -> name == null || name.isBlank());
        assertThat(names).isNotEmpty();
        for (String name : names) {
            assertThat(output.getOut() + output.getErr()).as("logs name no customer").doesNotContain(name);
        }
    }
}
