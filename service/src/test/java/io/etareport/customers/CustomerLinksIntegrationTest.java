package io.etareport.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.etareport.ServiceTest;
import io.etareport.SimulatedBuzService;
import io.etareport.cache.MutableClock;
import io.etareport.jobs.Jobs;
import io.etareport.simulator.DemoCustomers;
import io.etareport.security.Staff;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Shutting a customer's link: a new link and pause/resume, seen from every route that takes a link
 * id, against the simulator over real HTTP, with a clock the tests move and a one-hour grace period.
 */
@ServiceTest(properties = {"eta.jobs.reuse-window=0s", "eta.links.rotation-grace=1h"})
class CustomerLinksIntegrationTest {

    private static final String ADMIN = Staff.ADMIN;
    private static final Duration GRACE = Duration.ofHours(1);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient db;
    @Autowired
    CustomerRepository customers;
    @Autowired
    CustomerLinks links;
    @Autowired
    MutableClock clock;

    private Customer acme;
    private String name;

    @BeforeEach
    void customer() {
        db.sql("DELETE FROM customers").update();
        db.sql("DELETE FROM report_job").update();
        db.sql("DELETE FROM buz_cache").update();
        clock.set(Instant.now());
        // A name of its own: other classes sharing the simulator may still be fetching the demo customers.
        name = "Links Test " + UUID.randomUUID();
        acme = customers.add(name, name, FieldType.CUSTOMER_NAME, "Acme Display");
        SimulatedBuzService.SIMULATOR.resetRequestCounts();
    }

    @AfterEach
    void putBack() {
        SimulatedBuzService.SIMULATOR.reset();
        clock.followSystem();
    }

    @Test
    void aReplacedLinkShowsTheNeutralPageOnEveryRouteAndStartsNothing() throws Exception {
        links.rotateLink(acme.id(), ADMIN).orElseThrow();
        clock.advance(GRACE);

        assertClosedEverywhere(acme.obfuscatedId());

        assertThat(jobs()).isZero();
        assertThat(requestsForAcme()).isZero();
    }

    @Test
    void theNewLinkWorksAndEverythingElseAboutTheCustomerStaysTheSame() throws Exception {
        // A customer with open orders, so the report has download links to check.
        db.sql("DELETE FROM customers").update();
        acme = customers.add(DemoCustomers.ON_BOTH, DemoCustomers.ON_BOTH, FieldType.CUSTOMER_NAME, "Acme Display");
        Customer rotated = links.rotateLink(acme.id(), ADMIN).orElseThrow();
        clock.advance(GRACE);

        assertThat(rotated.obfuscatedId()).matches("[0-9a-f]{32}").isNotEqualTo(acme.obfuscatedId());
        Customer stored = customers.findById(acme.id()).orElseThrow();
        assertThat(stored).isEqualTo(new Customer(acme.id(), acme.ddName(), acme.cbrName(), rotated.obfuscatedId(),
                acme.fieldType(), acme.displayName()));
        MockHttpServletResponse page = mvc.perform(get("/" + rotated.obfuscatedId())).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        String jobId = Jobs.idOn(page.getContentAsString());
        await().atMost(Duration.ofSeconds(30)).until(() -> mvc.perform(get("/jobs/" + jobId)).andReturn()
                .getResponse().getContentAsString().contains("\"status\":\"completed\""));
        assertThat(mvc.perform(get("/report/" + jobId)).andReturn().getResponse().getContentAsString())
                .contains("Open Orders for Acme Display").contains(rotated.obfuscatedId() + "/download.csv");
    }

    @Test
    void withinTheGracePeriodTheOldLinkStillWorksWithoutShowingTheNewOne() throws Exception {
        Customer rotated = links.rotateLink(acme.id(), ADMIN).orElseThrow();
        clock.advance(GRACE.minusSeconds(1));

        MockHttpServletResponse page = mvc.perform(get("/" + acme.obfuscatedId())).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("Preparing your report")
                .contains(acme.obfuscatedId()).doesNotContain(rotated.obfuscatedId());

        clock.advance(Duration.ofSeconds(1));
        assertClosedEverywhere(acme.obfuscatedId());
    }

    @Test
    void aReportPreparedBeforeTheLinkWasReplacedIsNoLongerShown() throws Exception {
        String jobId = Jobs.idOn(mvc.perform(get("/" + acme.obfuscatedId())).andReturn().getResponse()
                .getContentAsString());
        await().atMost(Duration.ofSeconds(30)).until(() -> mvc.perform(get("/jobs/" + jobId)).andReturn()
                .getResponse().getContentAsString().contains("\"done\":true"));
        clock.advance(Duration.ofSeconds(1));
        Customer rotated = links.rotateLink(acme.id(), ADMIN).orElseThrow();
        clock.advance(GRACE);

        MockHttpServletResponse report = mvc.perform(get("/report/" + jobId)).andReturn().getResponse();

        assertThat(report.getStatus()).isEqualTo(404);
        assertThat(report.getContentAsString()).contains("This link has been replaced")
                .doesNotContain(rotated.obfuscatedId()).doesNotContain("Acme Display");
    }

    @Test
    void aPausedLinkShowsTheNeutralPageWithoutAJobOrAnUpstreamCallUntilResumed() throws Exception {
        links.pause(acme.id(), ADMIN);

        assertClosedEverywhere(acme.obfuscatedId());
        assertThat(jobs()).isZero();
        assertThat(requestsForAcme()).isZero();

        links.resume(acme.id(), ADMIN);
        MockHttpServletResponse page = mvc.perform(get("/" + acme.obfuscatedId())).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(jobs()).isEqualTo(1);
    }

    @Test
    void twoAdminsReplacingTheSameLinkAtOnceLeaveExactlyOneNewLink() throws Exception {
        int admins = 8;
        ExecutorService pool = Executors.newFixedThreadPool(admins);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < admins; i++) {
            Callable<String> press = () -> {
                start.await();
                try {
                    return links.rotateLink(acme.id(), acme.obfuscatedId(), ADMIN).orElseThrow().obfuscatedId();
                } catch (CustomerLinks.LinkChangedException changed) {
                    return "refused";
                }
            };
            outcomes.add(pool.submit(press));
        }
        start.countDown();
        List<String> results = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
            results.add(outcome.get());
        }
        pool.shutdown();

        List<String> newIds = results.stream().filter(result -> !result.equals("refused")).toList();
        assertThat(newIds).hasSize(1);
        assertThat(customers.findById(acme.id()).orElseThrow().obfuscatedId()).isEqualTo(newIds.get(0));
        assertThat(db.sql("SELECT obfuscated_id FROM retired_link").query(String.class).list())
                .containsExactly(acme.obfuscatedId());
        assertThat(db.sql("SELECT count(*) FROM audit_log WHERE action = 'new link' AND entity_id = ?")
                .param(String.valueOf(acme.id())).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void twoAdminsPressingNewLinkOnTheListAtOnceMakeOneNewLinkOverHttp() throws Exception {
        Staff.reset(db);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> notices = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            notices.add(pool.submit(() -> {
                start.await();
                return mvc.perform(post("/admin/link/" + acme.id()).param("current", acme.obfuscatedId())
                                .with(csrf()).with(Staff.signedInAs(Staff.ADMIN)))
                        .andReturn().getFlashMap().toString();
            }));
        }
        start.countDown();
        List<String> flashes = new ArrayList<>();
        for (Future<String> notice : notices) {
            flashes.add(notice.get());
        }
        pool.shutdown();

        assertThat(flashes).filteredOn(flash -> flash.contains("New link for")).hasSize(1);
        assertThat(flashes).filteredOn(flash -> flash.contains("changed by someone else")).hasSize(1);
        assertThat(db.sql("SELECT count(*) FROM retired_link").query(Integer.class).single()).isEqualTo(1);
    }

    private void assertClosedEverywhere(String id) throws Exception {
        for (MockHttpServletRequestBuilder request : List.of(get("/" + id), get("/etas/" + id), get("/sync/" + id),
                get("/" + id + "/download.csv"), get("/etas/" + id + "/download.xlsx"))) {
            MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
            assertThat(response.getStatus()).as(request.toString()).isEqualTo(404);
            assertThat(response.getContentAsString()).as("neutral page")
                    .contains("This link has been replaced — please ask us for the new one.")
                    .doesNotContain("Acme Display").doesNotContain(name);
            assertThat(response.getHeader("Cache-Control")).contains("no-store");
        }
        MockHttpServletResponse started = mvc.perform(post("/eta/start").contentType(MediaType.APPLICATION_JSON)
                .content("{\"obfuscated_id\":\"" + id + "\"}")).andReturn().getResponse();
        assertThat(started.getStatus()).isEqualTo(404);
        assertThat(started.getContentAsString()).contains("This link has been replaced").doesNotContain("job_id");
    }

    private int jobs() {
        return db.sql("SELECT count(*) FROM report_job").query(Integer.class).single();
    }

    /** Upstream requests that asked for this test's customer (other test classes may share the simulator). */
    private long requestsForAcme() {
        return SimulatedBuzService.SIMULATOR.requestCounts().recentNaming(name).size();
    }
}
