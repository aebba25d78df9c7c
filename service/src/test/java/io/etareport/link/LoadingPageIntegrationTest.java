package io.etareport.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.etareport.ServiceTest;
import io.etareport.SimulatedBuzService;
import io.etareport.customers.Customer;
import io.etareport.customers.CustomerRepository;
import io.etareport.customers.FieldType;
import io.etareport.jobs.Jobs;
import io.etareport.simulator.DemoCustomers;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The loading page with the factory held up, as the server renders it: what a browser without JavaScript reads
 * (the page asks again by itself) and the saved copy it offers. The counting in the browser is
 * {@code LoadingPageBrowserIntegrationTest}'s; the words' rules are {@link JobJsonTest}'s.
 */
// Always the loading page, and the job waits for the live answer even with a stored copy of the factory's data (at
// the default stale deadline of 4 s it would take the stored copy before there was anything to wait for).
@ServiceTest(properties = {"eta.jobs.reuse-window=0s", "eta.jobs.show-recent-for=0s", "eta.cache.stale-deadline=60s",
        "eta.buz.read-timeout=30s", "eta.buz.instances.DD.display-name=Dandenong factory"})
class LoadingPageIntegrationTest {

    private static final Pattern RECHECK = Pattern.compile(
            "<noscript><meta http-equiv=\"refresh\" content=\"3;url=(/[0-9a-f]{32}/report/[0-9a-f-]{36})\"></noscript>");
    private static final Pattern STAGE = Pattern.compile("<p id=\"stage\" class=\"stage\">([^<]*)</p>");
    private static final Pattern COPY = Pattern.compile(
            "<a id=\"copy-link\" class=\"button secondary\" href=\"([^\"]+)\">([^<]*)</a>");

    @Autowired
    MockMvc mvc;

    @Autowired
    CustomerRepository customers;

    @Autowired
    JdbcClient db;

    private Customer customer;

    @BeforeEach
    void customer() {
        db.sql("DELETE FROM customers").update();
        db.sql("DELETE FROM buz_cache").update();
        customer = customers.add(DemoCustomers.DD_ONLY, DemoCustomers.DD_ONLY, FieldType.CUSTOMER_NAME, null);
    }

    @AfterEach
    void resetSimulator() {
        SimulatedBuzService.SIMULATOR.reset();
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static Matcher found(Pattern pattern, String html) {
        Matcher matcher = pattern.matcher(html);
        assertThat(matcher.find()).as(pattern.pattern()).isTrue();
        return matcher;
    }

    @Test
    void withoutJavaScriptThePageAsksAgainByItselfAndPastFiveSecondsSaysWhatItWaitsForAndHowLong() throws Exception {
        SimulatedBuzService.SIMULATOR.faults().latency("DD", 8_000);

        String loading = page("/" + customer.obfuscatedId());
        String recheck = found(RECHECK, loading).group(1);
        assertThat(recheck).isEqualTo("/" + customer.obfuscatedId() + "/report/" + Jobs.idOn(loading));
        assertThat(loading).as("no saved copy yet").doesNotContain("copy-link");

        String later = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> page(recheck), html -> STAGE.matcher(html).find()
                        && found(STAGE, html).group(1).startsWith("Still waiting"));
        assertThat(found(STAGE, later).group(1)).matches("Still waiting for Dandenong factory, \\d+\u00a0s so far");
        assertThat(later).doesNotContain("few seconds").contains("3;url=" + recheck);
        assertThat(later).as("while waiting, the bar claims no percentage (indeterminate)")
                .containsPattern("<progress id=\"progress\" max=\"100\" aria-labelledby=\"stage\">");

        Jobs.awaitFinished(mvc, Jobs.idOn(loading));
        String done = page(recheck);
        assertThat(done).contains("Open Orders").doesNotContain("http-equiv=\"refresh\"");
    }

    @Test
    void aSavedCopyIsOfferedWithItsTimeAndOpensWithoutWaiting() throws Exception {
        String first = Jobs.idOn(page("/" + customer.obfuscatedId()));
        Jobs.awaitFinished(mvc, first);
        SimulatedBuzService.SIMULATOR.faults().latency("DD", 8_000);

        String loading = page("/" + customer.obfuscatedId() + "?state=overdue");
        Matcher copy = found(COPY, loading);

        String fresh = Jobs.idOn(loading);
        assertThat(copy.group(1)).as("the filter kept, and the fresh job named")
                .isEqualTo("/" + customer.obfuscatedId() + "/report/" + first + "?state=overdue&amp;refresh=" + fresh);
        assertThat(copy.group(2)).matches("Show the copy from \\d{1,2}:\\d{2} [AP]M now");
        String time = copy.group(2).substring("Show the copy from ".length(), copy.group(2).length() - " now".length());
        String shown = page(copy.group(1).replace("&amp;", "&"));
        // The copy at once, marked refreshing while the fresh report is coming (its page swaps it in).
        assertThat(shown).contains("Open Orders").contains(", " + time + " Sydney time · refreshing…")
                .contains("data-refresh-job=\"" + fresh + "\"");
        assertThat(Jobs.state(mvc, fresh).get("done").asBoolean()).as("the fresh one still coming").isFalse();

        Jobs.awaitFinished(mvc, fresh);
        assertThat(page(copy.group(1).replace("&amp;", "&"))).as("once it is ready, the copy is just the copy")
                .doesNotContain("refreshing…").contains(", " + time + " Sydney time");
    }
}
