package io.etareport.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.etareport.ServiceTest;
import io.etareport.jobs.Jobs;
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
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A customer opening their link, against the simulator over real HTTP. */
// The loading page's flow: no recent report shown at once (InstantOpenIntegrationTest covers that).
@ServiceTest(properties = {"eta.jobs.reuse-window=0s", "eta.jobs.heartbeat-interval=200ms",
        "eta.jobs.show-recent-for=0s"})
class CustomerReportIntegrationTest {

    @Autowired
    MockMvc mvc;

    @MockitoSpyBean
    CustomerRepository customers;

    @Autowired
    JdbcClient db;

    @Autowired
    JsonMapper json;

    private Customer onBoth;

    @BeforeEach
    void customers() {
        db.sql("DELETE FROM customers").update();
        db.sql("DELETE FROM report_job").update();
        db.sql("DELETE FROM buz_cache").update();
        onBoth = customers.add(DemoCustomers.ON_BOTH, DemoCustomers.ON_BOTH, FieldType.CUSTOMER_NAME, null);
        clearInvocations(customers);
    }

    @AfterEach
    void resetSimulator() {
        SimulatedBuzService.SIMULATOR.reset();
    }

    @Test
    void malformedLinksAre404BeforeAnyDatabaseOrUpstreamWork() throws Exception {
        String valid = onBoth.obfuscatedId();
        List<String> paths = List.of("/../etc/passwd", "/" + valid.substring(1), "/" + valid + "0",
                "/" + valid.toUpperCase(), "/%00" + valid.substring(3), "/etas/" + valid.substring(1),
                "/sync/" + valid + "a", "/" + valid.substring(1) + "/download.csv", "/report/not-a-job",
                "/jobs/../../etc");
        SimulatedBuzService.SIMULATOR.resetRequestCounts();

        for (String path : paths) {
            mvc.perform(get(path)).andExpect(status().isNotFound());
        }

        verify(customers, never()).findByObfuscatedId(any());
        verify(customers, never()).findById(anyLong());
        assertThat(db.sql("SELECT count(*) FROM report_job").query(Integer.class).single()).isZero();
        assertThat(SimulatedBuzService.SIMULATOR.requestCounts().total()).isZero();
    }

    @Test
    void anUnknownLinkIs404() throws Exception {
        mvc.perform(get("/0123456789abcdef0123456789abcdef")).andExpect(status().isNotFound());
        mvc.perform(get("/etas/0123456789abcdef0123456789abcdef")).andExpect(status().isNotFound());
    }

    @Test
    void aLinkShowsProgressThenTheReportOfBothFactories() throws Exception {
        String page = mvc.perform(get("/" + onBoth.obfuscatedId()))
                .andExpect(status().isOk())
                .andExpect(header().string("Referrer-Policy", "no-referrer"))
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(content().string(containsString("Preparing your report")))
                .andReturn().getResponse().getContentAsString();
        String jobId = jobId(page);

        JsonNode job = awaitFinished(jobId);

        assertThat(job.get("status").asString()).isEqualTo("completed");
        assertThat(job.get("pct").asInt()).isEqualTo(100);
        assertThat(job.get("done").asBoolean()).isTrue();
        assertThat(job.get("log").size()).isGreaterThan(3);
        assertThat(job.toString()).as("the job JSON carries progress only")
                .doesNotContain(DemoCustomers.ON_BOTH).doesNotContain("90001").doesNotContain("\"orders\"");

        String report = mvc.perform(get("/" + onBoth.obfuscatedId() + "/report/" + jobId))
                .andExpect(status().isOk())
                .andExpect(header().string("Referrer-Policy", "no-referrer"))
                .andReturn().getResponse().getContentAsString();
        assertThat(report).contains("Open Orders for " + DemoCustomers.ON_BOTH)
                .contains("<dd>DD</dd>").contains("<dd>CBR</dd>");
        assertThat(countOf(report, "<dd>90001</dd>")).as("the same number at both factories is two orders")
                .isEqualTo(2);
    }

    @Test
    void aFilterWithOneChoiceOrNoneIsNotOffered() throws Exception {
        Customer ddOnly = customers.add(DemoCustomers.DD_ONLY, null, FieldType.CUSTOMER_NAME, null);

        String oneFactory = mvc.perform(get("/sync/" + ddOnly.obfuscatedId())).andReturn().getResponse()
                .getContentAsString();
        String bothFactories = mvc.perform(get("/sync/" + onBoth.obfuscatedId())).andReturn().getResponse()
                .getContentAsString();

        assertThat(oneFactory).doesNotContain("id=\"supplier\"").contains("id=\"status\"");
        assertThat(bothFactories).contains("<select id=\"supplier\" name=\"supplier\">");
    }

    @Test
    void upstreamTextIsEscapedOnThePage() throws Exception {
        String report = mvc.perform(get("/sync/" + onBoth.obfuscatedId()))
                .andExpect(status().isOk())
                .andExpect(header().string("Referrer-Policy", "no-referrer"))
                .andReturn().getResponse().getContentAsString();

        assertThat(report).contains("&lt;script&gt;").doesNotContain("<script>alert");
    }

    @Test
    void stylesAndScriptsHaveContentHashedNamesAndAreCachedWhileThePageIsNot() throws Exception {
        String page = mvc.perform(get("/sync/" + onBoth.obfuscatedId()))
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andReturn().getResponse().getContentAsString();
        Matcher css = Pattern.compile("href=\"(/css/report-[0-9a-f]{32}\\.css)\"").matcher(page);
        Matcher js = Pattern.compile("src=\"(/js/report-[0-9a-f]{32}\\.js)\"").matcher(page);
        assertThat(css.find()).as("versioned stylesheet").isTrue();
        assertThat(js.find()).as("versioned script").isTrue();

        mvc.perform(get(css.group(1))).andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("max-age=31536000")));
        mvc.perform(get(js.group(1))).andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("max-age=31536000")));
    }

    @Test
    void startingByJsonChecksTheId() throws Exception {
        mvc.perform(post("/eta/start").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"obfuscated_id\":\"" + onBoth.obfuscatedId() + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.job_id").isString());
        mvc.perform(post("/eta/start").contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/eta/start").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("obfuscated_id must be 32 lowercase hex characters"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.detail").value("obfuscated_id must be 32 lowercase hex characters"));
        mvc.perform(post("/eta/start").contentType(MediaType.APPLICATION_JSON).content("{\"obfuscated_id\":\"../x\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/eta/start").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"obfuscated_id\":\"0123456789abcdef0123456789abcdef\"}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("unknown customer"))
                .andExpect(jsonPath("$.title").value("Not Found"));
    }

    @Test
    void simultaneousOpensOfOneLinkShareOneJob() throws Exception {
        SimulatedBuzService.SIMULATOR.faults().latency(SimulatorFaults.ALL, 300);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<String>> opened = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            opened.add(pool.submit((Callable<String>) () ->
                    jobId(mvc.perform(get("/" + onBoth.obfuscatedId())).andReturn().getResponse().getContentAsString())));
        }
        List<String> ids = new ArrayList<>();
        for (Future<String> id : opened) {
            ids.add(id.get());
        }
        pool.shutdown();

        assertThat(ids).containsOnly(ids.get(0));
        assertThat(awaitFinished(ids.get(0)).get("status").asString()).isEqualTo("completed");
    }

    @Test
    void whenTheSupplierFailsMidwayTheSavedCopyIsShownWithANotice() throws Exception {
        assertThat(awaitFinished(open(onBoth)).get("status").asString()).isEqualTo("completed");
        SimulatedBuzService.SIMULATOR.faults().mode("DD", FaultMode.HTTP_503);

        String jobId = open(onBoth);
        assertThat(awaitFinished(jobId).get("status").asString()).isEqualTo("completed");

        String report = mvc.perform(get("/" + onBoth.obfuscatedId() + "/report/" + jobId)).andReturn().getResponse().getContentAsString();
        assertThat(report).contains("Orders from DD come from a saved copy, last refreshed")
                .doesNotContain("Orders from CBR come from a saved copy");
    }

    @Test
    void whenTheSupplierFailsWithNothingSavedTheJobFailsWithThePlainMessage() throws Exception {
        SimulatedBuzService.SIMULATOR.faults().mode(SimulatorFaults.ALL, FaultMode.HTTP_503);

        JsonNode job = awaitFinished(open(onBoth));

        assertThat(job.get("status").asString()).isEqualTo("failed");
        assertThat(job.get("error").asString()).contains("unavailable").contains("try again");
    }

    @Test
    void theSupplierUnavailablePageAsksToTryAgainOnce() throws Exception {
        SimulatedBuzService.SIMULATOR.faults().mode(SimulatorFaults.ALL, FaultMode.HTTP_503);

        MockHttpServletResponse page = mvc.perform(get("/sync/" + onBoth.obfuscatedId())).andReturn().getResponse();

        assertThat(page.getStatus()).isEqualTo(503);
        assertThat(page.getContentAsString()).containsOnlyOnce("try again");
    }

    @Test
    void whenOneFactoryFailsWithNothingSavedTheOtherIsStillShown() throws Exception {
        SimulatedBuzService.SIMULATOR.faults().mode("CBR", FaultMode.HTTP_503);

        String jobId = open(onBoth);
        assertThat(awaitFinished(jobId).get("status").asString()).isEqualTo("completed");

        String report = mvc.perform(get("/" + onBoth.obfuscatedId() + "/report/" + jobId)).andReturn().getResponse().getContentAsString();
        assertThat(report).contains("Orders from CBR are missing").contains("<dd>DD</dd>").doesNotContain("<dd>CBR</dd>");
    }

    @Test
    void aReportWhoseKeptResultExpiredSendsTheCustomerBackToTheirLink() throws Exception {
        String jobId = open(onBoth);
        assertThat(awaitFinished(jobId).get("status").asString()).isEqualTo("completed");
        db.sql("UPDATE report_job SET result = NULL WHERE id = ?").param(jobId).update();

        mvc.perform(get("/" + onBoth.obfuscatedId() + "/report/" + jobId)).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/" + onBoth.obfuscatedId()));
    }

    @Test
    void aFinishedReportIsShownOnlyForItsOwnJobAndOtherwiseIs404() throws Exception {
        mvc.perform(get("/report/00000000-0000-0000-0000-000000000009")).andExpect(status().isNotFound());
        mvc.perform(get("/jobs/00000000-0000-0000-0000-000000000009")).andExpect(status().isNotFound())
                .andExpect(content().json("{\"error\": \"not found\"}"));
    }

    private String open(Customer customer) throws Exception {
        return jobId(mvc.perform(get("/" + customer.obfuscatedId())).andReturn().getResponse().getContentAsString());
    }

    static String jobId(String page) {
        return Jobs.idOn(page);
    }

    private JsonNode awaitFinished(String jobId) {
        return Jobs.awaitFinished(mvc, jobId);
    }

    private static int countOf(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
