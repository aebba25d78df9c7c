package io.etareport.schedule;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import io.etareport.EtaReportApplication;
import io.etareport.bench.Bench;
import io.etareport.buz.CoalescedCustomers;
import io.etareport.buz.Instance;
import io.etareport.customers.CustomerRepository;
import io.etareport.customers.FieldType;
import io.etareport.simulator.BuzSimulator;
import io.etareport.simulator.SimulatorDataSet;
import io.etareport.simulator.SimulatorFaults;
import io.etareport.simulator.SimulatorSettings;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The warm-up of many customers against the simulator, both ways it runs: {@code prewarm-cache} ({@link CacheWarmUp}:
 * the cache only) and the scheduled one ({@link ScheduledWork#warmUp()}: the same batches, then every customer's
 * report built from them and stored for the desk). Every request slowed by the latency: how long each takes and how
 * many upstream requests it costs,
 * against the least it could cost: each batch's open lines ÷ the page size, rounded up, the batches being the
 * customers' names split to fit {@code eta.buz.max-url-length} (and, for scale, all the lines ÷ the page size).
 * <p>
 * On demand: {@code bench/run.sh WarmUpBenchmark [latency-ms] [customers] [page-size] [runs]} (default 1500, 200, 500, 1).
 * The customers are the simulator's, taken in name order from both instances: each is named on every instance
 * that knows it.
 */
public final class WarmUpBenchmark {

    public static void main(String[] args) throws Exception {
        int latency = Bench.intArg(args, 0, 1_500);
        int count = Bench.intArg(args, 1, 200);
        int pageSize = Bench.intArg(args, 2, SimulatorSettings.DEFAULT_PAGE_SIZE);
        int runs = Bench.intArg(args, 3, 1);
        Bench.header("warm-up of " + count + " customers, " + latency + " ms a request, pages of " + pageSize);
        try (BuzSimulator simulator = BuzSimulator.start(SimulatorSettings.defaults().withPageSize(pageSize));
             ConfigurableApplicationContext app = start(simulator)) {
            SortedSet<String> dd = simulator.dataSet().customers(BuzSimulator.DD_CODE);
            SortedSet<String> cbr = simulator.dataSet().customers(BuzSimulator.CBR_CODE);
            TreeSet<String> all = new TreeSet<>(dd);
            all.addAll(cbr);
            CustomerRepository customers = app.getBean(CustomerRepository.class);
            JdbcClient db = app.getBean(JdbcClient.class);
            db.sql("DELETE FROM customers").update();
            List<String> chosen = new ArrayList<>(all).subList(0, Math.min(count, all.size()));
            for (String name : chosen) {
                customers.add(dd.contains(name) ? name : null, cbr.contains(name) ? name : null,
                        FieldType.CUSTOMER_NAME, null);
            }
            long floor = pagesFloor(simulator, BuzSimulator.DD_CODE, chosen, pageSize)
                    + pagesFloor(simulator, BuzSimulator.CBR_CODE, chosen, pageSize);
            // The least with names split to fit a URL: each batch's lines in pages.
            CoalescedCustomers coalesced = app.getBean(CoalescedCustomers.class);
            long batchFloor = 0;
            for (Instance instance : Instance.values()) {
                SortedSet<String> known = instance == Instance.DD ? dd : cbr;
                for (List<String> batch : coalesced.batches(instance, chosen.stream().filter(known::contains).toList())) {
                    batchFloor += pagesFloor(simulator, instance.code(), batch, pageSize);
                }
            }
            long fetches = chosen.stream().filter(dd::contains).count() + chosen.stream().filter(cbr::contains).count();
            CacheWarmUp warmUp = app.getBean(CacheWarmUp.class);
            ScheduledWork scheduled = app.getBean(ScheduledWork.class);
            simulator.faults().latency(SimulatorFaults.ALL, latency);
            for (int run = 1; run <= runs; run++) {
                db.sql("DELETE FROM buz_cache").update();
                simulator.resetRequestCounts();
                long start = System.nanoTime();
                CacheWarmUp.Summary summary = warmUp.run(EnumSet.allOf(Instance.class), line -> { });
                double seconds = (System.nanoTime() - start) / 1e9;
                long requests = simulator.requestCounts().total();
                System.out.printf("run %d, prewarm-cache: %d customers (%d customer-instance fetches) in %.1f s"
                                + " (%.2f min); %d upstream requests; least in pages per batch %d (%.2f ×), all lines in"
                                + " pages %d; %s%n", run, chosen.size(), fetches, seconds, seconds / 60, requests,
                        batchFloor, (double) requests / batchFloor, floor, summary.describe());

                db.sql("DELETE FROM buz_cache").update();
                db.sql("DELETE FROM report_job").update();
                simulator.resetRequestCounts();
                start = System.nanoTime();
                scheduled.warmUp();
                seconds = (System.nanoTime() - start) / 1e9;
                requests = simulator.requestCounts().total();
                int stored = db.sql("SELECT count(*) FROM report_job WHERE status = 'completed'").query(Integer.class)
                        .single();
                System.out.printf("run %d, scheduled (cache and stored reports): %d customers in %.1f s (%.2f min);"
                                + " %d upstream requests (%.2f × the least); %d reports stored%n", run, chosen.size(),
                        seconds, seconds / 60, requests, (double) requests / batchFloor, stored);
            }
            simulator.faults().clear();
        }
    }

    /** The open lines of these customers on one instance, in pages: the fewest requests that can fetch them. */
    private static long pagesFloor(BuzSimulator simulator, String code, List<String> names, int pageSize) {
        Set<String> wanted = Set.copyOf(names);
        long rows = 0;
        for (Map<String, Object> row : simulator.dataSet().rows(code, SimulatorDataSet.JOBS_SCHEDULE_DETAILED)) {
            if (Objects.equals(row.get("OrderStatus"), SimulatorDataSet.WIP) && row.get("ProductionStatus") != null
                    && wanted.contains(row.get("Customer"))) {
                rows++;
            }
        }
        return Math.max(1, (rows + pageSize - 1) / pageSize);
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
        // The scheduled warm-ups stay off: this measures runs started here.
        properties.put("eta.schedule.warm-up", "-");
        properties.put("eta.schedule.warm-up-after", "-");
        properties.put("server.port", "0");
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(EtaReportApplication.class).profiles("test").run(args);
    }
}
