package io.etareport.buz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.etareport.simulator.BuzSimulator;
import io.etareport.simulator.DemoCustomers;
import io.etareport.simulator.FaultMode;
import io.etareport.simulator.RequestCounts.RecordedRequest;
import io.etareport.simulator.SimulatorSettings;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Customers asked for together, over real HTTP against the simulator: each gets exactly what a lone fetch gives
 * it, whatever the page size, and a failing request fails only its own customers.
 */
class CoalescedCustomersIntegrationTest {

    private static final String JOBS = "JobsScheduleDetailed";
    /** Names no row carries: a quote, an ampersand, accents, and long enough to fill much of a URL. */
    private static final List<String> STRANGERS = List.of("O'Brien & Sons", "Ça & Çà — Blinds 'n' Things",
            "L".repeat(120) + " Ölfabrik", "Nobody By This Name");

    /** Every simulator customer and stranger, per instance, fetched alone (the simulator's data is the same at any page size). */
    private static final Map<Instance, Map<String, List<OrderLine>>> ALONE = new java.util.EnumMap<>(Instance.class);

    @BeforeAll
    static void fetchEveryCustomerAlone() {
        try (BuzSimulator simulator = BuzSimulator.start(SimulatorSettings.defaults())) {
            BuzQueries queries = new SimulatedBuz(simulator).readTimeout(Duration.ofSeconds(30)).queries();
            try {
                for (Instance instance : Instance.values()) {
                    Map<String, List<OrderLine>> alone = new LinkedHashMap<>();
                    for (String name : names(simulator, instance)) {
                        alone.put(name, queries.openOrders(instance, CustomerScope.customer(name)));
                    }
                    ALONE.put(instance, alone);
                }
            } finally {
                queries.destroy();
            }
        }
    }

    @ParameterizedTest(name = "pages of {0}")
    @ValueSource(ints = {25, 100, SimulatorSettings.DEFAULT_PAGE_SIZE})
    void everyCustomerGetsTheLinesOfALoneFetchWhateverThePageSize(int pageSize) {
        try (BuzSimulator simulator = BuzSimulator.start(SimulatorSettings.defaults().withPageSize(pageSize))) {
            SimulatedBuz buz = new SimulatedBuz(simulator).readTimeout(Duration.ofSeconds(30));
            BuzQueries queries = buz.queries();
            CoalescedCustomers coalesced = coalesced(queries, buz, Duration.ZERO);
            try {
                for (Instance instance : Instance.values()) {
                    List<String> names = names(simulator, instance);
                    Map<String, List<OrderLine>> alone = ALONE.get(instance);

                    List<List<String>> batches = coalesced.batches(instance, names);
                    Map<String, List<OrderLine>> together = new LinkedHashMap<>();
                    for (List<String> batch : batches) {
                        CoalescedCustomers.Together one = coalesced.together(instance, batch);
                        // Asked in reverse: whichever customer asks first sends the query for all of them.
                        List<String> reversed = new ArrayList<>(batch);
                        java.util.Collections.reverse(reversed);
                        for (String name : reversed) {
                            together.put(name, one.openOrders(name));
                        }
                    }

                    assertThat(together.keySet()).containsExactlyInAnyOrderElementsOf(names);
                    names.forEach(name -> assertThat(together.get(name)).as(instance + " " + name)
                            .isEqualTo(alone.get(name)));
                    assertThat(STRANGERS).allSatisfy(name -> assertThat(together.get(name)).isEmpty());
                    assertThat(batches).as("several customers a request").hasSizeLessThan(names.size() / 10);
                    List<RecordedRequest> requests = jobsRequests(simulator);
                    assertThat(requests.stream().filter(request -> !request.query().contains("$skiptoken")))
                            .as("one query a batch").hasSize(batches.size());
                    if (pageSize < SimulatorSettings.DEFAULT_PAGE_SIZE) {
                        assertThat(requests).as("a batch's answer over several pages").hasSizeGreaterThan(batches.size());
                    }
                    simulator.resetRequestCounts();
                }
            } finally {
                queries.destroy();
            }
        }
    }

    private static List<String> names(BuzSimulator simulator, Instance instance) {
        List<String> names = new ArrayList<>(simulator.dataSet().customers(instance.code()));
        names.addAll(STRANGERS);
        return names;
    }

    @Test
    void namesWithQuotesAmpersandsAndAccentsShareARequestAndKeepTheirOwnLines() {
        try (BuzSimulator simulator = BuzSimulator.start(SimulatorSettings.defaults().withPageSize(5))) {
            SimulatedBuz buz = new SimulatedBuz(simulator);
            BuzQueries queries = buz.queries();
            CoalescedCustomers coalesced = coalesced(queries, buz, Duration.ZERO);
            List<String> hostile = List.of(DemoCustomers.APOSTROPHE, DemoCustomers.AMPERSAND, DemoCustomers.NON_ASCII,
                    DemoCustomers.NON_ASCII_DD, DemoCustomers.ON_BOTH);
            try {
                Map<String, List<OrderLine>> alone = new LinkedHashMap<>();
                hostile.forEach(name -> alone.put(name, queries.openOrders(Instance.DD, CustomerScope.customer(name))));

                assertThat(coalesced.batches(Instance.DD, hostile)).containsExactly(hostile);
                CoalescedCustomers.Together one = coalesced.together(Instance.DD, hostile);
                for (String name : hostile) {
                    assertThat(one.openOrders(name)).as(name).isNotEmpty().isEqualTo(alone.get(name));
                }
            } finally {
                queries.destroy();
            }
        }
    }

    @Test
    void customersStartingWithinTheWindowShareOneRequestAndEachGetsItsOwnLines() throws Exception {
        try (BuzSimulator simulator = BuzSimulator.start(SimulatorSettings.defaults())) {
            SimulatedBuz buz = new SimulatedBuz(simulator);
            BuzQueries queries = buz.queries();
            // Long enough that every thread below joins before it ends, even on a busy machine.
            CoalescedCustomers coalesced = coalesced(queries, buz, Duration.ofSeconds(2));
            List<String> twelve = new ArrayList<>(simulator.dataSet().customers(Instance.DD.code())).subList(0, 12);
            ExecutorService threads = Executors.newFixedThreadPool(twelve.size());
            try {
                Map<String, List<OrderLine>> alone = new LinkedHashMap<>();
                twelve.forEach(name -> alone.put(name, queries.openOrders(Instance.DD, CustomerScope.customer(name))));
                simulator.resetRequestCounts();

                Map<String, CompletableFuture<List<OrderLine>>> fetches = new LinkedHashMap<>();
                CountDownLatch go = new CountDownLatch(1);
                for (String name : twelve) {
                    fetches.put(name, CompletableFuture.supplyAsync(() -> {
                        awaitGo(go);
                        return coalesced.openOrders(Instance.DD, name);
                    }, threads));
                }
                go.countDown();

                for (String name : twelve) {
                    assertThat(fetches.get(name).get()).as(name).isEqualTo(alone.get(name));
                }
                assertThat(jobsRequests(simulator)).hasSize(1);
            } finally {
                threads.shutdownNow();
                queries.destroy();
            }
        }
    }

    @Test
    void whileEveryRequestSlotIsBusyTheNextBatchKeepsGatheringCustomers() throws Exception {
        try (BuzSimulator simulator = BuzSimulator.start(SimulatorSettings.defaults())) {
            SimulatedBuz buz = new SimulatedBuz(simulator).maxInFlight(1);
            BuzQueries queries = buz.queries();
            CoalescedCustomers coalesced = coalesced(queries, buz, Duration.ofMillis(50));
            List<String> names = new ArrayList<>(simulator.dataSet().customers(Instance.DD.code())).subList(0, 6);
            ExecutorService threads = Executors.newCachedThreadPool();
            try {
                Map<String, List<OrderLine>> alone = new LinkedHashMap<>();
                names.forEach(name -> alone.put(name, queries.openOrders(Instance.DD, CustomerScope.customer(name))));
                simulator.resetRequestCounts();
                simulator.faults().latency("DD", 3_000);

                CompletableFuture<List<OrderLine>> first = CompletableFuture.supplyAsync(
                        () -> coalesced.openOrders(Instance.DD, names.get(0)), threads);
                await().atMost(Duration.ofSeconds(10)).until(() -> jobsRequests(simulator).size() == 1);
                Map<String, CompletableFuture<List<OrderLine>>> later = new LinkedHashMap<>();
                // Each well after the previous one's window: only the busy slot keeps them together.
                for (String name : names.subList(1, names.size())) {
                    later.put(name, CompletableFuture.supplyAsync(() -> coalesced.openOrders(Instance.DD, name),
                            threads));
                    Thread.sleep(150);
                }
                assertThat(first).as("the first request is still out").isNotDone();

                assertThat(first.get()).isEqualTo(alone.get(names.get(0)));
                for (String name : later.keySet()) {
                    assertThat(later.get(name).get()).as(name).isEqualTo(alone.get(name));
                }
                assertThat(jobsRequests(simulator)).as("the first, then everyone who came while it was out")
                        .hasSize(2);
            } finally {
                threads.shutdownNow();
                queries.destroy();
            }
        }
    }

    @Test
    void aFullBatchIsSentWithoutWaitingForTheWindow() {
        try (BuzSimulator simulator = BuzSimulator.start(SimulatorSettings.defaults())) {
            SimulatedBuz buz = new SimulatedBuz(simulator).maxUrlLength(400);
            BuzQueries queries = buz.queries();
            // A window nobody would wait out: the batch goes when the next name no longer fits.
            CoalescedCustomers coalesced = coalesced(queries, buz, Duration.ofMinutes(10));
            List<String> names = new ArrayList<>(simulator.dataSet().customers(Instance.DD.code()));
            ExecutorService threads = Executors.newCachedThreadPool();
            try {
                List<String> first = coalesced.batches(Instance.DD, names).get(0);
                String next = names.get(first.size());
                List<CompletableFuture<List<OrderLine>>> waiting = new ArrayList<>();
                for (String name : first) {
                    waiting.add(CompletableFuture.supplyAsync(() -> coalesced.openOrders(Instance.DD, name), threads));
                }
                await().atMost(Duration.ofSeconds(10)).until(() -> coalesced.forming(Instance.DD) == first.size());
                assertThat(simulator.requestCounts().recent()).isEmpty();
                // The first batch's leader still waits; the name that does not fit sends it.
                CompletableFuture<List<OrderLine>> overflow = CompletableFuture.supplyAsync(
                        () -> coalesced.openOrders(Instance.DD, next), threads);

                await().atMost(Duration.ofSeconds(10)).until(() -> waiting.stream().allMatch(CompletableFuture::isDone));
                assertThat(overflow).isNotDone();
                assertThat(jobsRequests(simulator)).hasSize(1);
            } finally {
                threads.shutdownNow();
                queries.destroy();
            }
        }
    }

    @Test
    void aFailedRequestFailsEachOfItsCustomersAloneAndTheNextBatchIsServed() {
        try (BuzSimulator simulator = BuzSimulator.start(SimulatorSettings.defaults())) {
            SimulatedBuz buz = new SimulatedBuz(simulator).maxUrlLength(500);
            BuzQueries queries = buz.queries();
            CoalescedCustomers coalesced = coalesced(queries, buz, Duration.ZERO);
            List<String> names = new ArrayList<>(simulator.dataSet().customers(Instance.DD.code())).subList(0, 20);
            try {
                List<List<String>> batches = coalesced.batches(Instance.DD, names);
                assertThat(batches).hasSizeGreaterThan(1);
                // The first request and its one retry.
                simulator.faults().failNext("DD", 2, FaultMode.HTTP_503);

                CoalescedCustomers.Together failing = coalesced.together(Instance.DD, batches.get(0));
                List<BuzException> failures = batches.get(0).stream().map(name ->
                        catchThrowableOfType(BuzException.class, () -> failing.openOrders(name))).toList();
                CoalescedCustomers.Together served = coalesced.together(Instance.DD, batches.get(1));

                assertThat(failures).allSatisfy(failure -> {
                    assertThat(failure).isNotNull();
                    assertThat(failure.kind()).isEqualTo(BuzException.Kind.UNAVAILABLE);
                    assertThat(failure.getMessage()).contains("DD").doesNotContain(names.get(0));
                });
                assertThat(failures).doesNotHaveDuplicates();
                for (String name : batches.get(1)) {
                    assertThat(served.openOrders(name)).allSatisfy(line ->
                            assertThat(line.otherColumns().get("Customer")).isEqualTo(name));
                }
            } finally {
                queries.destroy();
            }
        }
    }

    private static CoalescedCustomers coalesced(BuzQueries queries, SimulatedBuz buz, Duration window) {
        return new CoalescedCustomers(queries, new CoalesceProperties(window), buz.properties());
    }

    private static List<RecordedRequest> jobsRequests(BuzSimulator simulator) {
        return simulator.requestCounts().recent().stream().filter(request -> request.entitySet().equals(JOBS))
                .toList();
    }

    private static void awaitGo(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
