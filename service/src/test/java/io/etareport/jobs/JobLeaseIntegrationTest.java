package io.etareport.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.etareport.ServiceTest;
import io.etareport.cache.MutableClock;
import io.etareport.customers.Customer;
import io.etareport.customers.FieldType;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Jobs shared by several nodes: a node holds its jobs with a lease its heartbeat renews, jobs of a node that
 * stopped are failed once their lease runs out (and only then), and the database keeps one job under way per
 * customer. "Another node" is a row written as that node would write it.
 */
@ServiceTest
class JobLeaseIntegrationTest {

    private static final long CUSTOMER = 987_654;
    private static final Duration LEASE = Duration.ofSeconds(20);

    @Autowired
    JobStore store;

    @Autowired
    JobWatch watch;

    @Autowired
    ReportJobs jobs;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient db;

    @BeforeEach
    void noJobsForTheCustomer() {
        db.sql("DELETE FROM report_job WHERE customer_id IN (?, ?)").params(CUSTOMER, CUSTOMER + 1).update();
        clock.set(clock.instant());
    }

    @AfterEach
    void realTime() {
        db.sql("DELETE FROM report_job WHERE customer_id IN (?, ?)").params(CUSTOMER, CUSTOMER + 1).update();
        clock.followSystem();
    }

    @Test
    void startingBesideALiveNodeLeavesItsJobsAlone() {
        String theirs = jobOfAnotherNode("running", clock.millis() + LEASE.toMillis());

        watch.failJobsOfAPreviousProcess();

        assertThat(status(theirs)).isEqualTo("running");
    }

    @Test
    void aJobWhoseNodeStoppedIsFailedWithTheRestartMessageOnceItsLeaseRunsOut() {
        String theirs = jobOfAnotherNode("running", clock.millis() + LEASE.toMillis());

        clock.advance(LEASE.minusSeconds(1));
        watch.heartbeat();
        assertThat(status(theirs)).isEqualTo("running");

        clock.advance(Duration.ofSeconds(2));
        watch.heartbeat();
        assertThat(status(theirs)).isEqualTo("failed: " + ReportJobs.RESTARTED);
    }

    @Test
    void theHeartbeatRenewsTheLeaseOfThisNodesJobsOnly() {
        String ours = store.create(CUSTOMER, "Starting").orElseThrow();
        String theirs = jobOfAnotherNode(CUSTOMER + 1, "queued", clock.millis() + LEASE.toMillis());

        clock.advance(Duration.ofSeconds(15));
        store.heartbeat(List.of(ours, theirs));
        clock.advance(Duration.ofSeconds(10));
        store.failLeaseExpired(ReportJobs.RESTARTED);

        assertThat(status(ours)).isEqualTo("queued");
        assertThat(status(theirs)).isEqualTo("failed: " + ReportJobs.RESTARTED);
    }

    @Test
    void theDatabaseKeepsOneJobUnderWayPerCustomer() {
        String first = store.create(CUSTOMER, "Starting").orElseThrow();

        assertThat(store.create(CUSTOMER, "Starting")).isEmpty();
        // Whatever the engine calls it (SQLite's driver gives no DuplicateKeyException), the index refuses it.
        assertThatThrownBy(() -> jobOfAnotherNode("queued", clock.millis() + LEASE.toMillis()))
                .isInstanceOf(DataAccessException.class).message().containsIgnoringCase("unique");
        assertThat(db.sql("SELECT count(*) FROM report_job WHERE customer_id = ?").param(CUSTOMER)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(store.unfinishedFor(CUSTOMER)).contains(first);
    }

    @Test
    void openingALinkWhileAnotherNodeWorksOnItJoinsThatJob() {
        String theirs = jobOfAnotherNode("running", clock.millis() + LEASE.toMillis());
        Customer customer = new Customer(CUSTOMER, "Nobody", null, "abcdefghijklmnopqrstuvwx", FieldType.CUSTOMER_NAME,
                null);

        assertThat(jobs.start(customer)).isEqualTo(theirs);
    }

    @Test
    void aFinishedJobMakesRoomForTheNext() {
        String first = store.create(CUSTOMER, "Starting").orElseThrow();
        store.fail(first, "gone");

        Optional<String> second = store.create(CUSTOMER, "Starting");

        assertThat(second).isPresent().isNotEqualTo(Optional.of(first));
    }

    private String jobOfAnotherNode(String status, long leaseUntil) {
        return jobOfAnotherNode(CUSTOMER, status, leaseUntil);
    }

    private String jobOfAnotherNode(long customer, String status, long leaseUntil) {
        String id = java.util.UUID.randomUUID().toString();
        long now = clock.millis();
        db.sql("INSERT INTO report_job (id, customer_id, status, pct, created_at, updated_at, heartbeat_at, owner,"
                        + " lease_until) VALUES (?, ?, ?, 10, ?, ?, ?, 'another-node', ?)")
                .params(id, customer, status, now, now, now, leaseUntil).update();
        return id;
    }

    private String status(String id) {
        return db.sql("SELECT status || coalesce(': ' || error, '') FROM report_job WHERE id = ?").param(id)
                .query(String.class).single();
    }
}
