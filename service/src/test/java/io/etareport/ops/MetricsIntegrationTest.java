package io.etareport.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import io.etareport.ServiceTest;
import io.etareport.SimulatedBuzService;
import io.etareport.customers.Customer;
import io.etareport.customers.CustomerRepository;
import io.etareport.customers.FieldType;
import io.etareport.simulator.DemoCustomers;
import io.etareport.simulator.FaultMode;
import io.etareport.simulator.SimulatorFaults;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** What operators scrape at /actuator/prometheus after customers used the service. */
@ServiceTest(properties = "eta.api.key=" + MetricsIntegrationTest.KEY)
class MetricsIntegrationTest {

    static final String KEY = "metrics-test-key";

    @Autowired
    MockMvc mvc;

    @Autowired
    CustomerRepository customers;

    @Autowired
    JdbcClient db;

    @AfterEach
    void resetSimulator() {
        SimulatedBuzService.SIMULATOR.reset();
    }

    @Test
    void theScrapeIsRefusedAnonymouslyOnTheMainPort() throws Exception {
        String body = mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized())
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("eta_").contains("UNAUTHORIZED");
        mvc.perform(get("/actuator/prometheus").header("X-API-Key", "wrong")).andExpect(status().isForbidden());
    }

    @Test
    void theRunningVersionIsInActuatorInfoWithTheSameAccessAsMetrics() throws Exception {
        mvc.perform(get("/actuator/info")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/info").header("X-API-Key", "wrong")).andExpect(status().isForbidden());

        String info = mvc.perform(get("/actuator/info").header("X-API-Key", KEY))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(info).contains("\"build\"", "\"version\"", "\"artifact\":\"eta-report\"", "\"java\"");
        assertThat(info).contains("\"git\"", "\"commit\"");
    }

    @Test
    void afterAReportTheScrapeHoldsTheReportTimeUpstreamCallsJobsCopiesAndDownloads() throws Exception {
        db.sql("DELETE FROM buz_cache").update();
        Customer customer = customers.add(DemoCustomers.ON_BOTH, DemoCustomers.ON_BOTH, FieldType.CUSTOMER_NAME, null);
        String job = mvc.perform(post("/api/v1/reports/" + customer.obfuscatedId() + "/generate").header("X-API-Key", KEY))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString()
                .replaceAll(".*\"job_id\":\"([^\"]+)\".*", "$1");
        await().atMost(Duration.ofSeconds(30)).until(() -> mvc.perform(get("/api/v1/jobs/" + job)
                .header("X-API-Key", KEY)).andReturn().getResponse().getContentAsString().contains("\"done\":true"));

        // The supplier goes down: the download is made from the stored copies.
        SimulatedBuzService.SIMULATOR.faults().mode(SimulatorFaults.ALL, FaultMode.HTTP_503);
        db.sql("DELETE FROM report_job").update();
        MvcResult started = mvc.perform(get("/api/v1/reports/" + customer.obfuscatedId() + "/download")
                .param("format", "xlsx").header("X-API-Key", KEY)).andReturn();
        mvc.perform(asyncDispatch(started)).andExpect(status().isOk());

        String scrape = mvc.perform(get("/actuator/prometheus").header("X-API-Key", KEY))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(scrape)
                .containsPattern("eta_report_ready_seconds_bucket\\{source=\"live\",le=\"[^\"]+\"}")
                .contains("eta_report_ready_seconds_count{source=\"live\"} 1")
                .containsPattern("eta_upstream_requests_total\\{entity_set=\"JobsScheduleDetailed\",instance=\"DD\","
                        + "outcome=\"ok\"} [1-9]")
                .containsPattern("eta_upstream_requests_total\\{entity_set=\"JobsScheduleDetailed\",instance=\"CBR\","
                        + "outcome=\"unavailable\"} [1-9]")
                .containsPattern("eta_upstream_latency_seconds_bucket\\{entity_set=\"JobsScheduleDetailed\","
                        + "instance=\"CBR\",le=")
                .containsPattern("eta_cache_copies_served_total\\{instance=\"DD\",reason=\"503\"} [1-9]")
                .contains("eta_jobs{state=\"queued\"}", "eta_jobs{state=\"running\"}")
                .containsPattern("eta_breaker_state\\{instance=\"DD\"} [0-2]\\.0")
                .containsPattern("eta_breaker_state\\{instance=\"CBR\"} [0-2]\\.0")
                .contains("eta_downloads_total{format=\"xlsx\",via=\"api\"} 1.0");
    }
}
