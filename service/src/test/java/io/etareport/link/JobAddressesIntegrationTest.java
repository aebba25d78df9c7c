package io.etareport.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import io.etareport.ServiceTest;
import io.etareport.SimulatedBuzService;
import io.etareport.cache.MutableClock;
import io.etareport.customers.Customer;
import io.etareport.customers.CustomerLinks;
import io.etareport.customers.CustomerRepository;
import io.etareport.customers.FieldType;
import io.etareport.jobs.Jobs;
import io.etareport.simulator.DemoCustomers;
import io.etareport.simulator.FaultMode;
import io.etareport.simulator.SimulatorFaults;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A job id is never a key to a customer's orders (issue 18, rows 2 and 7): report addresses carry the link, the
 * original's {@code /report/<job>} lasts only {@code eta.jobs.show-recent-for} and never redirects to the link, a
 * job of a paused or replaced link is gone from polling and events, and logs name jobs by a short reference.
 */
@ServiceTest(properties = {"eta.jobs.reuse-window=0s", "eta.jobs.show-recent-for=15m"})
@ExtendWith(OutputCaptureExtension.class)
class JobAddressesIntegrationTest {

    private static final String ADMIN = "admin@example.com";

    @Autowired
    MockMvc mvc;
    @Autowired
    CustomerRepository customers;
    @Autowired
    CustomerLinks links;
    @Autowired
    JdbcClient db;
    @Autowired
    MutableClock clock;

    private Customer customer;

    @BeforeEach
    void customer() {
        db.sql("DELETE FROM customers").update();
        db.sql("DELETE FROM report_job").update();
        db.sql("DELETE FROM buz_cache").update();
        customer = customers.add(DemoCustomers.DD_ONLY, null, FieldType.CUSTOMER_NAME, null);
    }

    @AfterEach
    void putBack() {
        SimulatedBuzService.SIMULATOR.reset();
        clock.followSystem();
    }

    @Test
    void aJobOfAPausedLinkIsGoneFromPollingAndItsEventStream() throws Exception {
        String job = openAndWait();
        mvc.perform(get("/jobs/" + job)).andExpect(status().isOk());

        links.pause(customer.id(), ADMIN);

        mvc.perform(get("/jobs/" + job)).andExpect(status().isNotFound());
        mvc.perform(get("/jobs/" + job + "/events")).andExpect(status().isNotFound());
    }

    @Test
    void aJobOfAReplacedLinkIsGoneFromPollingAndItsEventStream() throws Exception {
        String job = openAndWait();
        clock.setSydney("2030-01-06T09:00");

        links.rotateLink(customer.id(), ADMIN).orElseThrow();

        mvc.perform(get("/jobs/" + job)).andExpect(status().isNotFound());
        mvc.perform(get("/jobs/" + job + "/events")).andExpect(status().isNotFound());
    }

    @Test
    void theReportAddressCarriesTheLinkAndOnlyThatLinksJobs() throws Exception {
        String job = openAndWait();
        Customer other = customers.add(DemoCustomers.ON_BOTH, DemoCustomers.ON_BOTH, FieldType.CUSTOMER_NAME, null);

        mvc.perform(get("/" + customer.obfuscatedId() + "/report/" + job)).andExpect(status().isOk())
                .andExpect(header().string("Referrer-Policy", "no-referrer"));
        mvc.perform(get("/" + other.obfuscatedId() + "/report/" + job)).andExpect(status().isNotFound());
    }

    @Test
    void theOriginalsReportAddressWorksOnlyForShowRecentForThenIsAPlain404() throws Exception {
        clock.setSydney("2025-01-06T09:00");
        String job = openAndWait();
        mvc.perform(get("/report/" + job)).andExpect(status().isOk());

        clock.advance(Duration.ofMinutes(16));

        MockHttpServletResponse late = mvc.perform(get("/report/" + job)).andReturn().getResponse();
        assertThat(late.getStatus()).isEqualTo(404);
        assertThat(late.getHeader("Location")).isNull();
        assertThat(late.getContentAsString()).doesNotContain(customer.obfuscatedId());
    }

    @Test
    void aJobWhoseReportWasDroppedNeverRedirectsToTheLink() throws Exception {
        String job = openAndWait();
        db.sql("UPDATE report_job SET result = NULL WHERE id = ?").param(job).update();

        MockHttpServletResponse response = mvc.perform(get("/report/" + job)).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getHeader("Location")).isNull();
        assertThat(response.getContentAsString()).doesNotContain(customer.obfuscatedId());
    }

    @Test
    void logsNameAFailedJobByAShortReferenceNotItsId(CapturedOutput output) throws Exception {
        SimulatedBuzService.SIMULATOR.faults().mode(SimulatorFaults.ALL, FaultMode.HTTP_503);

        String job = openAndWait();

        assertThat(Jobs.state(mvc, job).get("status").asString()).isEqualTo("failed");
        assertThat(output.getAll()).contains("Report job " + job.substring(0, 8)).doesNotContain(job);
    }

    private String openAndWait() throws Exception {
        String job = Jobs.idOn(mvc.perform(get("/" + customer.obfuscatedId())).andReturn().getResponse()
                .getContentAsString());
        Jobs.awaitFinished(mvc, job);
        return job;
    }
}
