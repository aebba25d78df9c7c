package io.etareport.jobs;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.etareport.EtaReportApplication;
import io.etareport.bench.Bench;
import io.etareport.customers.Customer;
import io.etareport.customers.CustomerRepository;
import io.etareport.customers.FieldType;
import io.etareport.simulator.BuzSimulator;
import io.etareport.simulator.DemoCustomers;
import io.etareport.simulator.SimulatorFaults;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole service against the simulator with the supplier's slowness injected (default 1,500 ms
 * a request), for a customer on both instances: how long until the report is ready, and how many
 * upstream calls ten simultaneous opens of the same link cost. On demand:
 * {@code bench/run.sh EndToEndBenchmark [latency-ms]}. Targets: ready within 2.2 s; exactly 2 calls.
 */
public final class EndToEndBenchmark {

    private static final Pattern JOB = Pattern.compile("data-job-id=\"([0-9a-f-]{36})\"");

    public static void main(String[] args) throws Exception {
        int latency = Bench.intArg(args, 0, 1_500);
        Bench.header("end to end, " + latency + " ms upstream latency");
        try (BuzSimulator simulator = BuzSimulator.start(0);
             ConfigurableApplicationContext app = start(simulator)) {
            simulator.faults().latency(SimulatorFaults.ALL, latency);
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            Customer customer = app.getBean(CustomerRepository.class)
                    .add(DemoCustomers.ON_BOTH, DemoCustomers.ON_BOTH, FieldType.CUSTOMER_NAME, null);
            JdbcClient db = app.getBean(JdbcClient.class);
            HttpClient http = HttpClient.newHttpClient();
            String link = "http://localhost:" + port + "/" + customer.obfuscatedId();

            for (int run = 1; run <= 3; run++) {
                db.sql("DELETE FROM buz_cache").update();
                simulator.resetRequestCounts();
                long start = System.nanoTime();
                String job = jobOf(get(http, link));
                awaitDone(http, port, job);
                System.out.printf("run %d: report ready after %.0f ms, %d upstream calls%n", run,
                        (System.nanoTime() - start) / 1e6, simulator.requestCounts().total());
            }

            db.sql("DELETE FROM buz_cache").update();
            db.sql("DELETE FROM report_job").update();
            simulator.resetRequestCounts();
            long start = System.nanoTime();
            List<CompletableFuture<String>> opens = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                opens.add(CompletableFuture.supplyAsync(() -> jobOf(get(http, link))));
            }
            List<String> jobs = opens.stream().map(CompletableFuture::join).distinct().toList();
            for (String job : jobs) {
                awaitDone(http, port, job);
            }
            System.out.printf("10 simultaneous opens: %d job(s), %d upstream calls, all ready after %.0f ms%n",
                    jobs.size(), simulator.requestCounts().total(), (System.nanoTime() - start) / 1e6);
        }
    }

    private static ConfigurableApplicationContext start(BuzSimulator simulator) {
        java.util.Map<String, Object> properties = new java.util.LinkedHashMap<>();
        for (String instance : List.of("DD", "CBR")) {
            String code = instance.equals("DD") ? BuzSimulator.DD_CODE : BuzSimulator.CBR_CODE;
            properties.put("eta.buz.instances." + instance + ".url", simulator.baseUrl(code));
            properties.put("eta.buz.instances." + instance + ".username", simulator.credentials(code).username());
            properties.put("eta.buz.instances." + instance + ".password", simulator.credentials(code).password());
        }
        properties.put("eta.cache.blackout.enabled", "false");
        properties.put("eta.jobs.reuse-window", "0s");
        properties.put("server.port", "0");
        // As arguments: they outrank application.yml, where default properties would not.
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(EtaReportApplication.class).profiles("test").run(args);
    }

    private static String get(HttpClient http, String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String jobOf(String loadingPage) {
        Matcher matcher = JOB.matcher(loadingPage);
        if (!matcher.find()) {
            throw new IllegalStateException("not a loading page");
        }
        return matcher.group(1);
    }

    private static void awaitDone(HttpClient http, int port, String job) throws InterruptedException {
        // Polls faster than the page's 1.2 s so the figure measures the service, not the poll.
        String status;
        while (!(status = get(http, "http://localhost:" + port + "/jobs/" + job)).contains("\"done\":true")) {
            Thread.sleep(20);
        }
        if (!status.contains("\"completed\"")) {
            throw new IllegalStateException("The report failed: " + status);
        }
    }
}
