package io.etareport.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.etareport.ServiceTest;
import io.etareport.SimulatedBuzService;
import io.etareport.buz.CoalescedCustomers;
import io.etareport.buz.CustomerScope;
import io.etareport.buz.Instance;
import io.etareport.buz.OrderLine;
import io.etareport.cache.CachedBuz;
import io.etareport.cache.Source;
import io.etareport.customers.Customer;
import io.etareport.customers.CustomerRepository;
import io.etareport.customers.FieldType;
import io.etareport.jobs.Job;
import io.etareport.jobs.JobId;
import io.etareport.jobs.JobStatus;
import io.etareport.jobs.ReportJobs;
import io.etareport.report.InstanceSource;
import io.etareport.report.Order;
import io.etareport.report.Progress;
import io.etareport.report.Report;
import io.etareport.report.ReportService;
import io.etareport.simulator.BuzSimulator;
import io.etareport.simulator.DemoCustomers;
import io.etareport.simulator.FaultMode;
import io.etareport.simulator.RequestCounts;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The scheduled warm-up, called as the scheduler calls it: it fetches every customer in the batches
 * {@code prewarm-cache} uses (one request naming many customers), then stores each customer's report built from
 * what it fetched, with no request of its own. Each stored report is the one a lone fetch gives; a batch that fails
 * leaves its customers their own saved copy or a clear failure, never another customer's orders.
 */
// One request at a time, so the batches go in order and the first one is the one made to fail.
@ServiceTest(properties = "eta.buz.max-in-flight=1")
class ScheduledWarmUpInBatchesIntegrationTest {

    private static final BuzSimulator SIMULATOR = SimulatedBuzService.SIMULATOR;
    private static final String OPEN_ORDERS = "JobsScheduleDetailed";
    private static final int CUSTOMERS = 80;

    @Autowired
    ScheduledWork work;

    @Autowired
    CustomerRepository customers;

    @Autowired
    ReportJobs jobs;

    @Autowired
    ReportService reports;

    @Autowired
    CachedBuz buz;

    @Autowired
    CoalescedCustomers coalesced;

    @Autowired
    JdbcClient db;

    @Autowired
    MeterRegistry meters;

    private final List<Customer> added = new ArrayList<>();

    @BeforeEach
    void simulatorCustomers() {
        SIMULATOR.reset();
        db.sql("DELETE FROM report_job").update();
        db.sql("DELETE FROM customers").update();
        db.sql("DELETE FROM buz_cache").update();
        Set<String> onCbr = SIMULATOR.dataSet().customers(BuzSimulator.CBR_CODE);
        List<String> names = new ArrayList<>(SIMULATOR.dataSet().customers(BuzSimulator.DD_CODE)).subList(0, CUSTOMERS);
        for (String name : names) {
            added.add(customers.add(name, onCbr.contains(name) ? name : null, FieldType.CUSTOMER_NAME, null));
        }
        added.add(customers.add(null, DemoCustomers.CBR_GROUP, FieldType.CUSTOMER_GROUP, null));
        assertThat(names).as("some customers are on both instances").anyMatch(onCbr::contains);
    }

    @AfterEach
    void putBack() {
        SIMULATOR.reset();
    }

    @Test
    void theWarmUpAsksInBatchesAndStoresEachCustomerTheReportALoneFetchGives() {
        SIMULATOR.resetRequestCounts();
        long readyBefore = reportsReady();

        work.warmUp();

        assertThat(reportsReady()).as("nobody waited for these: not a time to ready").isEqualTo(readyBefore);

        RequestCounts counts = SIMULATOR.requestCounts();
        for (Instance instance : Instance.values()) {
            List<String> named = singlyNamed(instance);
            long queries = firstPages(counts, instance);
            // One query a batch of singly named customers (their answers fit one page), and the group's own.
            long groups = instance == Instance.CBR ? 1 : 0;
            assertThat(queries).as("first pages asked on " + instance)
                    .isEqualTo(coalesced.batches(instance, named).size() + groups)
                    .isLessThan(named.size());
        }

        Map<Long, ReportJobs.StoredJob> stored = jobs.newestStored().stream()
                .collect(Collectors.toMap(ReportJobs.StoredJob::customerId, Function.identity()));
        assertThat(stored.keySet()).as("every customer's report was stored")
                .containsExactlyInAnyOrderElementsOf(added.stream().map(Customer::id).toList());
        long beforeLoneFetches = SIMULATOR.requestCounts().total();
        assertThat(beforeLoneFetches).as("building the reports asked for nothing more").isEqualTo(counts.total());
        for (Customer customer : added) {
            Report warmed = jobs.storedReport(stored.get(customer.id()).jobId()).orElseThrow();
            assertThat(warmed.sources()).as(customer.name()).allSatisfy(source ->
                    assertThat(source.kind()).isEqualTo(Source.LIVE));
            Report alone = reports.build(customer, Progress.NONE);
            assertThat(warmed.orders()).as(customer.name()).isEqualTo(alone.orders());
            assertThat(warmed.choices()).as(customer.name()).isEqualTo(alone.choices());
            assertThat(warmed.sources().stream().map(InstanceSource::instance).toList())
                    .isEqualTo(alone.sources().stream().map(InstanceSource::instance).toList());
        }
        assertThat(SIMULATOR.requestCounts().total()).as("the lone fetches really asked").isGreaterThan(beforeLoneFetches);
    }

    @Test
    void aFailingBatchLeavesItsCustomersTheirSavedCopyOrAClearFailureAndTheOthersTheirOwnOrders() {
        List<List<String>> batches = coalesced.batches(Instance.DD, singlyNamed(Instance.DD));
        assertThat(batches).as("the customers need several requests on DD").hasSizeGreaterThan(1);
        List<String> failing = batches.get(0);
        String savedInFailing = failing.get(0);
        List<OrderLine> saved = buz.openOrders(Instance.DD, CustomerScope.customer(savedInFailing), false).value();
        assertThat(saved).as("a customer with orders to tell apart").isNotEmpty();
        // The batch's query and its one retry.
        SIMULATOR.faults().failNext(BuzSimulator.DD_CODE, 2, FaultMode.HTTP_503);

        work.warmUp();

        for (Customer customer : added) {
            Job job = newestJob(customer);
            String ddName = customer.ddName();
            if (ddName == null || !failing.contains(ddName)) {
                assertThat(job.status()).as(customer.name()).isEqualTo(JobStatus.COMPLETED);
                Report report = jobs.report(job.id()).orElseThrow();
                assertThat(report.sources()).as(customer.name()).allSatisfy(source ->
                        assertThat(source.kind()).isEqualTo(Source.LIVE));
                assertOnlyOwnOrders(customer, report);
            } else if (ddName.equals(savedInFailing)) {
                assertThat(job.status()).as(customer.name()).isEqualTo(JobStatus.COMPLETED);
                Report report = jobs.report(job.id()).orElseThrow();
                assertThat(report.sources()).filteredOn(source -> source.instance() == Instance.DD)
                        .singleElement().satisfies(source -> assertThat(source.kind()).isEqualTo(Source.CACHE_503));
                assertThat(report.orders().stream().filter(order -> order.instance() == Instance.DD)
                        .flatMap(order -> order.lines().stream()).toList())
                        .as("its saved copy").containsExactlyInAnyOrderElementsOf(saved);
                assertOnlyOwnOrders(customer, report);
            } else if (customer.cbrName() == null) {
                assertThat(job.status()).as(customer.name()).isEqualTo(JobStatus.FAILED);
                assertThat(job.error()).as("a plain-language failure").isNotBlank().doesNotContain("Exception");
            } else {
                // Its other instance still shows, and the report says DD is missing.
                assertThat(job.status()).as(customer.name()).isEqualTo(JobStatus.COMPLETED);
                Report report = jobs.report(job.id()).orElseThrow();
                assertThat(report.sources()).filteredOn(source -> source.instance() == Instance.DD)
                        .singleElement().satisfies(source -> assertThat(source.unavailable()).isTrue());
                assertThat(report.orders()).allSatisfy(order -> assertThat(order.instance()).isEqualTo(Instance.CBR));
                assertOnlyOwnOrders(customer, report);
            }
        }
    }

    private long reportsReady() {
        return meters.find("eta.report.ready").timers().stream().mapToLong(Timer::count).sum();
    }

    private List<String> singlyNamed(Instance instance) {
        return added.stream().map(customer -> customer.scopes().get(instance))
                .filter(scope -> scope != null && scope.kind() == CustomerScope.Kind.CUSTOMER)
                .map(CustomerScope::name).toList();
    }

    private static long firstPages(RequestCounts counts, Instance instance) {
        return counts.recent().stream().filter(request -> instance.code().equals(request.code())
                        && OPEN_ORDERS.equals(request.entitySet()) && request.query() != null
                        && !request.query().contains("$skiptoken"))
                .count();
    }

    private Job newestJob(Customer customer) {
        String id = db.sql("SELECT id FROM report_job WHERE customer_id = ? ORDER BY created_at DESC LIMIT 1")
                .param(customer.id()).query(String.class).single();
        return jobs.find(JobId.parse(id).orElseThrow()).orElseThrow();
    }

    /** Every line of a singly named customer's report names that customer on its instance. */
    private static void assertOnlyOwnOrders(Customer customer, Report report) {
        for (Order order : report.orders()) {
            CustomerScope scope = customer.scopes().get(order.instance());
            assertThat(scope).as("an instance the customer is on").isNotNull();
            if (scope.kind() == CustomerScope.Kind.CUSTOMER) {
                assertThat(order.lines()).allSatisfy(line ->
                        assertThat(line.otherColumns().get("Customer")).isEqualTo(scope.name()));
            }
        }
    }
}
