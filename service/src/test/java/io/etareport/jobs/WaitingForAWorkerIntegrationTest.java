package io.etareport.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;

import io.etareport.ServiceTest;
import io.etareport.SimulatedBuzService;
import io.etareport.customers.Customer;
import io.etareport.customers.CustomerRepository;
import io.etareport.customers.FieldType;
import io.etareport.simulator.BuzSimulator;
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

/**
 * One worker, held by a report whose supplier hangs until the test lets it go (the read timeout is far away):
 * a second report waits for it, and the loading page says so.
 */
@ServiceTest(properties = {"eta.jobs.workers=1", "eta.jobs.reuse-window=0s", "eta.jobs.heartbeat-interval=200ms",
        "eta.buz.read-timeout=5m"})
class WaitingForAWorkerIntegrationTest {

    private static final BuzSimulator SIMULATOR = SimulatedBuzService.SIMULATOR;

    @Autowired
    MockMvc mvc;

    @Autowired
    CustomerRepository customers;

    @Autowired
    JdbcClient db;

    private Customer onBoth;
    private Customer ddOnly;

    @BeforeEach
    void customers() {
        db.sql("DELETE FROM customers").update();
        db.sql("DELETE FROM buz_cache").update();
        SIMULATOR.reset();
        onBoth = customers.add(DemoCustomers.ON_BOTH, DemoCustomers.ON_BOTH, FieldType.CUSTOMER_NAME, null);
        ddOnly = customers.add(DemoCustomers.DD_ONLY, null, FieldType.CUSTOMER_NAME, null);
    }

    @AfterEach
    void resetSimulator() {
        SIMULATOR.reset();
    }

    @Test
    void whenEveryWorkerIsBusyANewReportWaitsAndTheLoadingPageSaysSo() throws Exception {
        SIMULATOR.faults().mode(SimulatorFaults.ALL, FaultMode.HANG);
        String first = open(onBoth);
        await("the only worker is at the supplier").atMost(Duration.ofSeconds(60))
                .until(() -> SIMULATOR.faults().hanging() > 0);

        String page = mvc.perform(get("/" + ddOnly.obfuscatedId())).andReturn().getResponse().getContentAsString();
        String second = Jobs.idOn(page);

        assertThat(page).contains("Waiting for a free worker");
        JsonNode waiting = Jobs.state(mvc, second);
        assertThat(waiting.get("status").asString()).isEqualTo("running");
        assertThat(waiting.get("queued").asBoolean()).isTrue();

        // Released, the hung requests are dropped and sent again (the JDK client's one retry), now answered.
        SIMULATOR.faults().clear();
        assertThat(Jobs.awaitFinished(mvc, first).get("status").asString()).isEqualTo("completed");
        assertThat(Jobs.awaitFinished(mvc, second).get("status").asString()).isEqualTo("completed");
    }

    private String open(Customer customer) throws Exception {
        return Jobs.idOn(mvc.perform(get("/" + customer.obfuscatedId())).andReturn().getResponse()
                .getContentAsString());
    }
}
