package io.etareport.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import io.etareport.ServiceTest;
import io.etareport.customers.Customer;
import io.etareport.customers.CustomerRepository;
import io.etareport.customers.FieldType;
import io.etareport.simulator.DemoCustomers;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The watch over running jobs: a worker gone quiet, jobs of a process that stopped. */
@ServiceTest(properties = "eta.jobs.heartbeat-interval=200ms")
class JobWatchIntegrationTest {

    @Autowired
    CustomerRepository customers;

    @Autowired
    JdbcClient db;

    @Autowired
    JobWatch watch;

    private Customer onBoth;

    @BeforeEach
    void customer() {
        db.sql("DELETE FROM customers").update();
        db.sql("DELETE FROM report_job").update();
        onBoth = customers.add(DemoCustomers.ON_BOTH, DemoCustomers.ON_BOTH, FieldType.CUSTOMER_NAME, null);
    }

    @Test
    void aJobWhoseWorkerWentQuietIsFailedWithTheStallMessage() {
        long old = Instant.now().minus(Duration.ofMinutes(10)).toEpochMilli();
        db.sql("INSERT INTO report_job (id, customer_id, status, pct, created_at, updated_at, heartbeat_at)"
                + " VALUES ('00000000-0000-0000-0000-000000000001', ?, 'running', 40, ?, ?, ?)")
                .params(onBoth.id(), old, old, old).update();

        watch.heartbeat();

        assertThat(db.sql("SELECT status || ': ' || error FROM report_job WHERE id = '00000000-0000-0000-0000-000000000001'")
                .query(String.class).single()).isEqualTo("failed: " + ReportJobs.STALLED);
    }

    @Test
    void jobsLeftRunningByAPreviousProcessAreFailedAtStartUp() {
        long now = Instant.now().toEpochMilli();
        db.sql("INSERT INTO report_job (id, customer_id, status, pct, created_at, updated_at, heartbeat_at)"
                + " VALUES ('00000000-0000-0000-0000-000000000002', ?, 'running', 40, ?, ?, ?)")
                .params(onBoth.id(), now, now, now).update();

        watch.failJobsOfAPreviousProcess();

        assertThat(db.sql("SELECT status || ': ' || error FROM report_job WHERE id = '00000000-0000-0000-0000-000000000002'")
                .query(String.class).single()).isEqualTo("failed: " + ReportJobs.RESTARTED);
    }
}
