package io.etareport.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.etareport.ServiceTest;
import io.etareport.jobs.Jobs;
import io.etareport.SimulatedBuzService;
import io.etareport.cache.MutableClock;
import io.etareport.customers.Customer;
import io.etareport.customers.CustomerRepository;
import io.etareport.customers.FieldType;
import io.etareport.simulator.DemoCustomers;
import io.etareport.simulator.SimulatorFaults;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** A link with a report from the last few minutes opens on it at once; the job's end reaches pages as an event. */
@ServiceTest(properties = {"eta.jobs.reuse-window=0s", "eta.jobs.show-recent-for=15m"})
class InstantOpenIntegrationTest {

    private static final Pattern REFRESH_JOB = Pattern.compile("data-refresh-job=\"([0-9a-f-]{36})\"");

    @Autowired
    MockMvc mvc;
    @Autowired
    CustomerRepository customers;
    @Autowired
    JdbcClient db;
    @Autowired
    MutableClock clock;
    @Autowired
    io.etareport.customers.CustomerLinks links;

    private Customer glance;

    @BeforeEach
    void customer() {
        db.sql("DELETE FROM customers").update();
        db.sql("DELETE FROM report_job").update();
        db.sql("DELETE FROM buz_cache").update();
        glance = customers.add(DemoCustomers.AT_A_GLANCE, null, FieldType.CUSTOMER_NAME, null);
    }

    @AfterEach
    void putBack() {
        SimulatedBuzService.SIMULATOR.reset();
        clock.followSystem();
    }

    private String open() throws Exception {
        return mvc.perform(get("/" + glance.obfuscatedId())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    void aReportFromSixMinutesAgoIsShownAtOnceMarkedRefreshingWhileAFreshOneIsPrepared() throws Exception {
        clock.setSydney("2025-01-06T09:00");
        String first = open();
        Jobs.awaitFinished(mvc, Jobs.idOn(first));
        SimulatedBuzService.SIMULATOR.faults().latency(SimulatorFaults.ALL, 1500);
        clock.advance(Duration.ofMinutes(6));

        String second = open();

        // One freshness line: the data's age and clock time, then that a fresh one is on its way.
        assertThat(second).contains("Open Orders for " + DemoCustomers.AT_A_GLANCE)
                .containsPattern("Updated 6 minutes ago, \\d{1,2}:\\d{2} [AP]M Sydney time · refreshing…")
                .contains("aria-label=\"Order 90092\"");
        Matcher refresh = REFRESH_JOB.matcher(second);
        assertThat(refresh.find()).isTrue();
        assertThat(Jobs.awaitFinished(mvc, refresh.group(1)).get("status").asString()).isEqualTo("completed");
        assertThat(mvc.perform(get("/report/" + refresh.group(1))).andReturn().getResponse().getContentAsString())
                .contains("aria-label=\"Order 90092\"").doesNotContain("refreshing…");
    }

    @Test
    void aReportOlderThanTheSettingIsNotShownTheLoadingPageIs() throws Exception {
        clock.setSydney("2025-01-06T09:00");
        Jobs.awaitFinished(mvc, Jobs.idOn(open()));
        clock.advance(Duration.ofMinutes(16));

        assertThat(open()).contains("Preparing your report").doesNotContain("refreshing…");
    }

    @Test
    void aReportPreparedBeforeTheLinkWasReplacedIsNeverShownAtOnce() throws Exception {
        clock.setSydney("2025-01-06T09:00");
        Jobs.awaitFinished(mvc, Jobs.idOn(open()));
        clock.advance(Duration.ofMinutes(2));
        glance = links.rotateLink(glance.id(), "test").orElseThrow();
        clock.advance(Duration.ofMinutes(1));

        assertThat(open()).contains("Preparing your report").doesNotContain("refreshing…");
    }

    @Test
    void theJobsEventsSayItsStateNowAndItsLastStateWhenItFinishes() throws Exception {
        SimulatedBuzService.SIMULATOR.faults().latency(SimulatorFaults.ALL, 500);
        String jobId = Jobs.idOn(open());

        MvcResult events = mvc.perform(get("/jobs/" + jobId + "/events")).andExpect(request().asyncStarted())
                .andReturn();
        Jobs.awaitFinished(mvc, jobId);
        String stream = mvc.perform(asyncDispatch(events)).andReturn().getResponse().getContentAsString();

        assertThat(stream).startsWith("event:job\ndata:{\"status\":\"running\"");
        assertThat(stream).contains("event:job\ndata:{\"status\":\"completed\"");
        mvc.perform(get("/jobs/00000000-0000-0000-0000-000000000000/events")).andExpect(status().isNotFound());
    }
}
