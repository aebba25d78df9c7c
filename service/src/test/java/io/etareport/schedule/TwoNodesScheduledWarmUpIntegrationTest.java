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
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two nodes sharing one PostgreSQL database reach the warm-up's minute together, as their schedulers would:
 * the cluster's lock lets one of them fetch every customer, the other skips the run.
 */
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

    @Test
    void theWarmUpFiredOnBothNodesAtOnceFetchesEachCustomerOnceNotTwice() throws Exception {
        db.sql("DELETE FROM customers").update();
        db.sql("DELETE FROM buz_cache").update();
        db.sql("INSERT INTO customers (dd_name, cbr_name, obfuscated_id, field_type) VALUES (?, ?, ?, 'Customer Name'),"
                        + " (?, NULL, ?, 'Customer Name')")
                .params(DemoCustomers.ON_BOTH, DemoCustomers.ON_BOTH, "a".repeat(32), DemoCustomers.DD_ONLY,
                        "b".repeat(32))
                .update();
        // Slow enough that the first node is still fetching when the second one's run starts.
        SIMULATOR.faults().latency(SimulatorFaults.ALL, 300);
        SIMULATOR.resetRequestCounts();

        CyclicBarrier sameMinute = new CyclicBarrier(2);
        CompletableFuture<Void> onA = CompletableFuture.runAsync(() -> fireWarmUp(nodeA, sameMinute));
        CompletableFuture<Void> onB = CompletableFuture.runAsync(() -> fireWarmUp(nodeB, sameMinute));
        CompletableFuture.allOf(onA, onB).get(60, TimeUnit.SECONDS);

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
        assertThat(db.sql("SELECT count(*) FROM shedlock WHERE name = 'warm-up'").query(Integer.class).single())
                .isEqualTo(1);
    }

    private static void fireWarmUp(ConfigurableApplicationContext node, CyclicBarrier sameMinute) {
        ScheduledWork work = node.getBean(ScheduledWork.class);
        try {
            sameMinute.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        work.warmUp();
    }
}
