package io.etareport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import picocli.CommandLine;

@SpringBootTest
@ActiveProfiles("test")
class PurgeJobsCommandIntegrationTest {

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    JdbcClient db;

    private final StringWriter out = new StringWriter();

    @BeforeEach
    void jobs() {
        db.sql("DELETE FROM report_job").update();
        long old = Instant.now().minus(Duration.ofDays(40)).toEpochMilli();
        long recent = Instant.now().minus(Duration.ofDays(2)).toEpochMilli();
        job("old-completed", "completed", old, old);
        job("old-failed", "failed", old, old);
        job("recent-completed", "completed", recent, recent);
        job("old-but-running", "running", old, null);
        db.sql("DELETE FROM audit_log").update();
        audit("kept", Instant.now().minus(Duration.ofDays(729)));
        audit("expired", Instant.now().minus(Duration.ofDays(731)));
        db.sql("DELETE FROM eta_change").update();
        move("KEPT", Instant.now().minus(Duration.ofDays(179)));
        move("EXPIRED", Instant.now().minus(Duration.ofDays(181)));
    }

    @Test
    void expectedDateMovesOlderThanHalfAYearAreCountedThenDeletedWithConfirm() {
        assertThat(run()).isZero();
        assertThat(out.toString()).contains("1 expected-date moves are older than 180 days. Run again with --confirm");
        assertThat(movedOrders()).containsExactlyInAnyOrder("KEPT", "EXPIRED");

        assertThat(run("--confirm")).isZero();
        assertThat(out.toString()).contains("Deleted 1 expected-date moves older than 180 days.");
        assertThat(movedOrders()).containsExactly("KEPT");
    }

    private void move(String refNo, Instant at) {
        db.sql("INSERT INTO eta_change (instance, ref_no, old_date, new_date, seen_at) VALUES ('DD', ?, '2025-01-02',"
                + " '2025-01-09', ?)").params(refNo, at.toEpochMilli()).update();
    }

    private java.util.List<String> movedOrders() {
        return db.sql("SELECT ref_no FROM eta_change").query(String.class).list();
    }

    @Test
    void withoutConfirmItOnlyCountsAuditEntriesOlderThanTwoYears() {
        assertThat(run()).isZero();

        assertThat(out.toString()).contains("1 audit log entries are older than 730 days. Run again with --confirm");
        assertThat(auditActions()).containsExactlyInAnyOrder("kept", "expired");
    }

    @Test
    void withConfirmItDeletesAuditEntriesOlderThanTwoYears() {
        assertThat(run("--confirm")).isZero();

        assertThat(out.toString()).contains("Deleted 1 audit log entries older than 730 days.");
        assertThat(auditActions()).containsExactly("kept");
    }

    private void audit(String action, Instant at) {
        db.sql("INSERT INTO audit_log (at, actor, entity, action) VALUES (?, 'ann@staff.test', 'customer', ?)")
                .params(at.toEpochMilli(), action).update();
    }

    private java.util.List<String> auditActions() {
        return db.sql("SELECT action FROM audit_log").query(String.class).list();
    }

    @Test
    void withoutConfirmItOnlyCountsFinishedJobsOlderThanTheDays() {
        assertThat(run("--days", "30")).isZero();

        assertThat(out.toString()).contains("2 finished jobs are older than 30 days").contains("--confirm");
        assertThat(ids()).containsExactlyInAnyOrder("old-completed", "old-failed", "recent-completed",
                "old-but-running");
    }

    @Test
    void withConfirmItDeletesThemAndTheirLogButNeverARunningJob() {
        assertThat(run("--confirm")).isZero();

        assertThat(out.toString()).contains("Deleted 2 finished jobs older than 30 days.");
        assertThat(ids()).containsExactlyInAnyOrder("recent-completed", "old-but-running");
        assertThat(db.sql("SELECT count(*) FROM report_job_log WHERE job_id LIKE 'old-%ed'").query(Integer.class)
                .single()).isZero();
    }

    @Test
    void negativeDaysAreRefused() {
        assertThat(run("--days", "-1")).isNotZero();
    }

    private void job(String id, String status, long created, Long finished) {
        db.sql("INSERT INTO report_job (id, customer_id, status, created_at, updated_at, heartbeat_at, finished_at)"
                + " VALUES (?, 1, ?, ?, ?, ?, ?)").params(id, status, created, created, created, finished).update();
        db.sql("INSERT INTO report_job_log (job_id, at, message) VALUES (?, ?, 'Done')").params(id, created).update();
    }

    private java.util.List<String> ids() {
        return db.sql("SELECT id FROM report_job").query(String.class).list();
    }

    private int run(String... args) {
        CommandLine commandLine = Cli.commandLine(context);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(new StringWriter(), true));
        String[] all = new String[args.length + 1];
        all[0] = "purge-jobs";
        System.arraycopy(args, 0, all, 1, args.length);
        return commandLine.execute(all);
    }
}
