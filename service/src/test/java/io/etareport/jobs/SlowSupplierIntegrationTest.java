package io.etareport.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.etareport.ServiceTest;
import io.etareport.SimulatedBuzService;
import io.etareport.customers.Customer;
import io.etareport.customers.CustomerRepository;
import io.etareport.customers.FieldType;
import io.etareport.simulator.DemoCustomers;
import io.etareport.simulator.FaultMode;
import io.etareport.simulator.SimulatorFaults;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Nobody is left on a spinner: a hung or very slow supplier ends in a message within the limits. */
@ServiceTest(properties = {"eta.jobs.workers=1", "eta.jobs.reuse-window=0s",
        "eta.jobs.heartbeat-interval=200ms", "eta.buz.read-timeout=1s"})
class SlowSupplierIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    CustomerRepository customers;

    @Autowired
    JdbcClient db;

    @Autowired
    JsonMapper json;

    private Customer onBoth;
    private Customer ddOnly;

    @BeforeEach
    void customers() {
        db.sql("DELETE FROM customers").update();
        db.sql("DELETE FROM buz_cache").update();
        onBoth = customers.add(DemoCustomers.ON_BOTH, DemoCustomers.ON_BOTH, FieldType.CUSTOMER_NAME, null);
        ddOnly = customers.add(DemoCustomers.DD_ONLY, null, FieldType.CUSTOMER_NAME, null);
    }

    @AfterEach
    void resetSimulator() {
        SimulatedBuzService.SIMULATOR.reset();
    }

    @Test
    void aHungSupplierEndsInThePlainTimeoutMessageWithinTheReadTimeout() throws Exception {
        SimulatedBuzService.SIMULATOR.faults().mode(SimulatorFaults.ALL, FaultMode.HANG);

        JsonNode job = Jobs.awaitFinished(mvc, open(onBoth));

        // The read timeout ended it (the job's own time limit would say it stalled), and a timed-out request is
        // not sent again.
        assertThat(job.get("status").asString()).isEqualTo("failed");
        assertThat(job.get("error").asString()).contains("not responding").isNotEqualTo(ReportJobs.STALLED);
        assertThat(SimulatedBuzService.SIMULATOR.requestCounts().recent())
                .isNotEmpty().extracting(r -> r.method() + " " + r.code() + " " + r.entitySet() + "?" + r.query())
                .doesNotHaveDuplicates();
    }

    @Test
    void whenEveryWorkerIsBusyANewReportWaitsAndTheLoadingPageSaysSo() throws Exception {
        SimulatedBuzService.SIMULATOR.faults().latency(SimulatorFaults.ALL, 700);
        String first = open(onBoth);

        String page = mvc.perform(get("/" + ddOnly.obfuscatedId())).andReturn().getResponse().getContentAsString();
        String second = Jobs.idOn(page);

        assertThat(page).contains("Waiting for a free worker");
        JsonNode waiting = json.readTree(mvc.perform(get("/jobs/" + second)).andReturn().getResponse()
                .getContentAsString());
        assertThat(waiting.get("status").asString()).isEqualTo("running");
        assertThat(waiting.get("queued").asBoolean()).isTrue();
        assertThat(Jobs.awaitFinished(mvc, first).get("status").asString()).isEqualTo("completed");
        assertThat(Jobs.awaitFinished(mvc, second).get("status").asString()).isEqualTo("completed");
    }

    private String open(Customer customer) throws Exception {
        return Jobs.idOn(mvc.perform(get("/" + customer.obfuscatedId())).andReturn().getResponse()
                .getContentAsString());
    }
}
