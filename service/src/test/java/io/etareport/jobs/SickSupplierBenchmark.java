package io.etareport.jobs;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.etareport.EtaReportApplication;
import io.etareport.bench.Bench;
import io.etareport.customers.Customer;
import io.etareport.customers.CustomerRepository;
import io.etareport.customers.FieldType;
import io.etareport.simulator.BuzSimulator;
import io.etareport.simulator.DemoCustomers;
import io.etareport.simulator.FaultMode;
import io.etareport.simulator.SimulatorFaults;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The service against a sick supplier, over HTTP, with the production settings (4 workers, 20 s
 * read timeout, 4 s stale deadline): time from opening a link to a ready report.
 * <ol>
 * <li>{@code hang}: 20 customers with saved copies open their links at once while DD hangs;</li>
 * <li>{@code crowd}: 100 different customers at once, no saved copies, every request slowed by the latency;</li>
 * <li>{@code group}: the 300-member group, first with its members unknown (cold), then known (warm);</li>
 * <li>{@code alone}: one customer on both instances opening alone, nothing saved (not in the default run).</li>
 * </ol>
 * On demand: {@code bench/run.sh SickSupplierBenchmark [latency-ms] [scenario...]} (default 1500, all).
 */
public final class SickSupplierBenchmark {

    private static final Pattern JOB = Pattern.compile("data-job-id=\"([0-9a-f-]{36})\"");

    public static void main(String[] args) throws Exception {
        int latency = Bench.intArg(args, 0, 1_500);
        List<String> scenarios = args.length > 1 ? Arrays.asList(args).subList(1, args.length)
                : List.of("hang", "crowd", "group");
        try (BuzSimulator simulator = BuzSimulator.start(0);
             ConfigurableApplicationContext app = start(simulator)) {
            SickSupplierBenchmark bench = new SickSupplierBenchmark(simulator, app);
            if (scenarios.contains("hang")) {
                bench.hang();
            }
            if (scenarios.contains("crowd")) {
                bench.crowd(latency);
            }
            if (scenarios.contains("group")) {
                bench.group(latency);
            }
            if (scenarios.contains("alone")) {
                bench.alone(latency);
            }
        }
    }

    private final BuzSimulator simulator;
    private final CustomerRepository customers;
    private final JdbcClient db;
    // Daemon threads: the JVM ends when the benchmark does.
    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(16, task -> {
        Thread thread = new Thread(task);
        thread.setDaemon(true);
        return thread;
    })).build();
    private final int port;

    private SickSupplierBenchmark(BuzSimulator simulator, ConfigurableApplicationContext app) {
        this.simulator = simulator;
        this.customers = app.getBean(CustomerRepository.class);
        this.db = app.getBean(JdbcClient.class);
        this.port = ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    private void hang() throws Exception {
        Bench.header("20 customers with saved copies, DD hanging");
        List<Customer> twenty = addCustomers(20);
        simulator.faults().clear();
        openAll(twenty); // saves their copies
        db.sql("DELETE FROM report_job").update();
        simulator.faults().mode("DD", FaultMode.HANG);
        simulator.resetRequestCounts();
        report(openAll(twenty), "hang, 20 customers");
        simulator.faults().clear();
    }

    private void crowd(int latency) throws Exception {
        Bench.header("100 different customers at once, " + latency + " ms a request, nothing saved");
        List<Customer> hundred = addCustomers(100);
        db.sql("DELETE FROM buz_cache").update();
        db.sql("DELETE FROM report_job").update();
        simulator.faults().latency(SimulatorFaults.ALL, latency);
        simulator.resetRequestCounts();
        report(openAll(hundred), "crowd, 100 customers");
        simulator.faults().clear();
    }

    /** One customer on both instances opening alone, nothing saved: against one request's latency per page. */
    private void alone(int latency) throws Exception {
        Bench.header("one customer alone, both instances, " + latency + " ms a request, nothing saved");
        db.sql("DELETE FROM customers").update();
        Customer one = customers.add(DemoCustomers.ON_BOTH, DemoCustomers.ON_BOTH, FieldType.CUSTOMER_NAME, null);
        simulator.faults().latency(SimulatorFaults.ALL, latency);
        List<Long> millis = new ArrayList<>();
        for (int run = 1; run <= 6; run++) {
            db.sql("DELETE FROM buz_cache").update();
            db.sql("DELETE FROM report_job").update();
            simulator.resetRequestCounts();
            long ready = timeToReady(one);
            long requests = simulator.requestCounts().total();
            // Pages are asked one after another; the instances at once: the floor is the longer instance.
            long floor = latency * Math.max(simulator.requestCounts().count("DD"), simulator.requestCounts().count("CBR"));
            System.out.printf("run %d: ready after %d ms, %d upstream requests, floor %d ms (%.2f ×)%n", run, ready,
                    requests, floor, (double) ready / floor);
            if (run > 1) {
                millis.add(ready);
            }
        }
        millis.sort(null);
        System.out.printf("alone, after one warm-up run: median %d ms, min %d ms, max %d ms%n",
                percentile(millis, 50), millis.get(0), millis.get(millis.size() - 1));
        simulator.faults().clear();
    }

    private void group(int latency) throws Exception {
        Bench.header("300-member group (CBR), " + latency + " ms a request");
        db.sql("DELETE FROM customers").update();
        Customer group = customers.add(null, DemoCustomers.BIG_GROUP, FieldType.CUSTOMER_GROUP, null);
        simulator.faults().latency(SimulatorFaults.ALL, latency);
        for (int run = 1; run <= 3; run++) {
            db.sql("DELETE FROM buz_cache").update();
            db.sql("DELETE FROM report_job").update();
            simulator.resetRequestCounts();
            long cold = timeToReady(group);
            long coldCalls = simulator.requestCounts().total();
            // Keep what the service keeps between reports (the members, if it stores them), not the orders.
            db.sql("DELETE FROM buz_cache WHERE cache_key LIKE 'open_orders%'").update();
            db.sql("DELETE FROM report_job").update();
            simulator.resetRequestCounts();
            long warm = timeToReady(group);
            System.out.printf("run %d: members unknown %d ms (%d upstream requests); members known %d ms"
                    + " (%d upstream requests)%n", run, cold, coldCalls, warm, simulator.requestCounts().total());
        }
        simulator.faults().clear();
    }

    private List<Customer> addCustomers(int count) {
        db.sql("DELETE FROM customers").update();
        SortedSet<String> dd = simulator.dataSet().customers(BuzSimulator.DD_CODE);
        SortedSet<String> cbr = simulator.dataSet().customers(BuzSimulator.CBR_CODE);
        List<Customer> added = new ArrayList<>();
        for (String name : dd) {
            if (added.size() == count) {
                break;
            }
            added.add(customers.add(name, cbr.contains(name) ? name : null, FieldType.CUSTOMER_NAME, null));
        }
        return added;
    }

    /** Opens every link at once; returns each one's milliseconds to a ready report. */
    private List<Long> openAll(List<Customer> who) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(who.size());
        try {
            List<CompletableFuture<Long>> opens = new ArrayList<>();
            for (Customer customer : who) {
                opens.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return timeToReady(customer);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, pool));
            }
            return opens.stream().map(CompletableFuture::join).sorted().toList();
        } finally {
            pool.shutdownNow();
        }
    }

    private long timeToReady(Customer customer) throws Exception {
        long start = System.nanoTime();
        String job = jobOf(get("http://localhost:" + port + "/" + customer.obfuscatedId()));
        String status;
        while (!(status = get("http://localhost:" + port + "/jobs/" + job)).contains("\"done\":true")) {
            Thread.sleep(50);
        }
        if (!status.contains("\"completed\"")) {
            System.out.println("  a report failed: " + status.replaceAll("\"log\":\\[[^]]*]", ""));
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private void report(List<Long> millis, String what) {
        System.out.printf("%s: p50 %d ms, p95 %d ms, max %d ms; %d upstream requests%n", what,
                percentile(millis, 50), percentile(millis, 95), millis.get(millis.size() - 1),
                simulator.requestCounts().total());
    }

    private static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }

    private String get(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String jobOf(String loadingPage) {
        Matcher matcher = JOB.matcher(loadingPage);
        if (!matcher.find()) {
            throw new IllegalStateException("not a loading page: "
                    + loadingPage.substring(0, Math.min(200, loadingPage.length())));
        }
        return matcher.group(1);
    }

    private static ConfigurableApplicationContext start(BuzSimulator simulator) {
        Map<String, Object> properties = new java.util.LinkedHashMap<>();
        for (String instance : List.of("DD", "CBR")) {
            String code = instance.equals("DD") ? BuzSimulator.DD_CODE : BuzSimulator.CBR_CODE;
            properties.put("eta.buz.instances." + instance + ".url", simulator.baseUrl(code));
            properties.put("eta.buz.instances." + instance + ".username", simulator.credentials(code).username());
            properties.put("eta.buz.instances." + instance + ".password", simulator.credentials(code).password());
        }
        properties.put("eta.cache.blackout.enabled", "false");
        properties.put("eta.jobs.reuse-window", "0s");
        // Many visitors from one address here: the per-client start limit would measure itself.
        properties.put("eta.jobs.starts-per-minute", "100000");
        properties.put("server.port", "0");
        // -Dbench.jobs.workers=N (in BENCH_JAVA_OPTS) to measure another number of report workers.
        if (System.getProperty("bench.jobs.workers") != null) {
            properties.put("eta.jobs.workers", System.getProperty("bench.jobs.workers"));
        }
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(EtaReportApplication.class).profiles("test").run(args);
    }
}
