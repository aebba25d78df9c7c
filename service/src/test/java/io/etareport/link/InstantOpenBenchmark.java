package io.etareport.link;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.etareport.EtaReportApplication;
import io.etareport.TestClockConfig;
import io.etareport.bench.Bench;
import io.etareport.cache.MutableClock;
import io.etareport.customers.Customer;
import io.etareport.customers.CustomerRepository;
import io.etareport.customers.FieldType;
import io.etareport.jobs.JobEvents;
import io.etareport.simulator.BuzSimulator;
import io.etareport.simulator.DemoCustomers;
import io.etareport.simulator.SimulatorFaults;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "Open at once" over real HTTP against a started service, the supplier answering slowly (default 1,500 ms a
 * request): a customer whose last report is 5 minutes old opens their link. Measures (1) how long {@code GET /<id>}
 * takes to answer with that report's orders while the refresh job has just started upstream, and (2) how long after
 * the refresh job finishes (the moment the service announces it to its listeners) a client reading
 * {@code /jobs/<id>/events} receives the "completed" event. The report's age is made by moving the service's clock
 * (the test profile's {@link MutableClock}), as InstantOpenIntegrationTest does. On demand:
 * {@code bench/run.sh InstantOpenBenchmark [latency-ms] [opens] [group]}. Targets: open ≤ 300 ms; event ≤ 100 ms.
 */
public final class InstantOpenBenchmark {

    private static final Pattern REFRESH_JOB = Pattern.compile("data-refresh-job=\"([0-9a-f-]{36})\"");
    private static final Pattern JOB = Pattern.compile("data-job-id=\"([0-9a-f-]{36})\"");
    private static final int WARMUPS = 3;

    public static void main(String[] args) throws Exception {
        int latency = Bench.intArg(args, 0, 1_500);
        int opens = Bench.intArg(args, 1, 20);
        Bench.header("instant open, " + latency + " ms upstream latency, report 5 minutes old");
        try (BuzSimulator simulator = BuzSimulator.start(0);
             ConfigurableApplicationContext app = start(simulator)) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            // "group": the 300-customer group on CBR, a long page; otherwise a customer on both instances.
            CustomerRepository repository = app.getBean(CustomerRepository.class);
            Customer customer = args.length > 2 && args[2].equals("group")
                    ? repository.add(null, DemoCustomers.BIG_GROUP, FieldType.CUSTOMER_GROUP, null)
                    : repository.add(DemoCustomers.ON_BOTH, DemoCustomers.ON_BOTH, FieldType.CUSTOMER_NAME, null);
            JdbcClient db = app.getBean(JdbcClient.class);
            MutableClock clock = app.getBean(MutableClock.class);
            JobEvents events = app.getBean(JobEvents.class);
            HttpClient http = HttpClient.newHttpClient();
            String link = "http://localhost:" + port + "/" + customer.obfuscatedId();

            clock.set(Instant.now());
            awaitDone(http, port, match(JOB, get(http, link), "a loading page"));
            simulator.faults().latency(SimulatorFaults.ALL, latency);

            long[] openNanos = new long[opens];
            long[] eventNanos = new long[opens];
            int eventSamples = 0;
            int orders = 0;
            for (int run = -WARMUPS; run < opens; run++) {
                clock.advance(Duration.ofMinutes(5));
                // Not from the stored copy: the refresh goes to the slow supplier while the page is answered.
                db.sql("DELETE FROM buz_cache").update();

                long start = System.nanoTime();
                String page = get(http, link);
                long took = System.nanoTime() - start;

                if (!page.contains("Updated 5 minutes ago · refreshing…")) {
                    throw new IllegalStateException("Not the 5-minute-old report at once: " + page.substring(0,
                            Math.min(page.length(), 400)));
                }
                orders = countOrders(page);
                String refresh = match(REFRESH_JOB, page, "a refresh job on the page");
                AtomicLong finishedAt = new AtomicLong();
                // Registered before the page's stream connects, so it runs first when the job finishes.
                events.onFinished(refresh, () -> finishedAt.set(System.nanoTime()));
                long delivered = awaitCompletedEvent(http, port, refresh);
                if (run >= 0) {
                    openNanos[run] = took;
                    if (finishedAt.get() != 0 && delivered > 0) {
                        eventNanos[eventSamples++] = delivered - finishedAt.get();
                    }
                }
                awaitDone(http, port, refresh);
            }
            print("GET /<id> with the 5-minute-old report", openNanos, opens,
                    orders + " orders on the page, refresh job running upstream");
            print("job finished -> SSE event received", eventNanos, eventSamples,
                    "client reading /jobs/<id>/events over HTTP");
        }
    }

    /** Reads the job's event stream until its "completed" event; the receipt time, or 0 when it was never sent. */
    private static long awaitCompletedEvent(HttpClient http, int port, String job) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/jobs/" + job + "/events"))
                .header("Accept", "text/event-stream").build();
        HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        try (Stream<String> lines = response.body()) {
            Iterator<String> it = lines.iterator();
            boolean first = true;
            while (it.hasNext()) {
                String line = it.next();
                if (line.startsWith("data:")) {
                    if (line.contains("\"status\":\"completed\"")) {
                        // A first event already completed means the job ended before the stream connected.
                        return first ? 0 : System.nanoTime();
                    }
                    first = false;
                }
            }
        }
        return 0;
    }

    private static void print(String name, long[] nanos, int count, String note) {
        if (count == 0) {
            System.out.printf("%-42s no samples [%s]%n", name, note);
            return;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        System.out.printf("%-42s min %7.1f ms  median %7.1f ms  max %7.1f ms  (%d runs)  [%s]%n", name,
                sorted[0] / 1e6, sorted[count / 2] / 1e6, sorted[count - 1] / 1e6, count, note);
    }

    private static int countOrders(String page) {
        Matcher matcher = Pattern.compile("aria-label=\"Order ").matcher(page);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }

    private static ConfigurableApplicationContext start(BuzSimulator simulator) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (String instance : List.of("DD", "CBR")) {
            String code = instance.equals("DD") ? BuzSimulator.DD_CODE : BuzSimulator.CBR_CODE;
            properties.put("eta.buz.instances." + instance + ".url", simulator.baseUrl(code));
            properties.put("eta.buz.instances." + instance + ".username", simulator.credentials(code).username());
            properties.put("eta.buz.instances." + instance + ".password", simulator.credentials(code).password());
        }
        properties.put("eta.cache.blackout.enabled", "false");
        // Every open starts a refresh, as it does when the last report is older than the reuse window.
        properties.put("eta.jobs.reuse-window", "0s");
        properties.put("eta.jobs.show-recent-for", "15m");
        // One client opening the link many times in a minute; the limit is not what is measured.
        properties.put("eta.jobs.starts-per-minute", "1000");
        properties.put("server.port", "0");
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(EtaReportApplication.class, TestClockConfig.class).profiles("test")
                .run(args);
    }

    private static String get(HttpClient http, String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String match(Pattern pattern, String page, String what) {
        Matcher matcher = pattern.matcher(page);
        if (!matcher.find()) {
            throw new IllegalStateException("Expected " + what);
        }
        return matcher.group(1);
    }

    private static void awaitDone(HttpClient http, int port, String job) throws InterruptedException {
        String status;
        while (!(status = get(http, "http://localhost:" + port + "/jobs/" + job)).contains("\"done\":true")) {
            Thread.sleep(20);
        }
        if (!status.contains("\"completed\"")) {
            throw new IllegalStateException("The report failed: " + status);
        }
    }
}
