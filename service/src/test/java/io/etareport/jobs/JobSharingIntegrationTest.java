package io.etareport.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.etareport.ServiceTest;
import io.etareport.SimulatedBuzService;
import io.etareport.customers.Customer;
import io.etareport.customers.CustomerRepository;
import io.etareport.customers.FieldType;
import io.etareport.simulator.BuzSimulator;
import io.etareport.simulator.DemoCustomers;
import io.etareport.simulator.SimulatorFaults;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every path that builds a report shares the customer's one job and its reuse window; requests
 * that only look at a link start nothing; one client cannot start reports without end.
 */
@ServiceTest(properties = {"eta.jobs.starts-per-minute=5", "eta.jobs.heartbeat-interval=200ms",
        "eta.buz.read-timeout=15s", "eta.api.key=" + JobSharingIntegrationTest.KEY})
class JobSharingIntegrationTest {

    private static final String JOBS = "JobsScheduleDetailed";
    static final String KEY = "job-sharing-test-key";

    @Autowired
    MockMvc mvc;

    @Autowired
    CustomerRepository customers;

    @Autowired
    JdbcClient db;

    @Autowired
    JsonMapper json;

    @Autowired
    JobStore store;

    private Customer onBoth;
    private int client;

    @BeforeEach
    void customers() {
        db.sql("DELETE FROM customers").update();
        db.sql("DELETE FROM report_job").update();
        db.sql("DELETE FROM buz_cache").update();
        onBoth = customers.add(DemoCustomers.ON_BOTH, DemoCustomers.ON_BOTH, FieldType.CUSTOMER_NAME, null);
        SimulatedBuzService.SIMULATOR.resetRequestCounts();
    }

    @AfterEach
    void resetSimulator() {
        SimulatedBuzService.SIMULATOR.reset();
    }

    /** A request from a client address of its own, so the start limit stays out of tests about sharing. */
    private MockHttpServletRequestBuilder fromNewClient(MockHttpServletRequestBuilder request) {
        String address = "10.1." + (++client / 250) + "." + (client % 250 + 1);
        return request.with(each -> {
            each.setRemoteAddr(address);
            return each;
        });
    }

    /** Order requests for this test's customer (other classes' work may still reach the shared simulator). */
    private long calls(String code) {
        String instance = BuzSimulator.normaliseCode(code);
        return SimulatedBuzService.SIMULATOR.requestCounts().recentNaming(DemoCustomers.ON_BOTH).stream()
                .filter(request -> instance.equals(request.code()) && JOBS.equals(request.entitySet()))
                .count();
    }

    /** Any request for this test's customer. */
    private long anyCalls() {
        return SimulatedBuzService.SIMULATOR.requestCounts().recentNaming(DemoCustomers.ON_BOTH).size();
    }

    private int jobCount() {
        return db.sql("SELECT count(*) FROM report_job").query(Integer.class).single();
    }

    @Test
    void headStartsNoReportAndCallsNoSupplier() throws Exception {
        mvc.perform(fromNewClient(head("/" + onBoth.obfuscatedId()))).andExpect(status().isOk());
        mvc.perform(fromNewClient(head("/sync/" + onBoth.obfuscatedId()))).andExpect(status().isOk());
        mvc.perform(fromNewClient(head("/" + onBoth.obfuscatedId() + "/download.csv"))).andExpect(status().isOk());

        assertThat(jobCount()).isZero();
        assertThat(anyCalls()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
            "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
            "WhatsApp/2.23.20.0", "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)",
            "TelegramBot (like TwitterBot)", "LinkedInBot/1.0", "Mozilla/5.0 (compatible; Googlebot/2.1)",
            "Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5"})
    void linkPreviewRobotsGetAPageWithoutDataAndStartNothing(String robot) throws Exception {
        String page = mvc.perform(fromNewClient(get("/" + onBoth.obfuscatedId()).header("User-Agent", robot)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Open this link in your web browser").doesNotContain(DemoCustomers.ON_BOTH);
        assertThat(jobCount()).isZero();
        assertThat(anyCalls()).isZero();
    }

    @Test
    void thirtySyncViewsAtOnceMakeOneFetchPerInstance() throws Exception {
        SimulatedBuzService.SIMULATOR.faults().latency(SimulatorFaults.ALL, 300);

        List<String> pages = concurrently(30, () -> mvc.perform(fromNewClient(get("/sync/" + onBoth.obfuscatedId())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(pages).allSatisfy(page -> assertThat(page).contains("Open Orders for " + DemoCustomers.ON_BOTH));
        assertThat(calls(BuzSimulator.DD_CODE)).isEqualTo(1);
        assertThat(calls(BuzSimulator.CBR_CODE)).isEqualTo(1);
        assertThat(jobCount()).isEqualTo(1);
    }

    @Test
    void downloadsWithoutAJobShareTheCustomersJobToo() throws Exception {
        SimulatedBuzService.SIMULATOR.faults().latency(SimulatorFaults.ALL, 300);

        List<String> files = concurrently(10, () -> {
            var started = mvc.perform(fromNewClient(get("/" + onBoth.obfuscatedId() + "/download.csv")))
                    .andReturn();
            return new String(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                            .asyncDispatch(started)).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsByteArray(), StandardCharsets.UTF_8);
        });
        mvc.perform(fromNewClient(get("/sync/" + onBoth.obfuscatedId()))).andExpect(status().isOk());

        assertThat(files).allSatisfy(file -> assertThat(file).isEqualTo(files.get(0)).contains("RefNo"));
        assertThat(calls(BuzSimulator.DD_CODE)).as("one fetch, then the reuse window").isEqualTo(1);
        assertThat(calls(BuzSimulator.CBR_CODE)).isEqualTo(1);
    }

    @Test
    void theJsonApisOrdersAndDownloadsShareTheCustomersJobToo() throws Exception {
        SimulatedBuzService.SIMULATOR.faults().latency(SimulatorFaults.ALL, 300);

        List<String> answers = concurrently(10, () -> mvc.perform(get("/api/v1/customers/" + onBoth.obfuscatedId()
                + "/orders").header("X-API-Key", KEY)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
        var download = mvc.perform(get("/api/v1/reports/" + onBoth.obfuscatedId() + "/download")
                .header("X-API-Key", KEY)).andReturn();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(download))
                .andExpect(status().isOk());

        assertThat(answers).allSatisfy(answer -> assertThat(answer).contains("\"orders\""));
        assertThat(calls(BuzSimulator.DD_CODE)).as("one fetch, then the reuse window").isEqualTo(1);
        assertThat(calls(BuzSimulator.CBR_CODE)).isEqualTo(1);
        assertThat(jobCount()).isEqualTo(1);
    }

    @Test
    void aClientStartingTooManyReportsGetsThe429PageWhileOthersCarryOn() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/" + onBoth.obfuscatedId())).andExpect(status().isOk());
        }

        mvc.perform(get("/" + onBoth.obfuscatedId()).accept(MediaType.TEXT_HTML))
                .andExpect(status().isTooManyRequests());
        mvc.perform(get("/sync/" + onBoth.obfuscatedId())).andExpect(status().isTooManyRequests());
        mvc.perform(post("/eta/start").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"obfuscated_id\":\"" + onBoth.obfuscatedId() + "\"}"))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("try again in a minute")));
        mvc.perform(fromNewClient(get("/" + onBoth.obfuscatedId()))).andExpect(status().isOk());
    }

    @Test
    void queuedJobsKnowTheirPlaceInTheQueue() {
        String first = store.create(901, "Waiting").orElseThrow();
        String second = store.create(902, "Waiting").orElseThrow();
        String third = store.create(903, "Waiting").orElseThrow();

        assertThat(List.of(store.queuePosition(first), store.queuePosition(second), store.queuePosition(third)))
                .containsExactly(1, 2, 3);
        store.start(first);
        assertThat(store.queuePosition(first)).as("running, not queued").isZero();
        assertThat(store.queuePosition(third)).isEqualTo(2);
    }

    @Test
    void aSlowSupplierIsNamedOnTheLoadingPageWithTheSecondsSoFar() throws Exception {
        SimulatedBuzService.SIMULATOR.faults().latency(BuzSimulator.DD_CODE, 7000);
        String page = mvc.perform(fromNewClient(get("/" + onBoth.obfuscatedId()))).andReturn().getResponse()
                .getContentAsString();
        String jobId = Jobs.idOn(page);

        JsonNode slow = await().atMost(Duration.ofSeconds(20)).until(() -> job(jobId),
                job -> job.get("slow").asBoolean());

        assertThat(slow.get("stage").asString()).matches("Still waiting for DD, \\d+\u00a0s so far");
        assertThat((Iterable<JsonNode>) slow.get("waitingFor")).extracting(JsonNode::asString).containsExactly("DD");
        assertThat(slow.get("waitingSince").asLong()).isPositive()
                .isLessThanOrEqualTo(slow.get("updated_ts").asLong());
        assertThat(slow.get("status").asString()).isEqualTo("running");
        await().atMost(Duration.ofSeconds(30)).until(() -> job(jobId).get("done").asBoolean());
        assertThat(job(jobId).get("slow").asBoolean()).isFalse();
    }

    @Test
    void storedReportsAreCompressedAndRowsFromBeforeStillOpen() throws Exception {
        String jobId = Jobs.idOn(mvc.perform(fromNewClient(get("/" + onBoth.obfuscatedId())))
                .andReturn().getResponse().getContentAsString());
        await().atMost(Duration.ofSeconds(30)).until(() -> job(jobId).get("done").asBoolean());
        byte[] stored = db.sql("SELECT result FROM report_job WHERE id = ?").param(jobId)
                .query((row, n) -> row.getBytes(1)).single();
        assertThat(ResultCodec.isGzip(stored)).isTrue();
        String page = mvc.perform(get("/report/" + jobId)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();

        String plainJson = new String(ResultCodec.open(stored).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(stored.length).isLessThan(plainJson.length() / 3);
        db.sql("UPDATE report_job SET result = ? WHERE id = ?").params(storedBeforeCompression(plainJson), jobId).update();

        assertThat(mvc.perform(get("/report/" + jobId)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).isEqualTo(page);
    }

    private JsonNode job(String jobId) throws Exception {
        return json.readTree(mvc.perform(get("/jobs/" + jobId)).andReturn().getResponse().getContentAsString());
    }

    private interface Call {
        String run() throws Exception;
    }

    private static List<String> concurrently(int callers, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                futures.add(pool.submit(call::run));
            }
            List<String> results = new ArrayList<>();
            for (Future<String> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A report as a row from before compression holds it: JSON text in SQLite's column. */
    Object storedBeforeCompression(String json) {
        return json;
    }
}
