package io.etareport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.etareport.db.TestPostgres;
import io.etareport.simulator.BuzSimulator;
import io.etareport.simulator.DemoCustomers;
import io.etareport.simulator.SimulatorFaults;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two nodes of the service on different ports sharing one PostgreSQL database, against the simulator with
 * latency, driven over real HTTP as a load balancer would spread a browser's requests.
 */
class TwoNodesIntegrationTest {

    private static final BuzSimulator SIMULATOR = SimulatedBuzService.SIMULATOR;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern JOB_ID = Pattern.compile("data-job-id=\"([0-9a-f-]{36})\"");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String LINK = "0123456789abcdef0123456789abcdef";

    private static String database;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;
    private static JdbcClient db;

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @BeforeAll
    static void startTwoNodes() {
        database = TestPostgres.newDatabase();
        nodeA = node();
        nodeB = node();
        db = JdbcClient.create(new DriverManagerDataSource(database, "postgres", ""));
    }

    @AfterAll
    static void stopNodes() {
        nodeA.close();
        nodeB.close();
    }

    @BeforeEach
    void oneCustomer() {
        db.sql("DELETE FROM customers").update();
        db.sql("DELETE FROM report_job").update();
        db.sql("DELETE FROM buz_cache").update();
        db.sql("INSERT INTO customers (dd_name, cbr_name, obfuscated_id, field_type) VALUES (?, ?, ?, 'Customer Name')")
                .params(DemoCustomers.ON_BOTH, DemoCustomers.ON_BOTH, LINK).update();
    }

    @AfterEach
    void resetSimulator() {
        SIMULATOR.reset();
    }

    @Test
    void tenOpensSpreadOverBothNodesMakeOneJobAndOneFetchPerInstance() throws Exception {
        SIMULATOR.faults().latency(SimulatorFaults.ALL, 300);
        SIMULATOR.resetRequestCounts();
        ExecutorService browsers = Executors.newFixedThreadPool(10);
        List<Future<String>> opened = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ConfigurableApplicationContext node = i % 2 == 0 ? nodeA : nodeB;
            opened.add(browsers.submit((Callable<String>) () -> jobIdOn(get(node, "/" + LINK).body())));
        }
        List<String> ids = new ArrayList<>();
        for (Future<String> id : opened) {
            ids.add(id.get());
        }
        browsers.shutdown();

        assertThat(ids).containsOnly(ids.get(0));
        assertThat(awaitFinished(nodeB, ids.get(0)).get("status").asString()).isEqualTo("completed");
        assertThat(db.sql("SELECT count(*) FROM report_job").query(Integer.class).single()).isEqualTo(1);
        Map<String, Long> fetches = SIMULATOR.requestCounts().recentNaming(DemoCustomers.ON_BOTH).stream()
                .collect(Collectors.groupingBy(request -> request.code() + " " + request.entitySet(),
                        Collectors.counting()));
        assertThat(fetches).isNotEmpty().allSatisfy((what, count) -> assertThat(count).as(what).isEqualTo(1));
        assertThat(fetches.keySet().stream().map(what -> what.split(" ")[0]).distinct()).as("both instances")
                .hasSize(2);
    }

    @Test
    void aStaffSessionStartedOnOneNodeWorksOnTheOther() throws Exception {
        HttpResponse<String> login = get(nodeA, "/login");
        Matcher csrf = CSRF.matcher(login.body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(uri(nodeA, "/login/demo"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=" + URLEncoder.encode("admin@example.com",
                        StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);

        HttpResponse<String> onB = get(nodeB, "/manage_users");

        assertThat(onB.statusCode()).isEqualTo(200);
        assertThat(onB.body()).contains("Who can sign in");
    }

    @Test
    void aJobWhoseNodeStopsIsFailedClearlyAndTheOtherNodeShowsIt() throws Exception {
        ConfigurableApplicationContext doomed = node("--eta.jobs.lease=3s");
        SIMULATOR.faults().latency(SimulatorFaults.ALL, 20_000);
        String jobId = jobIdOn(get(doomed, "/" + LINK).body());
        await().atMost(Duration.ofSeconds(30)).until(() -> "running".equals(
                db.sql("SELECT status FROM report_job WHERE id = ?").param(jobId).query(String.class).single()));

        doomed.close();
        SIMULATOR.reset();

        JsonNode job = awaitFinished(nodeB, jobId);
        assertThat(job.get("status").asString()).isEqualTo("failed");
        assertThat(job.get("error").asString()).contains("try again");
    }

    private static ConfigurableApplicationContext node(String... extra) {
        return ClusterNode.start(database, SIMULATOR, extra);
    }

    private JsonNode awaitFinished(ConfigurableApplicationContext node, String jobId) {
        return await("job " + jobId + " finished on the other node").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> JSON.readTree(get(node, "/jobs/" + jobId).body()), job -> job.get("done").asBoolean());
    }

    private HttpResponse<String> get(ConfigurableApplicationContext node, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(node, path)).header("Accept", "text/html,application/json").GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(ConfigurableApplicationContext node, String path) {
        return ClusterNode.uri(node, path);
    }

    private static String jobIdOn(String page) {
        Matcher matcher = JOB_ID.matcher(page);
        assertThat(matcher.find()).as("the loading page names its job").isTrue();
        return matcher.group(1);
    }
}
