package io.etareport.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.etareport.ServiceTest;
import io.etareport.SimulatedBuzService;
import io.etareport.customers.Customer;
import io.etareport.customers.CustomerRepository;
import io.etareport.customers.FieldType;
import io.etareport.simulator.DemoCustomers;
import io.etareport.simulator.SimulatorFaults;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;

/** A supplier slow enough to answer every request, but too slow for the job's time limit. */
@ServiceTest(properties = {"eta.jobs.max-duration=1s", "eta.jobs.heartbeat-interval=200ms"})
class JobTimeLimitIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    CustomerRepository customers;

    @AfterEach
    void resetSimulator() {
        SimulatedBuzService.SIMULATOR.reset();
    }

    @Test
    void aJobOverItsTimeLimitIsStoppedWithTheStallMessage() throws Exception {
        Customer customer = customers.add(DemoCustomers.DD_ONLY, null, FieldType.CUSTOMER_NAME, null);
        // Slower than the 1 s limit but within the read timeout: only the time limit can end this job with
        // the stall message (without it the job completes, or fails as "not responding").
        SimulatedBuzService.SIMULATOR.faults().latency(SimulatorFaults.ALL, 4_000);

        String jobId = Jobs.idOn(mvc.perform(get("/" + customer.obfuscatedId())).andReturn()
                .getResponse().getContentAsString());
        JsonNode job = Jobs.awaitFinished(mvc, jobId);

        assertThat(job.get("status").asString()).isEqualTo("failed");
        assertThat(job.get("error").asString()).isEqualTo(ReportJobs.STALLED);
    }
}
