package io.etareport.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.etareport.ServiceTest;
import io.etareport.SimulatedBuzService;
import io.etareport.buz.BuzQueries;
import io.etareport.buz.CoalescedCustomers;
import io.etareport.buz.CustomerScope;
import io.etareport.buz.Instance;
import io.etareport.buz.OrderLine;
import io.etareport.simulator.BuzSimulator;
import io.etareport.simulator.FaultMode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Customers whose fetches share upstream requests, through the cache as the application wires it: each still gets
 * its own entry, its own stored copy when its request fails, or its own failure; never another customer's lines.
 */
// A window long enough that the fetches started together below always share it; one request at a time so the
// warm-up's batches go in order.
@ServiceTest(properties = {"eta.buz.coalesce.window=1s", "eta.buz.max-in-flight=1"})
class CoalescedFetchesIntegrationTest {

    private static final BuzSimulator SIMULATOR = SimulatedBuzService.SIMULATOR;
    private static final String JOBS = "JobsScheduleDetailed";

    @Autowired
    CachedBuz buz;

    @Autowired
    BuzQueries queries;

    @Autowired
    CoalescedCustomers coalesced;

    @Autowired
    BatchedFetches batched;

    @Autowired
    StaleIfErrorCache cache;

    @Autowired
    JdbcClient db;

    private final ExecutorService visitors = Executors.newCachedThreadPool();

    @BeforeEach
    void reset() {
        SIMULATOR.reset();
        await().atMost(Duration.ofSeconds(15)).until(() -> cache.callsUnderWay() == 0);
        db.sql("DELETE FROM buz_cache").update();
        cache.resetBreakers();
    }

    @AfterEach
    void putBack() {
        visitors.shutdownNow();
        SIMULATOR.reset();
    }

    @Test
    void customersOpeningTogetherShareARequestAndEachStoresItsOwnLines() {
        List<String> six = ddCustomers(6);

        Map<String, CompletableFuture<Fetched<List<OrderLine>>>> opened = openTogether(six);

        assertThat(SIMULATOR.requestCounts().count("DD", JOBS)).isEqualTo(1);
        for (String name : six) {
            Fetched<List<OrderLine>> fetched = opened.get(name).join();
            List<OrderLine> alone = queries.openOrders(Instance.DD, CustomerScope.customer(name));
            assertThat(fetched.source()).isEqualTo(Source.LIVE);
            assertThat(fetched.value()).as(name).isEqualTo(alone);
            assertThat(storedRows(name)).isEqualTo(alone.size());
        }
    }

    @Test
    void aFailedSharedRequestGivesEachCustomerItsOwnCopyOrAClearFailure() {
        List<String> three = ddCustomers(3);
        Map<String, List<OrderLine>> saved = new LinkedHashMap<>();
        for (String name : three.subList(0, 2)) {
            saved.put(name, buz.openOrders(Instance.DD, CustomerScope.customer(name), false).value());
        }
        SIMULATOR.resetRequestCounts();
        // The shared request and its one retry.
        SIMULATOR.faults().failNext("DD", 2, FaultMode.HTTP_503);

        Map<String, CompletableFuture<Fetched<List<OrderLine>>>> opened = openTogether(three);

        assertThat(SIMULATOR.requestCounts().count("DD", JOBS)).isEqualTo(2);
        for (String name : three.subList(0, 2)) {
            Fetched<List<OrderLine>> copy = opened.get(name).join();
            assertThat(copy.source()).isEqualTo(Source.CACHE_503);
            assertThat(copy.value()).as(name).isNotEmpty().isEqualTo(saved.get(name));
        }
        assertThat(opened.get(three.get(2))).failsWithin(Duration.ofSeconds(1))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause().isInstanceOfSatisfying(UpstreamUnavailableException.class, failure -> {
                    assertThat(failure.instance()).isEqualTo(Instance.DD);
                    assertThat(failure.getMessage()).isEqualTo("The supplier's system is unavailable right now."
                            + " Please try again in a few minutes.");
                });
    }

    @Test
    void theWarmUpsBatchesFailAloneAndTheOthersAreStoredLive() {
        List<String> names = ddCustomers(80);
        List<List<String>> batches = coalesced.batches(Instance.DD, names);
        assertThat(batches).as("the names need several requests").hasSizeGreaterThan(1);
        String savedInFailing = batches.get(0).get(0);
        List<OrderLine> saved = buz.openOrders(Instance.DD, CustomerScope.customer(savedInFailing), false).value();
        SIMULATOR.resetRequestCounts();
        SIMULATOR.faults().failNext("DD", 2, FaultMode.HTTP_503);

        Map<String, BatchedFetches.Outcome> outcomes = batched.openOrdersOfEach(Instance.DD, names, true);

        assertThat(outcomes.keySet()).containsExactlyElementsOf(names);
        assertThat(outcomes.get(savedInFailing).fetched().source()).isEqualTo(Source.CACHE_503);
        assertThat(outcomes.get(savedInFailing).fetched().value()).isEqualTo(saved);
        for (String name : batches.get(0).subList(1, batches.get(0).size())) {
            assertThat(outcomes.get(name).fetched()).as(name).isNull();
            assertThat(outcomes.get(name).failure()).isInstanceOf(UpstreamUnavailableException.class);
        }
        for (List<String> batch : batches.subList(1, batches.size())) {
            for (String name : batch) {
                Fetched<List<OrderLine>> fetched = outcomes.get(name).fetched();
                assertThat(fetched.source()).as(name).isEqualTo(Source.LIVE);
                assertThat(fetched.value()).allSatisfy(line ->
                        assertThat(line.otherColumns().get("Customer")).isEqualTo(name));
                assertThat(storedRows(name)).isEqualTo(fetched.value().size());
            }
        }
        // One query a batch, and the failed one's retry.
        assertThat(SIMULATOR.requestCounts().recent().stream().filter(request -> request.entitySet().equals(JOBS)
                && !request.query().contains("$skiptoken"))).hasSize(batches.size() + 1);
    }

    /** Opens every customer at once; returns when all are done. */
    private Map<String, CompletableFuture<Fetched<List<OrderLine>>>> openTogether(List<String> names) {
        CountDownLatch go = new CountDownLatch(1);
        Map<String, CompletableFuture<Fetched<List<OrderLine>>>> opened = new LinkedHashMap<>();
        for (String name : names) {
            opened.put(name, CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return buz.openOrders(Instance.DD, CustomerScope.customer(name), false);
            }, visitors));
        }
        go.countDown();
        try {
            CompletableFuture.allOf(opened.values().toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException someFailed) {
            // Each is looked at on its own.
        }
        return opened;
    }

    private List<String> ddCustomers(int count) {
        return new ArrayList<>(SIMULATOR.dataSet().customers(Instance.DD.code())).subList(0, count);
    }

    private int storedRows(String customer) {
        return db.sql("SELECT row_count FROM buz_cache WHERE cache_key = ?")
                .param(CacheKey.openOrders(Instance.DD, CustomerScope.customer(customer)).value())
                .query(Integer.class).single();
    }
}
