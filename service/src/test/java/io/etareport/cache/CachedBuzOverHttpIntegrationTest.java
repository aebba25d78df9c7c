package io.etareport.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
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
@ServiceTest(properties = "eta.cache.blackout.enabled=true")
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

    @BeforeEach
    void reset() {
        SIMULATOR.reset();
        clock.setSydney(MORNING);
        db.sql("DELETE FROM buz_cache").update();
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
    void afterA503TheSimulatorSeesNoCallForTheKeyUntilTheCooldownEnds() {
        openOrders();
        SIMULATOR.faults().mode("DD", FaultMode.HTTP_503);
        assertThat(openOrders().source()).isEqualTo(Source.CACHE_503);
        SIMULATOR.resetRequestCounts();

        for (int minute = 0; minute < 10; minute++) {
            assertThat(openOrders().source()).isEqualTo(Source.CACHE_COOLDOWN);
            clock.advance(Duration.ofSeconds(59));
        }
        assertThat(ddCalls()).isZero();

        SIMULATOR.faults().clear();
        clock.advance(Duration.ofSeconds(10));
        assertThat(openOrders().source()).isEqualTo(Source.LIVE);
        assertThat(ddCalls()).isEqualTo(1);
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
            "HANG, cache-timeout"})
    void eachFaultServesTheCopyLabelledWithWhy(FaultMode fault, String label) {
        openOrders();
        SIMULATOR.faults().mode("DD", fault);

        assertThat(openOrders().source()).isEqualTo(Source.ofLabel(label));
    }

    @Test
    void withNoCopyAnOutageFailsWithThePlainMessageAndTheCooldownSparesTheSupplier() {
        SIMULATOR.faults().mode(SimulatorFaults.ALL, FaultMode.HTTP_503);

        UpstreamUnavailableException failure = catchThrowableOfType(UpstreamUnavailableException.class,
                this::openOrders);

        assertThat(failure).hasMessage("The supplier's system is unavailable right now (it is switched off for"
                + " maintenance every day from 10 am to 4 pm Sydney time). Please try again in a few minutes.");
        assertThat(failure.instance()).isEqualTo(Instance.DD);
        assertThat(failure.kind()).isEqualTo(BuzException.Kind.UNAVAILABLE);
        assertThat(ddCalls()).as("the client's one retry").isEqualTo(2);

        SIMULATOR.resetRequestCounts();
        assertThat(catchThrowableOfType(UpstreamUnavailableException.class, this::openOrders))
                .hasMessage(failure.getMessage());
        assertThat(ddCalls()).isZero();
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
