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

/** Nobody is left on a spinner: a hung supplier ends in a message within the limits. */
@ServiceTest(properties = {"eta.jobs.reuse-window=0s", "eta.jobs.heartbeat-interval=200ms",
        "eta.buz.read-timeout=1s"})
class SlowSupplierIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    CustomerRepository customers;

    @Autowired
    JdbcClient db;

    private Customer onBoth;

    @BeforeEach
    void customers() {
        db.sql("DELETE FROM customers").update();
        db.sql("DELETE FROM buz_cache").update();
        onBoth = customers.add(DemoCustomers.ON_BOTH, DemoCustomers.ON_BOTH, FieldType.CUSTOMER_NAME, null);
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

    private String open(Customer customer) throws Exception {
        return Jobs.idOn(mvc.perform(get("/" + customer.obfuscatedId())).andReturn().getResponse()
                .getContentAsString());
    }
}
