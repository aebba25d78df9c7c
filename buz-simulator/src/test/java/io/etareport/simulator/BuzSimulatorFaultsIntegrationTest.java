package io.etareport.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Faults switched through the Java API and the /_sim control endpoints, seen by a plain HTTP client. */
class BuzSimulatorFaultsIntegrationTest {

    static final String JSD = SimulatorDataSet.JOBS_SCHEDULE_DETAILED;

    static BuzSimulator sim;
    static SimClient client;

    @BeforeAll
    static void start() {
        sim = BuzSimulator.start(SimulatorSettings.defaults().withHangLimit(Duration.ofSeconds(30)));
        client = new SimClient(sim);
    }

    @AfterAll
    static void stop() {
        sim.stop();
    }

    @BeforeEach
    void reset() {
        sim.reset();
    }

    private static HttpResponse<String> dd() throws Exception {
        return client.get("DD", JSD, "$top=1");
    }

    private static HttpResponse<String> cbr() throws Exception {
        return client.get("CBR", JSD, "$top=1");
    }

    private static HttpResponse<String> control(String method, String path, String body) throws Exception {
        return client.http.send(HttpRequest.newBuilder(URI.create(sim.rootUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void serviceUnavailableWithRetryAfterOnOneInstanceOnly() throws Exception {
        sim.faults().mode("DD", FaultMode.HTTP_503).retryAfter("DD", 30);

        HttpResponse<String> dd = dd();
        assertThat(dd.statusCode()).isEqualTo(503);
        assertThat(dd.headers().firstValue("Retry-After")).contains("30");
        assertThat(cbr().statusCode()).isEqualTo(200);

        sim.faults().mode("DD", FaultMode.NONE);
        assertThat(dd().statusCode()).isEqualTo(200);
    }

    @Test
    void faultsComeBeforeAuthentication() throws Exception {
        sim.faults().mode(SimulatorFaults.ALL, FaultMode.HTTP_503);

        HttpResponse<String> anonymous = client.http.send(HttpRequest.newBuilder(URI.create(client.url("CBR", JSD, null)))
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(anonymous.statusCode()).isEqualTo(503);
        assertThat(anonymous.headers().firstValue("Retry-After")).isEmpty();
    }

    @Test
    void tooManyRequestsAlwaysHasRetryAfter() throws Exception {
        sim.faults().mode("CBR", FaultMode.HTTP_429);
        HttpResponse<String> first = cbr();
        sim.faults().retryAfter("CBR", 7);
        HttpResponse<String> second = cbr();

        assertThat(first.statusCode()).isEqualTo(429);
        assertThat(first.headers().firstValue("Retry-After")).contains("1");
        assertThat(second.headers().firstValue("Retry-After")).contains("7");
    }

    @Test
    void gatewayAndServerErrors() throws Exception {
        sim.faults().mode("DD", FaultMode.HTTP_500);
        HttpResponse<String> internal = dd();
        sim.faults().mode("DD", FaultMode.HTTP_502);
        HttpResponse<String> badGateway = dd();
        sim.faults().mode("DD", FaultMode.HTTP_504);
        HttpResponse<String> gatewayTimeout = dd();

        assertThat(internal.statusCode()).isEqualTo(500);
        assertThat(SimClient.json(internal).get("error").get("code").asString()).isEqualTo("InternalServerError");
        assertThat(badGateway.statusCode()).isEqualTo(502);
        assertThat(gatewayTimeout.statusCode()).isEqualTo(504);
    }

    @Test
    void malformedJsonWith200() throws Exception {
        sim.faults().mode("DD", FaultMode.MALFORMED_JSON);

        HttpResponse<String> response = dd();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThatThrownBy(() -> SimClient.JSON.readTree(response.body())).isInstanceOf(JacksonException.class);
    }

    @Test
    void htmlPageWith200() throws Exception {
        sim.faults().mode("DD", FaultMode.HTML_200);

        HttpResponse<String> response = dd();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(response.body()).startsWith("<!DOCTYPE html>");
    }

    @Test
    void hangIsSeenAsAClientTimeoutAndCounted() throws Exception {
        sim.faults().mode("DD", FaultMode.HANG);

        Throwable thrown = catchThrowable(() -> client.http.send(HttpRequest.newBuilder(URI.create(client.url("DD", JSD, "$top=1")))
                .header("Authorization", client.auth("DD")).timeout(Duration.ofMillis(400)).GET().build(),
                HttpResponse.BodyHandlers.ofString()));

        assertThat(thrown).isInstanceOf(HttpTimeoutException.class);
        assertThat(sim.requestCounts().count("DD", JSD)).isEqualTo(1);
        sim.faults().clear();
        assertThat(dd().statusCode()).isEqualTo(200);
    }

    @Test
    void droppedConnectionGivesTheClientAnIoErrorWithoutAResponse() throws Exception {
        sim.faults().mode("DD", FaultMode.DROP_CONNECTION);
        HttpClient fresh = SimClient.newHttpClient();

        Throwable thrown = catchThrowable(() -> fresh.send(HttpRequest.newBuilder(URI.create(client.url("DD", JSD, "$top=1")))
                .header("Authorization", client.auth("DD")).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString()));

        assertThat(thrown).isInstanceOf(IOException.class).isNotInstanceOf(HttpTimeoutException.class);
        assertThat(sim.requestCounts().recent()).isNotEmpty()
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(-1));
    }

    @Test
    void failNextNThenRecover() throws Exception {
        sim.faults().failNext("DD", 2);

        assertThat(dd().statusCode()).isEqualTo(503);
        assertThat(cbr().statusCode()).isEqualTo(200);
        assertThat(dd().statusCode()).isEqualTo(503);
        assertThat(dd().statusCode()).isEqualTo(200);
        assertThat(dd().statusCode()).isEqualTo(200);
        assertThat(sim.faults().settings("DD").failNext()).isZero();
    }

    @Test
    void failNextOnAllWithAnotherMode() throws Exception {
        sim.faults().failNext(SimulatorFaults.ALL, 1, FaultMode.HTTP_429);

        assertThat(cbr().statusCode()).isEqualTo(429);
        assertThat(dd().statusCode()).isEqualTo(200);
    }

    @Test
    void latencyIsAdded() throws Exception {
        sim.faults().latency("CBR", 300);
        long start = System.nanoTime();
        assertThat(cbr().statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void controlEndpoints() throws Exception {
        HttpResponse<String> set = control("POST", "/_sim/faults",
                "{\"scope\":\"CBR\",\"failNext\":1,\"failNextMode\":\"HTTP_429\",\"retryAfterSeconds\":9}");
        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(SimClient.json(set).get("WATSO").get("failNext").asInt()).isEqualTo(1);

        HttpResponse<String> limited = cbr();
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("9");
        assertThat(cbr().statusCode()).isEqualTo(200);

        control("POST", "/_sim/faults", "[{\"scope\":\"all\",\"mode\":\"HTTP_503\"},{\"scope\":\"DD\",\"latencyMs\":5}]");
        JsonNode faults = SimClient.json(control("GET", "/_sim/faults", null));
        assertThat(faults.get("all").get("mode").asString()).isEqualTo("HTTP_503");
        assertThat(faults.get("DESDR").get("latencyMs").asInt()).isEqualTo(5);
        assertThat(dd().statusCode()).isEqualTo(503);

        JsonNode requests = SimClient.json(control("GET", "/_sim/requests", null));
        assertThat(requests.get("total").asInt()).isEqualTo(3);
        assertThat(requests.get("byEndpoint").get("WATSO/JobsScheduleDetailed").asInt()).isEqualTo(2);
        assertThat(requests.get("recent")).hasSize(3);

        assertThat(control("POST", "/_sim/reset", null).statusCode()).isEqualTo(200);
        assertThat(dd().statusCode()).isEqualTo(200);
        assertThat(SimClient.json(control("GET", "/_sim/requests", null)).get("total").asInt()).isEqualTo(1);

        assertThat(control("POST", "/_sim/faults", "{\"scope\":\"nowhere\",\"mode\":\"HTTP_503\"}").statusCode()).isEqualTo(400);
        assertThat(control("POST", "/_sim/faults", "{\"mode\":\"EXPLODE\"}").statusCode()).isEqualTo(400);
        assertThat(SimClient.json(control("GET", "/_sim/info", null)).get("instances").get("WATSO").get("baseUrl").asString())
                .isEqualTo(sim.baseUrl("CBR"));
    }

    @Test
    void requestCountsPerInstanceAndEntitySet() throws Exception {
        dd();
        dd();
        cbr();
        client.get("CBR", SimulatorDataSet.SALES_REPORT, "$top=1");
        client.postQuery("CBR", SimulatorDataSet.SALES_REPORT, "$top=1");
        client.http.send(HttpRequest.newBuilder(URI.create(client.url("DD", JSD, null))).GET().build(),
                HttpResponse.BodyHandlers.ofString()); // refused (401) but counted

        RequestCounts counts = sim.requestCounts();
        assertThat(counts.total()).isEqualTo(6);
        assertThat(counts.count("DD")).isEqualTo(3);
        assertThat(counts.count("DESDR", JSD)).isEqualTo(3);
        assertThat(counts.count("CBR", SimulatorDataSet.SALES_REPORT)).isEqualTo(2);
        assertThat(counts.count("CBR", SimulatorDataSet.WORK_IN_PROGRESS)).isZero();
        assertThat(counts.recent()).extracting(RequestCounts.RecordedRequest::status).containsExactly(200, 200, 200, 200, 200, 401);
        assertThat(counts.recent().get(4).method()).isEqualTo("POST");

        sim.resetRequestCounts();
        assertThat(sim.requestCounts().total()).isZero();
    }

    @Test
    void stopReleasesHangingRequests() throws Exception {
        // Its requests hang for ten minutes: only stopping can end them sooner.
        BuzSimulator other = BuzSimulator.start(0);
        SimClient otherClient = new SimClient(other);
        other.faults().mode(SimulatorFaults.ALL, FaultMode.HANG);
        var pending = otherClient.http.sendAsync(HttpRequest.newBuilder(URI.create(otherClient.url("CBR", JSD, null)))
                .header("Authorization", otherClient.auth("CBR")).GET().build(), HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(30)).until(() -> other.faults().hanging() == 1);
        assertThat(pending).isNotDone();

        other.stop();

        assertThat(catchThrowable(() -> pending.get(30, java.util.concurrent.TimeUnit.SECONDS)))
                .hasCauseInstanceOf(IOException.class);
    }
}
