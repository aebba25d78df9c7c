package io.etareport.desk;

import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

import io.etareport.EtaReportApplication;
import io.etareport.TestClockConfig;
import io.etareport.bench.Bench;
import io.etareport.buz.Instance;
import io.etareport.buz.OrderLine;
import io.etareport.cache.Source;
import io.etareport.jobs.ReportJobs;
import io.etareport.jobs.ReportsStored;
import io.etareport.report.FilterChoices;
import io.etareport.report.InstanceSource;
import io.etareport.report.Order;
import io.etareport.report.Report;
import io.etareport.security.Staff;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import tools.jackson.databind.json.JsonMapper;

/**
 * Time to open the desk (stored reports read, order models built, page rendered) with many customers stored, on
 * demand: {@code bench/run.sh DeskRenderBenchmark [customers] [orders each]}. Target: 500 customers × 40 orders
 * within 300 ms (median). The whole service on a SQLite file, through Spring Security and Thymeleaf (MockMvc, no
 * socket); the reports are stored after the service started, so its background warm-up finds none and the first
 * open reads every one; later opens reuse what the desk kept. Then every customer gets a newer stored report and the
 * next open reads them all again, in a warm JVM (a node that did not run the scheduled warm-up). Last, newer reports
 * again with the event the scheduled warm-up publishes: the desk reads them in its background thread, and the open
 * after that reuses them.
 */
public final class DeskRenderBenchmark {

    private static final String[] STATUSES = {"Entered", "Cutting", "In Production", "Ready for Dispatch", "On Hold",
            "Invoiced"};

    public static void main(String[] args) throws Exception {
        int customers = Bench.intArg(args, 0, 500);
        int orders = Bench.intArg(args, 1, 40);
        Path dir = Files.createTempDirectory("desk-bench");
        ConfigurableApplicationContext service = new SpringApplicationBuilder(EtaReportApplication.class,
                TestClockConfig.class).profiles("test")
                .run("--server.port=0", "--eta.database.path=" + dir.resolve("bench.db"),
                        "--eta.schedule.warm-up=-", "--eta.schedule.warm-up-after=-");
        try {
            JdbcClient db = service.getBean(JdbcClient.class);
            JsonMapper json = service.getBean(JsonMapper.class);
            Staff.reset(db);
            store(db, json, customers, orders);
            Bench.header("desk, " + customers + " customers x " + orders + " orders stored");
            MockMvc mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) service)
                    .apply(springSecurity()).build();
            Bench.measure("first open (parses every report)", 0, 1, () -> open(mvc, "/desk"));
            Bench.measure("open /desk", 5, 21, () -> open(mvc, "/desk"));
            Bench.measure("open /desk?state=overdue", 3, 11, () -> open(mvc, "/desk?state=overdue"));
            Bench.measure("open /desk/customers", 3, 11, () -> open(mvc, "/desk/customers?sort=overdue"));
            Bench.measure("download /desk/desk.csv", 3, 11, () -> open(mvc, "/desk/desk.csv"));
            long first = db.sql("SELECT min(id) FROM customers").query(Long.class).single();
            Bench.measure("open /desk?customer= (show all)", 3, 11, () -> open(mvc, "/desk?customer=" + first));
            // As after the scheduled warm-up: every customer has a newer stored report, read on the next open.
            storeReports(db, json, orders, Instant.now().plusSeconds(60));
            Bench.measure("open after every report was replaced", 0, 1, () -> open(mvc, "/desk"));
            // As the scheduled warm-up does: the reports stored, then the desk told, which reads them in its thread.
            storeReports(db, json, orders, Instant.now().plusSeconds(120));
            DeskData desk = service.getBean(DeskData.class);
            Map<Long, String> newest = service.getBean(ReportJobs.class).newestStored().stream()
                    .collect(Collectors.toMap(ReportJobs.StoredJob::customerId, ReportJobs.StoredJob::jobId));
            Bench.measure("background read after the scheduled warm-up (no one waits)", 0, 1, () -> {
                service.publishEvent(new ReportsStored(newest.size()));
                while (!desk.keptJobIds().entrySet().containsAll(newest.entrySet())) {
                    Thread.sleep(10);
                }
                return newest.size();
            });
            Bench.measure("open after the scheduled warm-up, read in the background", 0, 3, () -> open(mvc, "/desk"));
            // What every open asks the database first, with three stored reports a customer (none dropped yet).
            Bench.measure("newest stored jobs, 3 stored a customer", 0, 3,
                    () -> service.getBean(ReportJobs.class).newestStored().size());
        } finally {
            service.close();
        }
    }

    private static Integer open(MockMvc mvc, String path) throws Exception {
        var response = mvc.perform(MockMvcRequestBuilders.get(path).with(Staff.signedInAs(Staff.USER)))
                .andReturn().getResponse();
        if (response.getStatus() != 200) {
            throw new IllegalStateException(path + " answered " + response.getStatus());
        }
        return response.getContentAsByteArray().length;
    }

    /** Customers with one completed job each, its report stored as the jobs store it (JSON, gzipped). */
    private static void store(JdbcClient db, JsonMapper json, int customers, int orders) throws Exception {
        for (int c = 0; c < customers; c++) {
            String name = "Bench Customer " + c;
            db.sql("INSERT INTO customers (dd_name, cbr_name, obfuscated_id, field_type, display_name)"
                            + " VALUES (?, ?, ?, 'Customer Name', ?)")
                    .params(name, name, UUID.randomUUID().toString().replace("-", ""), name).update();
        }
        storeReports(db, json, orders, Instant.now());
    }

    /** A completed job finished at {@code now} for every customer, with {@code orders} orders. */
    private static void storeReports(JdbcClient db, JsonMapper json, int orders, Instant now) throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Australia/Sydney"));
        List<Long> ids = db.sql("SELECT id FROM customers ORDER BY id").query(Long.class).list();
        for (int c = 0; c < ids.size(); c++) {
            long id = ids.get(c);
            String name = "Bench Customer " + c;
            List<Order> list = new ArrayList<>(orders);
            for (int o = 0; o < orders; o++) {
                Instance instance = o % 2 == 0 ? Instance.DD : Instance.CBR;
                String refNo = String.valueOf(100_000 + c * 100 + o);
                List<OrderLine> lines = new ArrayList<>();
                for (int l = 0; l < 3; l++) {
                    lines.add(new OrderLine(instance, refNo, "Kitchen " + o, null, "Roller Blinds", "Blockout",
                            STATUSES[(c + o + l) % STATUSES.length], String.valueOf(l + 1), Map.of()));
                }
                list.add(new Order(instance, refNo, "Kitchen " + o, today.plusDays(o - 20), lines));
            }
            Report report = new Report(name, list, FilterChoices.none(),
                    List.of(new InstanceSource(Instance.DD, Source.LIVE, now),
                            new InstanceSource(Instance.CBR, Source.CACHE_BLACKOUT, now.minusSeconds(3600))), now);
            ByteArrayOutputStream gz = new ByteArrayOutputStream();
            try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
                out.write(json.writeValueAsBytes(report));
            }
            long at = now.toEpochMilli();
            db.sql("INSERT INTO report_job (id, customer_id, status, pct, stage, result, created_at, updated_at,"
                            + " heartbeat_at, finished_at) VALUES (?, ?, 'completed', 100, 'Done', ?, ?, ?, ?, ?)")
                    .params(UUID.randomUUID().toString(), id, gz.toByteArray(), at, at, at, at).update();
        }
    }
}
