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
        assertThat(auditActions()).contains("kept").doesNotContain("expired");
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

    /**
     * Copies from staff order look-ups pile up one per order number, and replaced links are old keys: both go with
     * the jobs of the same age.
     */
    @Test
    void withConfirmItAlsoDeletesOldOrderLookupCopiesAndLinksReplacedLongAgo() {
        long old = Instant.now().minus(Duration.ofDays(40)).toEpochMilli();
        long recent = Instant.now().minus(Duration.ofDays(2)).toEpochMilli();
        db.sql("DELETE FROM buz_cache").update();
        db.sql("INSERT INTO buz_cache (cache_key, payload, row_count, refreshed_at) VALUES"
                + " ('order:DD:JobsScheduleDetails:OLD', '[]', 0, ?), ('order:DD:WorkInProgress:NEW', '[]', 0, ?),"
                + " ('open_orders:DD:customer:Acme', '[]', 0, ?)").params(old, recent, old).update();
        db.sql("INSERT INTO buz_cache (cache_key, cooldown_until) VALUES ('order:CBR:WorkInProgress:COOL', ?)")
                .param(old).update();
        db.sql("DELETE FROM retired_link").update();
        db.sql("DELETE FROM customers WHERE obfuscated_id = 'ffffffffffffffffffffffffffffff01'").update();
        long customer = db.sql("INSERT INTO customers (dd_name, obfuscated_id) VALUES ('Purge Probe',"
                + " 'ffffffffffffffffffffffffffffff01') RETURNING id").query(Long.class).single();
        db.sql("INSERT INTO retired_link (obfuscated_id, customer_id, replaced_at) VALUES"
                + " ('eeeeeeeeeeeeeeeeeeeeeeeeeeeeee01', ?, ?), ('eeeeeeeeeeeeeeeeeeeeeeeeeeeeee02', ?, ?)")
                .params(customer, old, customer, recent).update();

        assertThat(run()).isZero();
        assertThat(out.toString()).contains("2 copies of staff order look-ups are older than 30 days")
                .contains("1 replaced links are older than 30 days");
        assertThat(db.sql("SELECT count(*) FROM buz_cache").query(Integer.class).single()).isEqualTo(4);

        assertThat(run("--confirm")).isZero();
        assertThat(db.sql("SELECT cache_key FROM buz_cache").query(String.class).list())
                .containsExactlyInAnyOrder("order:DD:WorkInProgress:NEW", "open_orders:DD:customer:Acme");
        assertThat(db.sql("SELECT obfuscated_id FROM retired_link").query(String.class).list())
                .containsExactly("eeeeeeeeeeeeeeeeeeeeeeeeeeeeee02");
    }

    /**
     * Update mails keep records of sent mails and the changes they told for eta.notify.keep-sent (90 days), and
     * an address nobody confirmed only while its link works.
     */
    @Test
    void updateMailRecordsPastTheirKeepAreCountedThenDeletedWithConfirm() {
        for (String table : java.util.List.of("notify_outbox", "notify_change", "notify_subscriber")) {
            db.sql("DELETE FROM " + table).update();
        }
        long old = Instant.now().minus(Duration.ofDays(91)).toEpochMilli();
        long recent = Instant.now().minus(Duration.ofDays(89)).toEpochMilli();
        long future = Instant.now().plus(Duration.ofHours(1)).toEpochMilli();
        db.sql("INSERT INTO notify_outbox (idem_key, email, subject, text_body, html_body, status, next_attempt_at,"
                + " created_at) VALUES ('old-sent', 'a@example.com', 's', 't', 'h', 'sent', ?, ?),"
                + " ('old-failed', 'a@example.com', 's', 't', 'h', 'failed', ?, ?),"
                + " ('old-but-waiting', 'a@example.com', 's', 't', 'h', 'pending', ?, ?),"
                + " ('recent-sent', 'a@example.com', 's', 't', 'h', 'sent', ?, ?)")
                .params(old, old, old, old, old, old, recent, recent).update();
        db.sql("INSERT INTO notify_change (customer_id, kind, instance, ref_no, seen_at) VALUES"
                + " (1, 'ready', 'DD', 'OLD', ?), (1, 'ready', 'DD', 'RECENT', ?)").params(old, recent).update();
        db.sql("INSERT INTO notify_subscriber (customer_id, email, cadence, site_url, link_id, confirm_hash,"
                + " confirm_expires, unsubscribe_token, created_at, confirmed_at) VALUES"
                + " (1, 'expired@example.com', 'digest', 'http://x', 'l', 'h1', ?, 'u1', ?, NULL),"
                + " (1, 'waiting@example.com', 'digest', 'http://x', 'l', 'h2', ?, 'u2', ?, NULL),"
                + " (1, 'confirmed@example.com', 'digest', 'http://x', 'l', NULL, NULL, 'u3', ?, ?)")
                .params(recent, old, future, recent, old, old).update();

        assertThat(run()).isZero();
        assertThat(out.toString()).contains("2 update mail records are older than 90 days. Run again with --confirm")
                .contains("1 order changes found for update mails are older than 90 days.")
                .contains("1 unconfirmed update mail addresses are older than 2 days.");
        assertThat(db.sql("SELECT count(*) FROM notify_outbox").query(Integer.class).single()).isEqualTo(4);
        assertThat(db.sql("SELECT count(*) FROM notify_change").query(Integer.class).single()).isEqualTo(2);
        assertThat(db.sql("SELECT count(*) FROM notify_subscriber").query(Integer.class).single()).isEqualTo(3);

        assertThat(run("--confirm")).isZero();
        assertThat(out.toString()).contains("Deleted 2 update mail records older than 90 days.")
                .contains("Deleted 1 order changes found for update mails older than 90 days.")
                .contains("Deleted 1 unconfirmed update mail addresses older than 2 days.");
        assertThat(db.sql("SELECT idem_key FROM notify_outbox").query(String.class).list())
                .containsExactlyInAnyOrder("old-but-waiting", "recent-sent");
        assertThat(db.sql("SELECT ref_no FROM notify_change").query(String.class).list()).containsExactly("RECENT");
        assertThat(db.sql("SELECT email FROM notify_subscriber").query(String.class).list())
                .containsExactlyInAnyOrder("waiting@example.com", "confirmed@example.com");
    }

    @Test
    void aConfirmedPurgeIsAuditedAsTheCommandLineAndTheOsUser() {
        assertThat(run()).isZero();
        assertThat(auditActions()).doesNotContain("purge");

        assertThat(run("--confirm")).isZero();

        assertThat(db.sql("SELECT actor || '|' || entity FROM audit_log WHERE action = 'purge'").query(String.class)
                .single()).isEqualTo("cli (" + System.getProperty("user.name") + ")|jobs");
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
