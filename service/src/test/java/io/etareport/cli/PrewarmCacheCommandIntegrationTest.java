package io.etareport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.etareport.ServiceTest;
import io.etareport.SimulatedBuzService;
import io.etareport.cache.MutableClock;
import io.etareport.customers.Customer;
import io.etareport.customers.CustomerLinks;
import io.etareport.customers.CustomerRepository;
import io.etareport.customers.FieldType;
import io.etareport.simulator.BuzSimulator;
import io.etareport.simulator.DemoCustomers;
import io.etareport.simulator.FaultMode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import picocli.CommandLine;

/** prewarm-cache as operators run it, against the simulator over HTTP. */
@ServiceTest(properties = "eta.cache.blackout.enabled=true")
class PrewarmCacheCommandIntegrationTest {

    private static final BuzSimulator SIMULATOR = SimulatedBuzService.SIMULATOR;
    private static final String MORNING = "2026-03-04T08:00";
    private static final Pattern LINE = Pattern.compile("#\\d+ (.+) (DD|CBR): (.+)");


    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    CustomerRepository customers;

    @Autowired
    CustomerLinks links;

    @Autowired
    JdbcClient db;

    @Autowired
    MutableClock clock;

    private StringWriter out;

    @BeforeEach
    void customers() {
        db.sql("DELETE FROM customers").update();
        db.sql("DELETE FROM buz_cache").update();
        customers.add(DemoCustomers.ON_BOTH, DemoCustomers.ON_BOTH, FieldType.CUSTOMER_NAME, null);
        customers.add(DemoCustomers.DD_ONLY, null, FieldType.CUSTOMER_NAME, null);
        customers.add(null, DemoCustomers.CBR_GROUP, FieldType.CUSTOMER_GROUP, null);
        customers.add(DemoCustomers.NO_OPEN_ORDERS, null, FieldType.CUSTOMER_NAME, null);
        SIMULATOR.reset();
        clock.setSydney(MORNING);
    }

    @AfterEach
    void putBack() {
        SIMULATOR.reset();
        clock.followSystem();
    }

    private int prewarm(String... options) {
        out = new StringWriter();
        CommandLine commandLine = Cli.commandLine(context);
        commandLine.setOut(new PrintWriter(out, true));
        String[] args = new String[options.length + 1];
        args[0] = "prewarm-cache";
        System.arraycopy(options, 0, args, 1, options.length);
        return commandLine.execute(args);
    }

    /** "name INSTANCE" → what the command said about it. */
    private Map<String, String> lines() {
        Map<String, String> lines = new java.util.LinkedHashMap<>();
        for (String line : out.toString().split("\\R")) {
            Matcher matcher = LINE.matcher(line);
            if (matcher.matches()) {
                lines.put(matcher.group(1) + " " + matcher.group(2), matcher.group(3));
            }
        }
        return lines;
    }

    private String total() {
        List<String> all = out.toString().lines().toList();
        return all.get(all.size() - 1);
    }

    private int storedRows(String key) {
        return db.sql("SELECT row_count FROM buz_cache WHERE cache_key = ?").param(key).query(Integer.class).single();
    }

    @Test
    void fetchesEveryCustomerOnBothInstancesLiveAndStoresThem() {
        assertThat(prewarm()).isZero();

        assertThat(lines()).containsOnlyKeys("Capital Trade Group CBR", "Coastline Interiors DD",
                "Coastline Interiors CBR", "Northside Window Furnishings DD", "Quiet Street Curtains DD");
        assertThat(lines()).containsEntry("Coastline Interiors DD",
                storedRows("open_orders:DD:customer:Coastline Interiors") + " rows, live");
        assertThat(lines()).containsEntry("Capital Trade Group CBR",
                storedRows("open_orders_by_group:CBR:Capital Trade Group") + " rows, live");
        assertThat(lines()).containsEntry("Quiet Street Curtains DD", "0 rows, live");
        assertThat(storedRows("open_orders:DD:customer:Coastline Interiors")).isPositive();
        assertThat(total()).isEqualTo("Total: 5 refreshed, 0 not refreshed (stored copy kept), 0 failed.");
    }

    @Test
    void aRunIsAuditedAsTheCommandLineAndTheOsUser() {
        db.sql("DELETE FROM audit_log").update();

        assertThat(prewarm("--instance", "DD")).isZero();

        assertThat(db.sql("SELECT actor || '|' || entity || '|' || action FROM audit_log").query(String.class)
                .single()).isEqualTo("cli (" + System.getProperty("user.name") + ")|cache|prewarm");
    }

    @Test
    void skipsPausedCustomersWithoutCallingTheSupplierForThem() {
        Customer paused = customers.findAll().stream()
                .filter(customer -> DemoCustomers.DD_ONLY.equals(customer.ddName())).findFirst().orElseThrow();
        links.pause(paused.id(), "admin@staff.test");
        SIMULATOR.resetRequestCounts();

        assertThat(prewarm()).isZero();

        assertThat(out.toString()).contains("#" + paused.id() + " " + paused.name() + ": paused, skipped");
        assertThat(lines()).doesNotContainKey(paused.name() + " DD");
        assertThat(total()).isEqualTo("Total: 4 refreshed, 0 not refreshed (stored copy kept), 0 failed,"
                + " 1 paused skipped.");
        assertThat(SIMULATOR.requestCounts().recent()).isNotEmpty();
        assertThat(SIMULATOR.requestCounts().recentNaming(DemoCustomers.DD_ONLY)).isEmpty();
        assertThat(db.sql("SELECT count(*) FROM buz_cache WHERE cache_key = ?")
                .param("open_orders:DD:customer:" + DemoCustomers.DD_ONLY).query(Integer.class).single()).isZero();
    }

    @Test
    void onlyTheChosenInstance() {
        assertThat(prewarm("--instance", "CBR")).isZero();

        assertThat(lines()).containsOnlyKeys("Capital Trade Group CBR", "Coastline Interiors CBR");
        assertThat(SIMULATOR.requestCounts().count("DD")).isZero();
    }

    @Test
    void insideTheBlackoutItStillCallsLive() {
        prewarm();
        SIMULATOR.resetRequestCounts();
        clock.setSydney("2026-03-04T11:00");

        assertThat(prewarm("--instance", "DD")).isZero();

        assertThat(lines().values()).allSatisfy(line -> assertThat(line).endsWith(", live"));
        // The three customers in one request.
        assertThat(SIMULATOR.requestCounts().count("DD", "JobsScheduleDetailed")).isEqualTo(1);
    }

    @Test
    void anInstanceThatIsDownKeepsItsCopiesAndTheExitCodeSaysSo() {
        prewarm();
        int rows = storedRows("open_orders:DD:customer:Coastline Interiors");
        SIMULATOR.faults().mode("DD", FaultMode.HTTP_503);
        clock.setSydney("2026-03-04T09:30");

        assertThat(prewarm()).isEqualTo(1);

        assertThat(lines()).containsEntry("Coastline Interiors DD",
                "NOT REFRESHED, cache-503; the stored copy from 2026-03-04 08:00 (" + rows + " rows) is kept");
        assertThat(lines()).containsEntry("Coastline Interiors CBR",
                storedRows("open_orders:CBR:customer:Coastline Interiors") + " rows, live");
        assertThat(total()).isEqualTo("Total: 2 refreshed, 3 not refreshed (stored copy kept), 0 failed.");
        assertThat(Instant.ofEpochMilli(db.sql("SELECT refreshed_at FROM buz_cache WHERE cache_key = ?")
                .param("open_orders:DD:customer:Coastline Interiors").query(Long.class).single()))
                .isEqualTo(LocalDateTime.parse(MORNING).atZone(ZoneId.of("Australia/Sydney")).toInstant());
    }

    @Test
    void withNothingStoredAnOutageIsAFailure() {
        SIMULATOR.faults().mode("DD", FaultMode.DROP_CONNECTION);

        assertThat(prewarm()).isEqualTo(1);

        assertThat(lines()).containsEntry("Northside Window Furnishings DD",
                "FAILED, We cannot connect to the supplier's system right now. Please try again in a few minutes.");
        assertThat(total()).isEqualTo("Total: 2 refreshed, 0 not refreshed (stored copy kept), 3 failed.");
    }
}
