package io.etareport.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import io.etareport.ServiceTest;
import io.etareport.SimulatedBuzService;
import io.etareport.customers.CustomerRepository;
import io.etareport.customers.FieldType;
import io.etareport.jobs.ReportJobs;
import io.etareport.simulator.DemoCustomers;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * After the scheduled warm-up has stored a new report for every customer, the desk reads them again by itself, in the
 * background: what it keeps in memory is built from the new reports before anyone opens it.
 */
// The same settings as DeskIntegrationTest, so the two share one service.
@ServiceTest(properties = {"eta.jobs.reuse-window=0s", "eta.desk.rows-per-customer=2"})
class DeskWarmAfterScheduledWarmUpIntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient db;
    @Autowired
    CustomerRepository customers;
    @Autowired
    ReportJobs jobs;
    @Autowired
    DeskData desk;

    @BeforeEach
    void storedReportsTheDeskKeeps() {
        db.sql("DELETE FROM customers").update();
        db.sql("DELETE FROM report_job").update();
        db.sql("DELETE FROM buz_cache").update();
        jobs.awaitReport(customers.add(DemoCustomers.AT_A_GLANCE, null, FieldType.CUSTOMER_NAME, null));
        jobs.awaitReport(customers.add(DemoCustomers.ON_BOTH, DemoCustomers.ON_BOTH, FieldType.CUSTOMER_NAME, null));
        jobs.awaitReport(customers.add(DemoCustomers.DD_ONLY, null, FieldType.CUSTOMER_NAME, null));
        desk.warm();
    }

    @AfterEach
    void putBack() {
        SimulatedBuzService.SIMULATOR.reset();
    }

    @Test
    void theDeskKeepsTheNewReportsWithoutBeingOpened() {
        Map<Long, String> before = newestJobs();
        assertThat(desk.keptJobIds()).as("the desk keeps the reports stored first").containsAllEntriesOf(before);

        // As the scheduler calls it (the class is the schedule module's own).
        ReflectionTestUtils.invokeMethod(context.getBean("scheduledWork"), "warmUp");

        Map<Long, String> after = newestJobs();
        assertThat(after).as("the warm-up stored a new report for every customer").hasSameSizeAs(before)
                .allSatisfy((customerId, jobId) -> assertThat(jobId).isNotEqualTo(before.get(customerId)));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(desk.keptJobIds()).containsAllEntriesOf(after));
    }

    private Map<Long, String> newestJobs() {
        return jobs.newestStored().stream()
                .collect(Collectors.toMap(ReportJobs.StoredJob::customerId, ReportJobs.StoredJob::jobId));
    }
}
