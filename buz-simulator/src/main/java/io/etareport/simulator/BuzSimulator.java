package io.etareport.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Tomcat;

/**
 * A stand-in for the BuzManager OData reports API, for tests and demos: two report sites, {@code DESDR} (the DD
 * instance) and {@code WATSO} (CBR), each serving {@code JobsScheduleDetailed}, {@code SalesReport} and
 * {@code WorkInProgress} from a seeded {@link SimulatorDataSet}, behind HTTP Basic auth, with server-driven
 * paging and faults that can be switched at run time.
 *
 * <pre>{@code
 * try (BuzSimulator buz = BuzSimulator.start(0)) {
 *     String dd = buz.baseUrl("DD");                  // http://127.0.0.1:<port>/reports/DESDR
 *     buz.faults().failNext("DD", 1);                 // the next DD request gets a 503
 *     ...
 *     long calls = buz.requestCounts().count("DD", "JobsScheduleDetailed");
 * }
 * }</pre>
 *
 * <h2>HTTP</h2>
 * <ul>
 *   <li>{@code GET /reports/<CODE>/<EntitySet>?$filter=...&$select=...&$orderby=...&$top=...&$skip=...&$count=true}
 *   and {@code POST /reports/<CODE>/<EntitySet>/$query} (OData 4.01; body: the query string, {@code text/plain}).
 *   Answers {@code {"@odata.context":...,"value":[...],"@odata.nextLink":...}}; a page holds
 *   {@link SimulatorSettings#pageSize()} rows (less with {@code Prefer: odata.maxpagesize=N}); the nextLink is an
 *   absolute GET URL with every option of the request plus {@code $skiptoken}, also after a POST.
 *   {@code /<EntitySet>/$count}, the service document and {@code $metadata} are served too.</li>
 *   <li>Errors as OData JSON {@code {"error":{"code":...,"message":...}}}: 400 for a malformed query or an
 *   unknown property, 401 without the right credentials, 404 for an unknown site or entity set, 414 for a GET
 *   query longer than {@link SimulatorSettings#maxQueryLength()}, 501 for unsupported options
 *   ({@code $expand}, {@code $search}, {@code $apply}, lambdas).</li>
 *   <li>Control API without auth: {@code GET|POST|DELETE /_sim/faults}, {@code GET|DELETE /_sim/requests},
 *   {@code POST /_sim/reset}, {@code GET /_sim/info}.</li>
 * </ul>
 *
 * <p>It runs in its own embedded Tomcat and uses no Spring, so it never becomes part of the application's
 * context and depends on nothing else of ours.
 */
public final class BuzSimulator implements AutoCloseable {

    /** The DD instance's report site. */
    public static final String DD_CODE = "DESDR";
    /** The CBR instance's report site. */
    public static final String CBR_CODE = "WATSO";
    public static final List<String> CODES = List.of(DD_CODE, CBR_CODE);
    public static final List<String> ENTITY_SETS = List.of(SimulatorDataSet.JOBS_SCHEDULE_DETAILED,
            SimulatorDataSet.SALES_REPORT, SimulatorDataSet.WORK_IN_PROGRESS);

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final SimulatorSettings settings;
    private final SimulatorDataSet dataSet;
    private final SimulatorFaults faults = new SimulatorFaults(CODES);
    private final RequestRecorder recorder = new RequestRecorder();
    private final DateMoves dateMoves = new DateMoves();
    private final ReportQuery.Engine engine = new ReportQuery.Engine();
    private final Tomcat tomcat;
    private final Path baseDir;
    private final int port;
    private volatile boolean stopped;

    private BuzSimulator(SimulatorSettings settings) {
        this.settings = settings;
        this.dataSet = SimulatorDataSet.generate(settings.seed(), settings.scale(), settings.anchorDate());
        try {
            this.baseDir = Files.createTempDirectory("buz-simulator");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        tomcat.getEngine().setName("buz-simulator-" + SEQUENCE.incrementAndGet()); // own JMX domain
        tomcat.setPort(settings.port());
        Connector connector = tomcat.getConnector();
        connector.setProperty("address", settings.bindAddress());
        connector.setThrowOnFailure(true);
        // Let long URLs reach the servlet, which answers 414 past maxQueryLength like the real front end;
        // Tomcat itself would answer a bare 400 past its 8 KB default.
        connector.setProperty("maxHttpRequestHeaderSize", Integer.toString(256 * 1024));
        Context context = tomcat.addContext("", baseDir.toString());
        if (context instanceof StandardContext standard) { // nothing to leak: no web application class loader work
            standard.setClearReferencesThreadLocals(false);
            standard.setClearReferencesRmiTargets(false);
        }
        Tomcat.addServlet(context, "buz", new BuzServlet(this, engine));
        context.addServletMappingDecoded("/", "buz");
        context.getPipeline().addValve(new DropConnectionValve());
        try {
            tomcat.start();
        } catch (LifecycleException | RuntimeException e) {
            destroyQuietly();
            throw new IllegalStateException("Cannot start the Buz simulator on " + settings.bindAddress() + ":"
                    + settings.port(), e);
        }
        this.port = connector.getLocalPort();
    }

    /** Starts a simulator with default settings on this port (0 for a free one). */
    public static BuzSimulator start(int port) {
        return start(SimulatorSettings.defaults().withPort(port));
    }

    /** Starts a simulator; it runs until {@link #stop()} / {@link #close()}. */
    public static BuzSimulator start(SimulatorSettings settings) {
        return new BuzSimulator(settings);
    }

    /**
     * Starts a simulator, prints where it listens, and blocks until the JVM shuts down (Ctrl-C): the entry for
     * a {@code simulator --port P} command.
     */
    public static void runForever(SimulatorSettings settings) throws InterruptedException {
        BuzSimulator simulator = start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.stop();
            stopped.countDown();
        }, "buz-simulator-shutdown"));
        System.out.println(simulator.describe());
        stopped.await();
    }

    /** {@code DESDR} for {@code DD}/{@code desdr}, {@code WATSO} for {@code CBR}/{@code watso}. */
    public static String normaliseCode(String codeOrInstance) {
        String upper = codeOrInstance.strip().toUpperCase(Locale.ROOT);
        return switch (upper) {
            case "DD", DD_CODE -> DD_CODE;
            case "CBR", CBR_CODE -> CBR_CODE;
            default -> throw new IllegalArgumentException("Unknown Buz instance " + codeOrInstance);
        };
    }

    /** {@code DD} for {@code DESDR}, {@code CBR} for {@code WATSO}. */
    public static String instanceName(String code) {
        return normaliseCode(code).equals(DD_CODE) ? "DD" : "CBR";
    }

    public int port() {
        return port;
    }

    /** {@code http://<host>:<port>}, where host is the bind address, or 127.0.0.1 when bound to all. */
    public String rootUrl() {
        String host = settings.bindAddress();
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            host = "127.0.0.1";
        } else if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + port;
    }

    /**
     * The base URL of one report site, as configured for the service ({@code BUZ_DD_URL}/{@code BUZ_CBR_URL}):
     * {@code http://127.0.0.1:<port>/reports/DESDR}. Accepts {@code DESDR}/{@code WATSO} or {@code DD}/{@code CBR}.
     */
    public String baseUrl(String code) {
        return rootUrl() + "/reports/" + normaliseCode(code);
    }

    public SimulatorSettings settings() {
        return settings;
    }

    /** The credentials of one instance. */
    public SimulatorSettings.Credentials credentials(String code) {
        return settings.credentials(code);
    }

    public SimulatorDataSet dataSet() {
        return dataSet;
    }

    /** The run-time faults of this simulator. */
    public SimulatorFaults faults() {
        return faults;
    }

    /** What this simulator received since start or the last reset. */
    public RequestCounts requestCounts() {
        return recorder.snapshot();
    }

    public void resetRequestCounts() {
        recorder.reset();
    }

    /** Clears all faults (letting hanging requests go), moved dates and the request counts. */
    public void reset() {
        faults.clear();
        dateMoves.clear();
        engine.forgetMatching();
        recorder.reset();
    }

    /**
     * Reschedules an order: from now on every line of order {@code refNo} on this instance ({@code DESDR},
     * {@code DD}, ...) is served with this {@code DateScheduled}, until {@link #reset()}.
     */
    public void moveDate(String codeOrInstance, String refNo, java.time.LocalDate date) {
        dateMoves.move(normaliseCode(codeOrInstance), refNo, date);
        engine.forgetMatching();
    }

    DateMoves dateMoves() {
        return dateMoves;
    }

    RequestRecorder recorder() {
        return recorder;
    }

    /** A few lines for a console: where it listens, the credentials, the demo customers. */
    public String describe() {
        StringBuilder sb = new StringBuilder("Buz simulator listening on ").append(rootUrl())
                .append(" (seed ").append(settings.seed()).append(", page size ").append(settings.pageSize())
                .append(")\n");
        for (String code : CODES) {
            SimulatorSettings.Credentials c = settings.credentials(code);
            sb.append("  ").append(instanceName(code)).append(": ").append(baseUrl(code)).append("  user ")
                    .append(c.username()).append(" / password ").append(c.password()).append('\n');
        }
        sb.append("  control: ").append(rootUrl()).append("/_sim/info, /_sim/faults, /_sim/requests, /_sim/reset\n");
        sb.append("  demo customers:\n");
        for (DemoCustomers.DemoCustomer customer : DemoCustomers.all()) {
            sb.append("    ").append(customer.displayName()).append(" (").append(customer.fieldType())
                    .append("; DD: ").append(customer.ddName() == null ? "-" : customer.ddName())
                    .append("; CBR: ").append(customer.cbrName() == null ? "-" : customer.cbrName()).append(")\n");
        }
        return sb.toString();
    }

    /** Stops the server; hanging requests are let go first. Idempotent. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        faults.close();
        try {
            tomcat.stop();
        } catch (LifecycleException e) {
            // stopping anyway
        }
        destroyQuietly();
    }

    @Override
    public void close() {
        stop();
    }

    private void destroyQuietly() {
        try {
            tomcat.destroy();
        } catch (LifecycleException | RuntimeException e) {
            // best effort
        }
        try (Stream<Path> files = Files.walk(baseDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory left behind
        }
    }

    @Override
    public String toString() {
        return "BuzSimulator[" + rootUrl() + "]";
    }
}
