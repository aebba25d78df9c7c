package io.etareport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.etareport.bench.Bench;
import io.etareport.db.TestPostgres;
import io.etareport.simulator.BuzSimulator;
import io.etareport.simulator.SimulatorFaults;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Many different customers opening their links at once, on one node and on two nodes sharing one PostgreSQL
 * database, against the simulator with the supplier's slowness: the time until each report is ready (p50, p95,
 * slowest, from the moment every link is opened) and the upstream requests it cost. Each node keeps its own
 * upstream limit ({@code eta.buz.max-in-flight}, 4 per instance) and its own report workers ({@code eta.jobs.workers},
 * 32), so two nodes may have twice the requests open at the supplier. On demand:
 * {@code bench/run.sh ClusterBenchmark [latency-ms=1500] [customers=100] [max-in-flight=4] [workers=32]}; other
 * settings as system properties in {@code BENCH_JAVA_OPTS} (e.g. {@code -Deta.database.lock-pool-size=40}).
 */
public final class ClusterBenchmark {

    private static final Pattern JOB = Pattern.compile("data-job-id=\"([0-9a-f-]{36})\"");

    public static void main(String[] args) throws Exception {
        int latency = Bench.intArg(args, 0, 1_500);
        int customers = Bench.intArg(args, 1, 100);
        int limit = Bench.intArg(args, 2, 4);
        int workers = Bench.intArg(args, 3, 32);
        Bench.header(customers + " customers at once, " + latency + " ms upstream latency, per node max-in-flight "
                + limit + " and " + workers + " report workers");
        try (BuzSimulator simulator = BuzSimulator.start(0)) {
            for (int nodes = 1; nodes <= 2; nodes++) {
                run(simulator, nodes, customers, latency, limit, workers);
            }
        }
        System.exit(0);
    }

    private static void run(BuzSimulator simulator, int nodeCount, int customerCount, int latency, int limit,
                            int workers) throws Exception {
        String database = TestPostgres.newDatabase();
        List<ConfigurableApplicationContext> nodes = new ArrayList<>();
        for (int i = 0; i < nodeCount; i++) {
            nodes.add(ClusterNode.start(database, simulator, "--eta.schedule.warm-up=-",
                    "--eta.buz.max-in-flight=" + limit, "--eta.jobs.workers=" + workers,
                    "--eta.buz.read-timeout=20s"));
        }
        try {
            List<String> links = addCustomers(simulator, database, customerCount);
            simulator.faults().latency(SimulatorFaults.ALL, latency);
            simulator.resetRequestCounts();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            ExecutorService browsers = Executors.newFixedThreadPool(links.size());
            long start = System.nanoTime();
            List<CompletableFuture<Long>> ready = new ArrayList<>();
            for (int i = 0; i < links.size(); i++) {
                ConfigurableApplicationContext node = nodes.get(i % nodeCount);
                String link = links.get(i);
                ready.add(CompletableFuture.supplyAsync(() -> openAndWait(http, node, link, start), browsers));
            }
            long[] millis = ready.stream().mapToLong(CompletableFuture::join).sorted().toArray();
            browsers.shutdown();
            long failed = Arrays.stream(millis).filter(ms -> ms < 0).count();
            long[] done = Arrays.stream(millis).filter(ms -> ms >= 0).toArray();
            System.out.printf("%d node(s): ready p50 %.1f s, p95 %.1f s, slowest %.1f s; %d upstream requests"
                            + " (DD %d, CBR %d); %d failed%n",
                    nodeCount, percentile(done, 50) / 1e3, percentile(done, 95) / 1e3, done[done.length - 1] / 1e3,
                    simulator.requestCounts().total(), simulator.requestCounts().count(BuzSimulator.DD_CODE),
                    simulator.requestCounts().count(BuzSimulator.CBR_CODE), failed);
        } finally {
            simulator.reset();
            nodes.forEach(ConfigurableApplicationContext::close);
        }
    }

    /** The simulator's own customers, so every fetch returns real rows; those it also has on CBR get both. */
    private static List<String> addCustomers(BuzSimulator simulator, String database, int count) {
        JdbcClient db = JdbcClient.create(new DriverManagerDataSource(database, "postgres", ""));
        Set<String> onCbr = simulator.dataSet().customers(BuzSimulator.CBR_CODE);
        List<String> names = simulator.dataSet().customers(BuzSimulator.DD_CODE).stream().limit(count).toList();
        if (names.size() < count) {
            throw new IllegalArgumentException("The simulator has only " + names.size() + " customers on DD");
        }
        List<String> links = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String link = "%032x".formatted(i + 1);
            db.sql("INSERT INTO customers (dd_name, cbr_name, obfuscated_id, field_type)"
                            + " VALUES (?, ?, ?, 'Customer Name')")
                    .params(name, onCbr.contains(name) ? name : null, link).update();
            links.add(link);
        }
        return links;
    }

    /** Milliseconds from {@code start} until the report is ready; -1 if it failed. */
    private static long openAndWait(HttpClient http, ConfigurableApplicationContext node, String link, long start) {
        Matcher job = JOB.matcher(get(http, node, "/" + link));
        if (!job.find()) {
            return -1;
        }
        String status;
        // Polls faster than the page's 1.2 s, slowly enough not to load two shared cores.
        while (!(status = get(http, node, "/jobs/" + job.group(1))).contains("\"done\":true")) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return status.contains("\"completed\"") ? millis : -1;
    }

    private static String get(HttpClient http, ConfigurableApplicationContext node, String path) {
        try {
            return http.send(HttpRequest.newBuilder(ClusterNode.uri(node, path)).header("Accept",
                    "text/html,application/json").GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
