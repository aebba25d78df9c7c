package io.etareport.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.etareport.ClusterNode;
import io.etareport.SimulatedBuzService;
import io.etareport.db.TestPostgres;
import io.etareport.simulator.BuzSimulator;
import io.etareport.simulator.DemoCustomers;
import io.etareport.simulator.SimulatorFaults;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two nodes sharing one PostgreSQL database reach the warm-up's minute together, as their schedulers would:
 * the cluster's lock lets one of them fetch every customer, the other skips the run. (Fetches at the very same
 * moment are also joined per cache key by the cluster lock of {@code CachedBuz}, so the first test also checks
 * that only one node ran; the second shows a run that starts after the other finished does not fetch again.)
 */
@ExtendWith(OutputCaptureExtension.class)
class TwoNodesScheduledWarmUpIntegrationTest {

    private static final BuzSimulator SIMULATOR = SimulatedBuzService.SIMULATOR;

    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;
    private static JdbcClient db;

    @BeforeAll
    static void startTwoNodes() {
        String database = TestPostgres.newDatabase();
        // The cron is off: the test fires the scheduled method on both nodes itself, at the same moment.
        nodeA = ClusterNode.start(database, SIMULATOR, "--eta.schedule.warm-up=-");
        nodeB = ClusterNode.start(database, SIMULATOR, "--eta.schedule.warm-up=-");
        db = JdbcClient.create(new DriverManagerDataSource(database, "postgres", ""));
    }

    @AfterAll
    static void stopNodes() {
        nodeA.close();
        nodeB.close();
    }

    @AfterEach
    void resetSimulator() {
        SIMULATOR.reset();
    }

    @BeforeEach
    void twoCustomersAndNoRunYet() {
        db.sql("DELETE FROM customers").update();
        db.sql("DELETE FROM buz_cache").update();
        // The previous test's slot is over. (Deleting the row would not do: ShedLock remembers it inserted it.)
        db.sql("UPDATE shedlock SET lock_until = locked_at").update();
        db.sql("INSERT INTO customers (dd_name, cbr_name, obfuscated_id, field_type) VALUES (?, ?, ?, 'Customer Name'),"
                        + " (?, NULL, ?, 'Customer Name')")
                .params(DemoCustomers.ON_BOTH, DemoCustomers.ON_BOTH, "a".repeat(32), DemoCustomers.DD_ONLY,
                        "b".repeat(32))
                .update();
        // Slow enough that the first node is still fetching when the second one's run starts.
        SIMULATOR.faults().latency(SimulatorFaults.ALL, 300);
        SIMULATOR.resetRequestCounts();
    }

    @Test
    void theWarmUpFiredOnBothNodesAtOnceRunsOnOneAndFetchesEachCustomerOnce(CapturedOutput output) throws Exception {
        CyclicBarrier sameMoment = new CyclicBarrier(2);
        CompletableFuture<Void> onA = CompletableFuture.runAsync(() -> fireWarmUp(nodeA, sameMoment));
        CompletableFuture<Void> onB = CompletableFuture.runAsync(() -> fireWarmUp(nodeB, sameMoment));
        CompletableFuture.allOf(onA, onB).get(60, TimeUnit.SECONDS);

        assertEachCustomerFetchedOncePerInstance();
        assertThat(output.getOut().lines().filter(line -> line.contains("Scheduled cache warm-up:")))
                .as("runs logged by either node").hasSize(1);
        assertThat(db.sql("SELECT count(*) FROM shedlock WHERE name = 'warm-up'").query(Integer.class).single())
                .isEqualTo(1);
    }

    /** A node whose clock is a little behind fires after the other node's run has already finished. */
    @Test
    void theWarmUpFiredOnTheOtherNodeAMomentLaterDoesNotFetchAgain() {
        nodeA.getBean(ScheduledWork.class).warmUp();
        nodeB.getBean(ScheduledWork.class).warmUp();

        assertEachCustomerFetchedOncePerInstance();
    }

    private static void assertEachCustomerFetchedOncePerInstance() {
        Map<String, Long> fetches = SIMULATOR.requestCounts().recent().stream()
                .filter(request -> request.query() != null)
                .flatMap(request -> List.of(DemoCustomers.ON_BOTH, DemoCustomers.DD_ONLY).stream()
                        .filter(name -> request.query().contains(name))
                        .map(name -> name + " " + request.code() + " " + request.entitySet()))
                .collect(Collectors.groupingBy(what -> what, Collectors.counting()));
        assertThat(fetches.keySet()).as("every customer on each of its instances was warmed")
                .anyMatch(what -> what.startsWith(DemoCustomers.ON_BOTH + " " + BuzSimulator.DD_CODE))
                .anyMatch(what -> what.startsWith(DemoCustomers.ON_BOTH + " " + BuzSimulator.CBR_CODE))
                .anyMatch(what -> what.startsWith(DemoCustomers.DD_ONLY + " " + BuzSimulator.DD_CODE))
                .noneMatch(what -> what.startsWith(DemoCustomers.DD_ONLY + " " + BuzSimulator.CBR_CODE));
        assertThat(fetches).allSatisfy((what, count) -> assertThat(count).as(what).isEqualTo(1));
    }

    private static void fireWarmUp(ConfigurableApplicationContext node, CyclicBarrier sameMoment) {
        ScheduledWork work = node.getBean(ScheduledWork.class);
        try {
            sameMoment.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        work.warmUp();
    }
}
