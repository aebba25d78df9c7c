package io.etareport.buz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.etareport.buz.BuzException.Kind;
import io.etareport.simulator.BuzSimulator;
import io.etareport.simulator.DemoCustomers;
import io.etareport.simulator.FaultMode;
import io.etareport.simulator.SimulatorSettings;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How the client behaves when BuzManager misbehaves, over real HTTP against the simulator's faults. */
class BuzClientIntegrationTest {

    private static final String JOBS = "JobsScheduleDetailed";
    /** How long to wait for something that happens at once on an idle machine. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ODataQuery ONE_CUSTOMER = ODataQuery.of(JOBS,
            ODataFilter.eq("Customer", DemoCustomers.APOSTROPHE));

    private static BuzSimulator simulator;
    private static BuzClient client;

    @BeforeAll
    static void start() {
        // A hung request stays hung until the test lets it go (or the simulator stops).
        simulator = BuzSimulator.start(SimulatorSettings.defaults().withPageSize(20)
                .withHangLimit(Duration.ofMinutes(5)));
        client = new SimulatedBuz(simulator).readTimeout(Duration.ofMillis(500)).client();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void reset() {
        simulator.reset();
    }

    @Test
    void retriesOnceAfterA503AndSucceeds() {
        simulator.faults().failNext("DD", 1, FaultMode.HTTP_503);

        assertThat(client.fetch(Instance.DD, ONE_CUSTOMER)).isNotEmpty();
        assertThat(requests()).isEqualTo(2);
    }

    @Test
    void twoFailuresInARowAreReportedByKindAfterExactlyTwoRequests() {
        expectFailure(FaultMode.HTTP_503, Kind.UNAVAILABLE, 503);
        expectFailure(FaultMode.HTTP_500, Kind.SERVER_ERROR, 500);
        expectFailure(FaultMode.HTTP_502, Kind.SERVER_ERROR, 502);
        expectFailure(FaultMode.HTTP_504, Kind.SERVER_ERROR, 504);
        expectFailure(FaultMode.DROP_CONNECTION, Kind.CONNECTION, 0);
    }

    @Test
    void aDroppedConnectionIsRetriedOnce() {
        // The JDK client makes this retry itself; the client adds none on top.
        simulator.faults().failNext("DD", 1, FaultMode.DROP_CONNECTION);

        assertThat(client.fetch(Instance.DD, ONE_CUSTOMER)).isNotEmpty();
        assertThat(requests()).isEqualTo(2);
    }

    @Test
    void aThrottledRequestWaitsForRetryAfterThenGivesUp() {
        simulator.faults().mode("DD", FaultMode.HTTP_429).retryAfter("DD", 1);
        long started = System.nanoTime();

        assertFails(() -> client.fetch(Instance.DD, ONE_CUSTOMER), Kind.THROTTLED, 429);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(requests()).isEqualTo(2);
    }

    @Test
    void aRetryAfterLongerThanWeWaitFailsAtOnce() {
        simulator.faults().mode("DD", FaultMode.HTTP_503).retryAfter("DD", 3600);

        assertFails(() -> client.fetch(Instance.DD, ONE_CUSTOMER), Kind.UNAVAILABLE, 503);
        assertThat(requests()).isEqualTo(1);
    }

    @Test
    void aHungServerTimesOutAfterTheReadTimeoutAndIsNotRetried() {
        simulator.faults().mode("DD", FaultMode.HANG);
        long started = System.nanoTime();

        // The server never answers: only the client's read timeout can end the call.
        assertFails(() -> client.fetch(Instance.DD, ONE_CUSTOMER), Kind.TIMEOUT, 0);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
        assertThat(requests()).isEqualTo(1);
    }

    @Test
    void slowAnswersWithinTheReadTimeoutAreFine() {
        simulator.faults().latency("DD", 200);

        assertThat(client.fetch(Instance.DD, ONE_CUSTOMER)).isNotEmpty();
        assertThat(requests()).isEqualTo(1);
    }

    @Test
    void malformedJsonIsBadDataAndNotRetried() {
        simulator.faults().mode("DD", FaultMode.MALFORMED_JSON);

        assertFails(() -> client.fetch(Instance.DD, ONE_CUSTOMER), Kind.BAD_DATA, 200);
        assertThat(requests()).isEqualTo(1);
    }

    @Test
    void anHtmlPageWithStatus200IsBadData() {
        simulator.faults().mode("DD", FaultMode.HTML_200);

        assertFails(() -> client.fetch(Instance.DD, ONE_CUSTOMER), Kind.BAD_DATA, 200);
        assertThat(requests()).isEqualTo(1);
    }

    @Test
    void aFilterTheServerCannotUseIsRejected() {
        ODataQuery unknownField = ODataQuery.of(JOBS, ODataFilter.eq("NoSuchField", "x"));

        assertFails(() -> client.fetch(Instance.DD, unknownField), Kind.REJECTED, 400);
        assertThat(requests()).isEqualTo(1);
    }

    @Test
    void wrongCredentialsAreRejectedNotRetried() {
        BuzClient wrong = new SimulatedBuz(simulator).ddPassword("wrong").client();

        assertFails(() -> wrong.fetch(Instance.DD, ONE_CUSTOMER), Kind.REJECTED, 401);
        assertThat(requests()).isEqualTo(1);
    }

    @Test
    void aRefusedConnectionIsAConnectionFailure() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        BuzProperties properties = new SimulatedBuz(simulator).properties();
        BuzProperties refused = new BuzProperties(Map.of(Instance.DD, new BuzProperties.InstanceSettings(
                "http://127.0.0.1:" + closedPort + "/reports/DESDR", "u", "p", false), Instance.CBR,
                properties.settings(Instance.CBR)), properties.connectTimeout(), properties.readTimeout(),
                properties.maxUrlLength(), properties.maxPages(), properties.maxInFlight(), properties.retryBackoff(),
                properties.maxRetryAfter(), properties.batchConcurrency());
        BuzClient nowhere = new BuzClient(refused, org.springframework.web.client.RestClient.builder());

        assertFails(() -> nowhere.fetch(Instance.DD, ONE_CUSTOMER), Kind.CONNECTION, 0);
    }

    @Test
    void morePagesThanAllowedIsAnErrorNotAShortResult() {
        BuzClient capped = new SimulatedBuz(simulator).maxPages(2).client();
        ODataQuery everything = ODataQuery.of(JOBS, null);

        assertFails(() -> capped.fetch(Instance.DD, everything), Kind.BAD_DATA, 0);
        assertThat(requests()).isEqualTo(2);
    }

    @Test
    void followsNextLinksUntilTheLastPage() {
        List<Map<String, Object>> rows = client.fetch(Instance.DD, ODataQuery.of(JOBS, null));

        assertThat(rows).hasSize(simulator.dataSet().size("DD", JOBS));
        assertThat(requests()).isEqualTo((rows.size() + 19) / 20);
    }

    @Test
    void neverHasMoreRequestsOpenPerInstanceThanAllowed() throws Exception {
        BuzClient limited = new SimulatedBuz(simulator).maxInFlight(2).readTimeout(Duration.ofMinutes(1)).client();
        simulator.faults().failNext("DD", 2, FaultMode.HANG);
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<List<Map<String, Object>>>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> limited.fetch(Instance.DD, ONE_CUSTOMER), callers));
            }
            // Two hang on the server until released; the other two wait for a slot and never reach the server.
            await().atMost(PATIENCE).until(() -> simulator.faults().hanging(), n -> n == 2);
            await().during(Duration.ofMillis(300)).atMost(PATIENCE).until(BuzClientIntegrationTest::requests, n -> n == 2);
            assertThat(calls).noneMatch(CompletableFuture::isDone);

            simulator.faults().clear();

            for (CompletableFuture<List<Map<String, Object>>> call : calls) {
                assertThat(call.get()).isNotEmpty();
            }
            // The two released ones were dropped and sent again by the JDK client (see aDroppedConnection...).
            assertThat(requests()).isEqualTo(2 + 2 + 2);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void requestsWaitingForASlotAndTheirWaitAreMeasuredPerInstance() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        BuzClient limited = new SimulatedBuz(simulator).maxInFlight(2).readTimeout(Duration.ofMinutes(1)).client(registry);
        simulator.faults().failNext("DD", 2, FaultMode.HANG);
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<List<Map<String, Object>>>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> limited.fetch(Instance.DD, ONE_CUSTOMER), callers));
            }
            await().atMost(PATIENCE).until(() -> gauge(registry, "eta.upstream.slots.waiting", "DD"), n -> n == 2);
            assertThat(gauge(registry, "eta.upstream.slots.in_use", "DD")).isEqualTo(2);
            assertThat(gauge(registry, "eta.upstream.slots.max", "DD")).isEqualTo(2);
            assertThat(gauge(registry, "eta.upstream.slots.waiting", "CBR")).isZero();
            assertThat(gauge(registry, "eta.upstream.slots.in_use", "CBR")).isZero();

            simulator.faults().clear();
            for (CompletableFuture<List<Map<String, Object>>> call : calls) {
                call.get();
            }

            assertThat(gauge(registry, "eta.upstream.slots.waiting", "DD")).isZero();
            assertThat(gauge(registry, "eta.upstream.slots.in_use", "DD")).isZero();
            Timer waits = registry.get("eta.upstream.slot.wait").tags("instance", "DD", "outcome", "acquired").timer();
            // Four calls, four slots taken (the JDK client sends a dropped one again inside its slot); two of them
            // only after the hung ones were released.
            assertThat(waits.count()).isEqualTo(4);
            assertThat(waits.max(TimeUnit.MILLISECONDS)).isPositive();
        } finally {
            callers.shutdownNow();
        }
    }

    private static double gauge(SimpleMeterRegistry registry, String name, String instance) {
        return registry.get(name).tag("instance", instance).gauge().value();
    }

    @Test
    void aBusyInstanceDoesNotHoldUpTheOther() {
        BuzClient single = new SimulatedBuz(simulator).maxInFlight(1).readTimeout(Duration.ofMinutes(1)).client();
        simulator.faults().mode("DD", FaultMode.HANG);
        CompletableFuture<Void> hung = CompletableFuture.runAsync(() -> {
            try {
                single.fetch(Instance.DD, ONE_CUSTOMER);
            } catch (BuzException whenReleased) {
                // either way, it held DD's only slot meanwhile
            }
        });
        await().atMost(PATIENCE).until(() -> simulator.faults().hanging(), n -> n == 1);

        assertThat(single.fetch(Instance.CBR, ONE_CUSTOMER)).isNotEmpty();
        // CBR was answered while DD's only slot was still taken: the hung call is released only below.
        assertThat(hung).isNotDone();
        simulator.faults().clear();
        hung.join();
    }

    @Test
    void messagesNameTheInstanceAndEntitySetButNoFilterValue() {
        simulator.faults().mode("DD", FaultMode.HTTP_503);

        assertThatThrownBy(() -> client.fetch(Instance.DD, ONE_CUSTOMER))
                .hasMessageContaining("DD").hasMessageContaining(JOBS)
                .hasMessageNotContaining("Malley").hasNoCause();
    }

    @Test
    void readsRetryAfterAsSecondsOrAnHttpDate() {
        assertThat(BuzClient.retryAfter("3")).isEqualTo(Duration.ofSeconds(3));
        assertThat(BuzClient.retryAfter(" 0 ")).isEqualTo(Duration.ZERO);
        assertThat(BuzClient.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ZERO);
        assertThat(BuzClient.retryAfter(null)).isNull();
        assertThat(BuzClient.retryAfter("-5")).isNull();
        assertThat(BuzClient.retryAfter("soon")).isNull();
    }

    private void expectFailure(FaultMode mode, Kind kind, int status) {
        simulator.reset();
        simulator.faults().mode("DD", mode);

        assertFails(() -> client.fetch(Instance.DD, ONE_CUSTOMER), kind, status);
        assertThat(requests()).as(mode.name()).isEqualTo(2);
    }

    private static void assertFails(ThrowingCallable call, Kind kind, int status) {
        assertThatThrownBy(call).isInstanceOfSatisfying(BuzException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.instance()).isEqualTo(Instance.DD);
        });
    }

    private static long requests() {
        return simulator.requestCounts().count("DD");
    }
}
