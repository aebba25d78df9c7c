package io.etareport.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;

import io.etareport.SimulatedBuzService;
import io.etareport.customers.Customer;
import io.etareport.customers.CustomerRepository;
import io.etareport.customers.FieldType;
import io.etareport.simulator.DemoCustomers;
import io.etareport.simulator.SimulatorFaults;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A supplier slow enough to answer every request, but too slow for the job's time limit. */
@SpringBootTest(properties = {"eta.jobs.max-duration=1s", "eta.jobs.heartbeat-interval=200ms"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class JobTimeLimitTest {

    @DynamicPropertySource
    static void buz(DynamicPropertyRegistry registry) {
        SimulatedBuzService.register(registry);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    CustomerRepository customers;

    @Autowired
    JsonMapper json;

    @AfterEach
    void resetSimulator() {
        SimulatedBuzService.SIMULATOR.reset();
    }

    @Test
    void aJobOverItsTimeLimitIsStoppedWithTheStallMessage() throws Exception {
        Customer customer = customers.add(DemoCustomers.DD_ONLY, null, FieldType.CUSTOMER_NAME, null);
        SimulatedBuzService.SIMULATOR.faults().latency(SimulatorFaults.ALL, 5_000);
        long start = System.nanoTime();

        String jobId = CustomerReportTest.jobId(mvc.perform(get("/" + customer.obfuscatedId())).andReturn()
                .getResponse().getContentAsString());
        JsonNode job;
        do {
            Thread.sleep(50);
            job = json.readTree(mvc.perform(get("/jobs/" + jobId)).andReturn().getResponse().getContentAsString());
        } while (!job.get("done").asBoolean() && System.nanoTime() - start < Duration.ofSeconds(10).toNanos());

        assertThat(job.get("status").asString()).isEqualTo("failed");
        assertThat(job.get("error").asString()).isEqualTo(ReportJobs.STALLED);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }
}
