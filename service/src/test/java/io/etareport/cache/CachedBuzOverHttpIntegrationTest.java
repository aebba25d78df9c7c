package io.etareport.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.etareport.ServiceTest;
import io.etareport.SimulatedBuzService;
import io.etareport.buz.BuzException;
import io.etareport.buz.CustomerScope;
import io.etareport.buz.Instance;
import io.etareport.buz.OrderLine;
import io.etareport.buz.OrderSet;
import io.etareport.simulator.BuzSimulator;
import io.etareport.simulator.DemoCustomers;
import io.etareport.simulator.FaultMode;
import io.etareport.simulator.SimulatorFaults;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The cache as the application wires it, in front of the real Buz client, against the simulator over HTTP. */
// A short deadline, and the breaker's real threshold (the shared settings raise it for other classes).
@ServiceTest(properties = {"eta.cache.blackout.enabled=true", "eta.cache.stale-deadline=1s",
        "eta.cache.breaker.failures=3"})
class CachedBuzOverHttpIntegrationTest {

    private static final BuzSimulator SIMULATOR = SimulatedBuzService.SIMULATOR;
    private static final String JOBS = "JobsScheduleDetailed";
    private static final CustomerScope CUSTOMER = CustomerScope.customer(DemoCustomers.ON_BOTH);
    /** Outside the blackout. */
    private static final String MORNING = "2026-03-04T08:00";


    @Autowired
    CachedBuz buz;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient db;

    @Autowired
    StaleIfErrorCache cache;

    @BeforeEach
    void reset() {
        SIMULATOR.reset();
        // Calls left running by the previous test (a hang) finish now that the faults are cleared.
        await().atMost(Duration.ofSeconds(15)).until(() -> cache.callsUnderWay() == 0);
        clock.setSydney(MORNING);
        db.sql("DELETE FROM buz_cache").update();
        cache.resetBreakers();
    }

    private Instant storedAt(CacheKey key) {
        return db.sql("SELECT refreshed_at FROM buz_cache WHERE cache_key = ?").param(key.value())
                .query((row, n) -> Instant.ofEpochMilli(row.getLong(1))).single();
    }

    @AfterEach
    void putBack() {
        SIMULATOR.reset();
        clock.followSystem();
    }

    private long ddCalls() {
        return SIMULATOR.requestCounts().count("DD", JOBS);
    }

    private Fetched<List<OrderLine>> openOrders() {
        return buz.openOrders(Instance.DD, CUSTOMER, false);
    }

    @Test
    void aLiveResultIsStoredAndReadBackEqualWhenThe503sStart() {
        Fetched<List<OrderLine>> live = openOrders();
        assertThat(live.source()).isEqualTo(Source.LIVE);
        assertThat(live.value()).isNotEmpty();

        SIMULATOR.faults().mode("DD", FaultMode.HTTP_503);
        Fetched<List<OrderLine>> stale = openOrders();

        assertThat(stale.source()).isEqualTo(Source.CACHE_503);
        assertThat(stale.value()).isEqualTo(live.value());
        assertThat(stale.refreshedAt()).isEqualTo(live.refreshedAt());
    }

    @Test
    void aHangingInstanceGivesTheCopyAtTheDeadlineAndTheOtherInstanceStaysLive() {
        Fetched<List<OrderLine>> saved = openOrders();
        SIMULATOR.faults().mode("DD", FaultMode.HANG);
        SIMULATOR.resetRequestCounts();

        Fetched<List<OrderLine>> served = openOrders();
        Fetched<List<OrderLine>> cbr = buz.openOrders(Instance.CBR, CUSTOMER, false);

        assertThat(served.source()).isEqualTo(Source.CACHE_SLOW);
        assertThat(served.value()).isEqualTo(saved.value());
        assertThat(served.refreshedAt()).isEqualTo(saved.refreshedAt());
        assertThat(cbr.source()).isEqualTo(Source.LIVE);
        assertThat(ddCalls()).as("the fetch is still out").isEqualTo(1);
    }

    @Test
    void aSlowAnswerArrivingAfterTheDeadlineRefreshesTheCopyForTheNextVisitor() {
        CacheKey key = CacheKey.openOrders(Instance.DD, CUSTOMER);
        openOrders();
        Instant first = storedAt(key);
        clock.advance(Duration.ofMinutes(5));
        SIMULATOR.faults().latency("DD", 2500);
        SIMULATOR.resetRequestCounts();

        Fetched<List<OrderLine>> served = openOrders();
        assertThat(served.source()).isEqualTo(Source.CACHE_SLOW);
        assertThat(served.refreshedAt()).isEqualTo(first);

        await().atMost(Duration.ofSeconds(15)).until(() -> storedAt(key).isAfter(first));
        SIMULATOR.faults().clear();
        Fetched<List<OrderLine>> next = openOrders();

        assertThat(next.source()).isEqualTo(Source.LIVE);
        assertThat(ddCalls()).as("the slow call and the next visitor's").isEqualTo(2);
    }

    @Test
    void twentyCustomersWithCopiesDuringAHangAreAllServedTheirCopies() throws Exception {
        List<CustomerScope> customers = SIMULATOR.dataSet().customers(io.etareport.simulator.BuzSimulator.DD_CODE)
                .stream().limit(20).map(CustomerScope::customer).toList();
        for (CustomerScope customer : customers) {
            assertThat(buz.openOrders(Instance.DD, customer, false).source()).isEqualTo(Source.LIVE);
        }
        SIMULATOR.faults().mode("DD", FaultMode.HANG);
        SIMULATOR.resetRequestCounts();

        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Fetched<List<OrderLine>>>> results = new ArrayList<>();
            for (CustomerScope customer : customers) {
                results.add(pool.submit(() -> buz.openOrders(Instance.DD, customer, false)));
            }
            for (Future<Fetched<List<OrderLine>>> result : results) {
                assertThat(result.get().source()).isIn(Source.CACHE_SLOW, Source.CACHE_BREAKER, Source.CACHE_TIMEOUT);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(ddCalls()).as("at most one call per customer").isLessThanOrEqualTo(20);
    }

    @Test
    void aFew503sWithNoCopyOpenTheBreakerAndTheFirstProbeAfterThirtySecondsSucceeds() {
        SIMULATOR.faults().mode("DD", FaultMode.HTTP_503);
        for (int i = 0; i < 3; i++) {
            catchThrowableOfType(UpstreamUnavailableException.class, this::openOrders);
        }
        SIMULATOR.faults().clear();
        SIMULATOR.resetRequestCounts();

        UpstreamUnavailableException meanwhile = catchThrowableOfType(UpstreamUnavailableException.class,
                this::openOrders);
        assertThat(meanwhile).as("02:00 is not the switch-off").hasMessage(
                "The supplier's system is unavailable right now. Please try again in a few minutes.");
        clock.advance(Duration.ofSeconds(29));
        catchThrowableOfType(UpstreamUnavailableException.class, this::openOrders);
        assertThat(ddCalls()).as("no call while the breaker is open").isZero();

        clock.advance(Duration.ofSeconds(2));
        assertThat(openOrders().source()).isEqualTo(Source.LIVE);
        assertThat(ddCalls()).isEqualTo(1);
        assertThat(cache.breakerState(Instance.DD)).isEqualTo("CLOSED");
    }

    @Test
    void aLongRetryAfterKeepsTheBreakerOpenThatLong() {
        SIMULATOR.faults().mode("DD", FaultMode.HTTP_503).retryAfter("DD", 120);
        catchThrowableOfType(UpstreamUnavailableException.class, this::openOrders);
        SIMULATOR.faults().clear();
        SIMULATOR.resetRequestCounts();

        clock.advance(Duration.ofSeconds(60));
        catchThrowableOfType(UpstreamUnavailableException.class, this::openOrders);
        assertThat(ddCalls()).isZero();

        clock.advance(Duration.ofSeconds(61));
        assertThat(openOrders().source()).isEqualTo(Source.LIVE);
    }

    @Test
    void aGroupsMembersAreKeptForADaySoARepeatReportAsksOnlyForOrders() {
        CustomerScope group = CustomerScope.group(DemoCustomers.BIG_GROUP);
        Fetched<List<OrderLine>> first = buz.openOrders(Instance.CBR, group, false);
        assertThat(first.source()).isEqualTo(Source.LIVE);
        assertThat(first.value()).isNotEmpty();
        assertThat(SIMULATOR.requestCounts().count("CBR", "SalesReport")).isGreaterThanOrEqualTo(1);
        SIMULATOR.resetRequestCounts();

        clock.advance(Duration.ofHours(23));
        Fetched<List<OrderLine>> again = buz.openOrders(Instance.CBR, group, false);

        assertThat(again.source()).isEqualTo(Source.LIVE);
        assertThat(again.value()).isEqualTo(first.value());
        assertThat(SIMULATOR.requestCounts().count("CBR", "SalesReport")).as("members from the cache").isZero();
        assertThat(SIMULATOR.requestCounts().count("CBR", JOBS)).isPositive();

        clock.advance(Duration.ofHours(2));
        buz.openOrders(Instance.CBR, group, false);
        assertThat(SIMULATOR.requestCounts().count("CBR", "SalesReport")).as("a day later, asked again").isPositive();

        SIMULATOR.resetRequestCounts();
        buz.openOrders(Instance.CBR, group, true);
        assertThat(SIMULATOR.requestCounts().count("CBR", "SalesReport")).as("warming refreshes members").isPositive();
    }

    @Test
    void whenTheMembersCannotBeFetchedTheGroupsSavedOrdersAreServed() {
        CustomerScope group = CustomerScope.group(DemoCustomers.BIG_GROUP);
        Fetched<List<OrderLine>> saved = buz.openOrders(Instance.CBR, group, false);
        db.sql("DELETE FROM buz_cache WHERE cache_key LIKE 'group_members:%'").update();
        SIMULATOR.faults().mode("CBR", FaultMode.HTTP_500);

        Fetched<List<OrderLine>> served = buz.openOrders(Instance.CBR, group, false);

        assertThat(served.source()).isEqualTo(Source.CACHE_ERROR);
        assertThat(served.value()).isEqualTo(saved.value());
    }

    @Test
    void insideTheBlackoutTheSimulatorSeesNoCall() {
        openOrders();
        SIMULATOR.resetRequestCounts();
        clock.setSydney("2026-03-04T11:00");

        assertThat(openOrders().source()).isEqualTo(Source.CACHE_BLACKOUT);
        assertThat(buz.openOrders(Instance.DD, CUSTOMER, true).source()).as("a forced refresh still calls")
                .isEqualTo(Source.LIVE);
        assertThat(ddCalls()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({
            "HTTP_503, cache-503",
            "HTTP_500, cache-error",
            "HTTP_502, cache-error",
            "MALFORMED_JSON, cache-error",
            "HTML_200, cache-error",
            "DROP_CONNECTION, cache-connection",
            "HANG, cache-slow"})
    void eachFaultServesTheCopyLabelledWithWhy(FaultMode fault, String label) {
        openOrders();
        SIMULATOR.faults().mode("DD", fault);

        assertThat(openOrders().source()).isEqualTo(Source.ofLabel(label));
    }

    @Test
    void withNoCopyAnOutageFailsWithThePlainMessage() {
        SIMULATOR.faults().mode(SimulatorFaults.ALL, FaultMode.HTTP_503);

        UpstreamUnavailableException failure = catchThrowableOfType(UpstreamUnavailableException.class,
                this::openOrders);

        assertThat(failure).hasMessage("The supplier's system is unavailable right now."
                + " Please try again in a few minutes.");
        assertThat(failure.instance()).isEqualTo(Instance.DD);
        assertThat(failure.kind()).isEqualTo(BuzException.Kind.UNAVAILABLE);
        assertThat(ddCalls()).as("the client's one retry").isEqualTo(2);
    }

    @Test
    void tenConcurrentIdenticalRequestsMakeOneUpstreamCall() throws Exception {
        // Slow enough that every caller arrives while the first call is still out.
        SIMULATOR.faults().latency("DD", 500);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Fetched<List<OrderLine>>>> results = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return openOrders();
                }));
            }
            start.countDown();
            List<Fetched<List<OrderLine>>> fetched = new ArrayList<>();
            for (Future<Fetched<List<OrderLine>>> result : results) {
                fetched.add(result.get());
            }

            assertThat(ddCalls()).isEqualTo(1);
            assertThat(fetched).allSatisfy(each -> assertThat(each).isSameAs(fetched.get(0)));
            assertThat(fetched.get(0).source()).isEqualTo(Source.LIVE);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void staffOrderLookupsAndStatusesAreCachedUnderTheirOwnKeys() {
        Fetched<List<Map<String, Object>>> order = buz.order(Instance.DD, OrderSet.WORK_IN_PROGRESS, "90001");
        Fetched<List<String>> statuses = buz.productionStatuses(Instance.CBR, false);

        assertThat(order.source()).isEqualTo(Source.LIVE);
        assertThat(statuses.value()).isNotEmpty();
        assertThat(db.sql("SELECT cache_key FROM buz_cache ORDER BY cache_key").query(String.class).list())
                .containsExactly("order:DD:WorkInProgress:90001", "statuses:CBR");

        SIMULATOR.faults().mode(SimulatorFaults.ALL, FaultMode.HTTP_500);
        Fetched<List<Map<String, Object>>> stale = buz.order(Instance.DD, OrderSet.WORK_IN_PROGRESS, "90001");
        assertThat(stale.source()).isEqualTo(Source.CACHE_ERROR);
        assertThat(stale.value()).isEqualTo(order.value());
    }
}
