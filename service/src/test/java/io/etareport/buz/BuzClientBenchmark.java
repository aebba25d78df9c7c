package io.etareport.buz;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.etareport.simulator.BuzSimulator;
import io.etareport.simulator.DemoCustomers;
import io.etareport.simulator.SimulatorSettings;

import org.junit.jupiter.api.Test;

/**
 * Measures, not checks: rows per second read from the simulator and the time to fetch the
 * 300-customer group. Excluded from the build; run with
 * {@code ./mvnw -q test -Dtest=BuzClientBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class BuzClientBenchmark {

    private static final String JOBS = "JobsScheduleDetailed";

    @Test
    void measure() throws Exception {
        try (BuzSimulator simulator = BuzSimulator.start(SimulatorSettings.defaults().withScale(20).withPageSize(5000))) {
            SimulatedBuz buz = new SimulatedBuz(simulator);
            BuzClient client = buz.client();
            BuzQueries queries = buz.queries();
            try {
                ODataQuery everything = ODataQuery.of(JOBS, null);
                for (int i = 0; i < 5; i++) {
                    client.fetch(Instance.DD, everything);
                }
                int rows = client.fetch(Instance.DD, everything).size();
                double best = bestSeconds(() -> readWithDefaults(Instance.DD, client.fetch(Instance.DD, everything)));
                System.out.printf("HTTP fetch + parse + OrderLines: %d rows in %.0f ms, %.0f rows/s (best of 10 rounds of 3)%n",
                        rows, best * 1000, rows / best);
                byte[] page = body(simulator, simulator.baseUrl("DD") + "/" + JOBS);
                System.out.printf("  the simulator alone, one 5000-row page as bytes: %.0f ms (best of 10 rounds of 3)%n",
                        1000 * bestSeconds(() -> {
                            try {
                                body(simulator, simulator.baseUrl("DD") + "/" + JOBS);
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        }));
                String next = ODataPage.read(new ByteArrayInputStream(page)).nextLink();
                System.out.printf("  the simulator alone, the second page as bytes: %.0f ms (best of 10 rounds of 3)%n",
                        1000 * bestSeconds(() -> {
                            try {
                                body(simulator, next);
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        }));
                ODataQuery oneCustomer = ODataQuery.of(JOBS, ODataFilter.eq("Customer", DemoCustomers.ON_BOTH));
                System.out.printf("  the client, one small page: %.1f ms (best of 10 rounds of 3)%n",
                        1000 * bestSeconds(() -> client.fetch(Instance.DD, oneCustomer)));
                System.out.printf("JSON parse + OrderLines from memory: %.0f rows/s (%d KB page of 5000 rows)%n",
                        5000 / bestSeconds(() -> readWithDefaults(Instance.DD,
                                ODataPage.read(new ByteArrayInputStream(page)).rows())), page.length / 1024);
                List<Map<String, Object>> pageRows = ODataPage.read(new ByteArrayInputStream(page)).rows();
                System.out.printf("  of which JSON parse: %.0f rows/s (best of 10 rounds of 3)%n",
                        pageRows.size() / bestSeconds(() -> ODataPage.read(new ByteArrayInputStream(page))));
                System.out.printf("  of which OrderLines: %.0f rows/s (best of 10 rounds of 3)%n",
                        pageRows.size() / bestSeconds(() -> readWithDefaults(Instance.DD, pageRows)));
            } finally {
                queries.destroy();
            }
        }
        try (BuzSimulator simulator = BuzSimulator.start(SimulatorSettings.defaults())) {
            BuzQueries queries = new SimulatedBuz(simulator).queries();
            try {
                for (int i = 0; i < 5; i++) {
                    queries.openOrders(Instance.CBR, CustomerScope.group(DemoCustomers.BIG_GROUP));
                }
                simulator.resetRequestCounts();
                int runs = 10;
                long started = System.nanoTime();
                int lines = 0;
                for (int i = 0; i < runs; i++) {
                    lines = queries.openOrders(Instance.CBR, CustomerScope.group(DemoCustomers.BIG_GROUP)).size();
                }
                double millis = (System.nanoTime() - started) / 1e6 / runs;
                System.out.printf("300-customer group: %d lines in %.0f ms per fetch, %d requests per fetch%n",
                        lines, millis, simulator.requestCounts().count("CBR") / runs);
                simulator.faults().latency("CBR", 150);
                started = System.nanoTime();
                queries.openOrders(Instance.CBR, CustomerScope.group(DemoCustomers.BIG_GROUP));
                System.out.printf("300-customer group with 150 ms latency per request: %.0f ms%n",
                        (System.nanoTime() - started) / 1e6);
            } finally {
                queries.destroy();
            }
        }
    }

    private static double bestSeconds(Runnable work) {
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 10; round++) {
            long started = System.nanoTime();
            for (int i = 0; i < 3; i++) {
                work.run();
            }
            best = Math.min(best, (System.nanoTime() - started) / 1e9 / 3);
        }
        return best;
    }

    private static byte[] body(BuzSimulator simulator, String url) throws Exception {
        SimulatorSettings.Credentials credentials = simulator.credentials("DD");
        String auth = Base64.getEncoder().encodeToString(
                (credentials.username() + ":" + credentials.password()).getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Basic " + auth).build(), HttpResponse.BodyHandlers.ofByteArray());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(response.body());
        return out.toByteArray();
    }

    /** Rows read with the columns application.yml approves by default. */
    private static java.util.List<OrderLine> readWithDefaults(Instance instance,
                                                             java.util.List<java.util.Map<String, Object>> rows) {
        return OrderLineReader.read(instance, rows, SimulatedBuz.DEFAULT_COLUMNS.policy());
    }
}
