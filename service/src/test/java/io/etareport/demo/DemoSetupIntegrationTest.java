package io.etareport.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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

    @Test
    void theStatusMappingsAreFilledFromTheSimulatorAtStart() {
        List<String> raw = db.sql("SELECT odata_status FROM status_mapping WHERE active = 1").query(String.class)
                .list();

        assertThat(raw).isNotEmpty().allSatisfy(status -> assertThat(status).isNotBlank());
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
