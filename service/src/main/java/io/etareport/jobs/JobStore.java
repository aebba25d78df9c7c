package io.etareport.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.etareport.db.ReadOnly;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Jobs in the database, so any node can answer a poll and a restart loses nothing but the work in
 * flight. Log lines are appended as rows: no read-modify-write of a JSON list.
 * <p>
 * Each unfinished job is held by the node that created it ({@link #node()}) for a lease its heartbeat
 * renews; a job whose lease ran out belongs to a node that died. The database allows one unfinished job
 * per customer, so nodes opening the same link at once end up on one job.
 */
@Repository
class JobStore {

    private static final String COLUMNS =
            "id, customer_id, status, pct, stage, error, created_at, updated_at, heartbeat_at, finished_at,"
                    + " waiting_for, waiting_since";
    private static final int LOG_LINES_SHOWN = 50;
    private static final String DONE = "Done";
    private static final String DONE_NOT_REUSABLE = "Done, partly from a saved copy";

    private final JdbcClient writes;
    private final JdbcClient reads;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final java.time.Duration lease;
    /** This process among the nodes; a restarted process is a new node. */
    private final String node = UUID.randomUUID().toString();

    JobStore(JdbcClient writes, @ReadOnly JdbcClient reads, TransactionTemplate transactions, Clock clock,
             JobProperties properties) {
        this.writes = writes;
        this.reads = reads;
        this.transactions = transactions;
        this.clock = clock;
        this.lease = properties.lease();
    }

    String node() {
        return node;
    }

    /**
     * A new job held by this node, queued until a worker starts it; empty when the customer already has a job
     * under way (on any node), which the caller then joins.
     */
    Optional<String> create(long customerId, String stage) {
        String id = UUID.randomUUID().toString();
        long now = clock.millis();
        // No conflict target: the one that can conflict is the partial index of unfinished jobs per customer.
        return transactions.execute(tx -> {
            int inserted = writes.sql("INSERT INTO report_job (id, customer_id, status, pct, stage, created_at,"
                            + " updated_at, heartbeat_at, owner, lease_until) VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, ?)"
                            + " ON CONFLICT DO NOTHING")
                    .params(id, customerId, JobStatus.QUEUED.stored(), stage, now, now, now, node, leaseFrom(now))
                    .update();
            if (inserted == 0) {
                return Optional.<String>empty();
            }
            appendLog(id, stage, now);
            return Optional.of(id);
        });
    }

    /** Moves a queued job of this node to running; false when it was failed or removed meanwhile. */
    boolean start(String id) {
        long now = clock.millis();
        return writes.sql("UPDATE report_job SET status = 'running', updated_at = ?, heartbeat_at = ?,"
                        + " lease_until = ? WHERE id = ? AND status = 'queued' AND owner = ?")
                .params(now, now, leaseFrom(now), id, node).update() == 1;
    }

    private long leaseFrom(long now) {
        return now + lease.toMillis();
    }

    void progress(String id, int pct, String stage) {
        long now = clock.millis();
        transactions.executeWithoutResult(tx -> {
            // CASE rather than SQLite's two-argument max(), which PostgreSQL spells greatest().
            writes.sql("UPDATE report_job SET pct = CASE WHEN pct > ? THEN pct ELSE ? END, stage = ?, updated_at = ?,"
                            + " heartbeat_at = ?, waiting_for = NULL, waiting_since = NULL"
                            + " WHERE id = ? AND status = 'running'")
                    .params(pct, pct, stage, now, now, id).update();
            appendLog(id, stage, now);
        });
    }

    /** Renews this node's lease on its jobs; a running job's heartbeat is its sign of life for the stall limit. */
    void heartbeat(Collection<String> ids) {
        long now = clock.millis();
        for (String id : ids) {
            writes.sql("UPDATE report_job SET lease_until = ?,"
                            + " heartbeat_at = CASE WHEN status = 'running' THEN ? ELSE heartbeat_at END"
                            + " WHERE id = ? AND owner = ? AND status IN ('queued', 'running')")
                    .params(leaseFrom(now), now, id, node).update();
        }
    }

    /**
     * The build is waiting for a slow supplier: which instances, since when. No line in the job's log (it is
     * repeated while the wait lasts); the next stage ends it.
     */
    void waiting(String id, List<io.etareport.buz.Instance> instances, Instant since) {
        long now = clock.millis();
        String codes = String.join(",", instances.stream().map(io.etareport.buz.Instance::name).toList());
        writes.sql("UPDATE report_job SET waiting_for = ?, waiting_since = ?, updated_at = ?, heartbeat_at = ?"
                        + " WHERE id = ? AND status = 'running'")
                .params(codes, since.toEpochMilli(), now, now, id).update();
    }

    /**
     * Completes a running job; a job already failed (stalled, timed out) stays failed.
     *
     * @param result   the report's JSON, compressed ({@link ResultCodec})
     * @param reusable whether later visitors within the reuse window may be shown this report; not
     *                 when part of it is a saved copy served while fresher data was still coming
     */
    boolean complete(String id, byte[] result, boolean reusable) {
        long now = clock.millis();
        String stage = reusable ? DONE : DONE_NOT_REUSABLE;
        return transactions.execute(tx -> {
            int changed = writes.sql("UPDATE report_job SET status = 'completed', pct = 100, stage = ?,"
                            + " result = ?, updated_at = ?, finished_at = ? WHERE id = ? AND status = 'running'")
                    .params(stage, result, now, now, id).update();
            if (changed == 1) {
                appendLog(id, "Done", now);
            }
            return changed == 1;
        });
    }

    boolean fail(String id, String message) {
        long now = clock.millis();
        return transactions.execute(tx -> {
            int changed = writes.sql("UPDATE report_job SET status = 'failed', error = ?, updated_at = ?,"
                            + " finished_at = ? WHERE id = ? AND status IN ('queued', 'running')")
                    .params(message, now, now, id).update();
            if (changed == 1) {
                appendLog(id, "Failed", now);
            }
            return changed == 1;
        });
    }

    /** Fails every running job whose heartbeat is older than {@code before}; returns their ids. */
    List<String> failStalled(Instant before, String message) {
        List<String> stalled = reads.sql("SELECT id FROM report_job WHERE status = 'running' AND heartbeat_at < ?")
                .param(before.toEpochMilli()).query(String.class).list();
        return stalled.stream().filter(id -> fail(id, message)).toList();
    }

    /**
     * Fails the unfinished jobs whose lease has run out: their node died (or a previous process left them).
     * Jobs of live nodes are left alone, so a node starting beside others harms none of their jobs.
     */
    int failLeaseExpired(String message) {
        long now = clock.millis();
        List<String> expired = reads.sql("SELECT id FROM report_job WHERE status IN ('queued', 'running')"
                        + " AND lease_until < ?")
                .param(now).query(String.class).list();
        // The lease is checked again in the update: a node whose heartbeat came late keeps its job.
        return (int) expired.stream().filter(id -> transactions.execute(tx -> {
            int changed = writes.sql("UPDATE report_job SET status = 'failed', error = ?, updated_at = ?,"
                            + " finished_at = ? WHERE id = ? AND status IN ('queued', 'running') AND lease_until < ?")
                    .params(message, now, now, id, now).update();
            if (changed == 1) {
                appendLog(id, "Failed", now);
            }
            return changed == 1;
        })).count();
    }

    Optional<Job> find(String id) {
        List<String> log = log(id);
        return reads.sql("SELECT " + COLUMNS + " FROM report_job WHERE id = ?").param(id)
                .query((row, n) -> map(row, log)).optional();
    }

    /** The stored report: gzipped JSON, or JSON text in rows from before compression. */
    Optional<byte[]> result(String id) {
        return reads.sql("SELECT result FROM report_job WHERE id = ? AND status = 'completed' AND result IS NOT NULL")
                .param(id).query((row, n) -> row.getBytes(1)).optional();
    }

    /** 1 for the queued job next in line, 2 for the one after it...; 0 when the job is not queued. */
    int queuePosition(String id) {
        return reads.sql("SELECT CASE WHEN j.status = 'queued' THEN (SELECT count(*) FROM report_job q"
                        + " WHERE q.status = 'queued' AND (q.created_at < j.created_at"
                        // Ties within a millisecond go by each job's first log line, written with it: the order
                        // they were created in, on both engines (PostgreSQL has no rowid).
                        + " OR q.created_at = j.created_at AND (SELECT min(l.id) FROM report_job_log l WHERE l.job_id = q.id)"
                        + " <= (SELECT min(l.id) FROM report_job_log l WHERE l.job_id = j.id))) ELSE 0 END"
                        + " FROM report_job j WHERE j.id = ?")
                .param(id).query(Integer.class).optional().orElse(0);
    }

    /** The customer's newest job that is still under way, if any. */
    Optional<String> unfinishedFor(long customerId) {
        return reads.sql("SELECT id FROM report_job WHERE customer_id = ? AND status IN ('queued', 'running')"
                        + " ORDER BY created_at DESC LIMIT 1")
                .param(customerId).query(String.class).optional();
    }

    /** The customer's newest reusable completed job finished after {@code since}, if any. */
    Optional<String> completedFor(long customerId, Instant since) {
        return reads.sql("SELECT id FROM report_job WHERE customer_id = ? AND status = 'completed'"
                        + " AND stage = ? AND result IS NOT NULL AND finished_at >= ? ORDER BY finished_at DESC LIMIT 1")
                .params(customerId, DONE, since.toEpochMilli()).query(String.class).optional();
    }

    /**
     * Drops the stored reports of jobs finished before {@code before}; the jobs themselves stay, and so does each
     * customer's newest stored report (what the staff desk reads, however old).
     */
    int dropResultsBefore(Instant before) {
        return writes.sql("UPDATE report_job SET result = NULL WHERE finished_at < ? AND result IS NOT NULL"
                        + " AND " + NEWER_STORED_EXISTS.replace("{job}", "report_job"))
                .param(before.toEpochMilli()).update();
    }

    /** Whether the customer of job {job} has a newer stored report. */
    private static final String NEWER_STORED_EXISTS = "EXISTS (SELECT 1 FROM report_job newer"
            + " WHERE newer.customer_id = {job}.customer_id AND newer.status = 'completed' AND newer.result IS NOT NULL"
            + " AND (newer.finished_at > {job}.finished_at OR (newer.finished_at = {job}.finished_at AND newer.id > {job}.id)))";

    /** Each customer's newest completed job that still holds its report. */
    List<Stored> newestStored() {
        // One pass over the stored-report index (report_job_stored), not a look for a newer job per job.
        return reads.sql("SELECT id, customer_id, finished_at FROM (SELECT id, customer_id, finished_at,"
                        + " ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY finished_at DESC, id DESC) AS newest"
                        + " FROM report_job WHERE status = 'completed' AND result IS NOT NULL) ranked WHERE newest = 1")
                .query((row, n) -> new Stored(row.getString(1), row.getLong(2), Instant.ofEpochMilli(row.getLong(3))))
                .list();
    }

    /** A stored report's job: whose, and when it finished. */
    record Stored(String jobId, long customerId, Instant finishedAt) {
    }

    int countWithStatus(JobStatus status) {
        return reads.sql("SELECT count(*) FROM report_job WHERE status = ?").param(status.stored())
                .query(Integer.class).single();
    }

    int countFinishedBefore(Instant before) {
        return reads.sql("SELECT count(*) FROM report_job WHERE status IN ('completed', 'failed') AND finished_at < ?")
                .param(before.toEpochMilli()).query(Integer.class).single();
    }

    /** Deletes finished jobs and, through the foreign key, their log lines. */
    int deleteFinishedBefore(Instant before) {
        return writes.sql("DELETE FROM report_job WHERE status IN ('completed', 'failed') AND finished_at < ?")
                .param(before.toEpochMilli()).update();
    }

    private void appendLog(String id, String message, long at) {
        writes.sql("INSERT INTO report_job_log (job_id, at, message) VALUES (?, ?, ?)").params(id, at, message)
                .update();
    }

    private List<String> log(String id) {
        List<String> newestFirst = reads.sql("SELECT message FROM report_job_log WHERE job_id = ? ORDER BY id DESC"
                        + " LIMIT " + LOG_LINES_SHOWN)
                .param(id).query(String.class).list();
        List<String> oldestFirst = new java.util.ArrayList<>(newestFirst);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    private static Job map(ResultSet row, List<String> log) throws SQLException {
        String waitingFor = row.getString("waiting_for");
        Instant waitingSince = instant(row, "waiting_since");
        List<io.etareport.buz.Instance> instances = instances(waitingFor);
        Job.Waiting waiting = instances.isEmpty() || waitingSince == null ? null
                : new Job.Waiting(instances, waitingSince);
        return new Job(row.getString("id"), row.getLong("customer_id"), JobStatus.fromStored(row.getString("status")),
                row.getInt("pct"), row.getString("stage"), row.getString("error"), log,
                instant(row, "created_at"), instant(row, "updated_at"), instant(row, "heartbeat_at"),
                instant(row, "finished_at"), waiting);
    }

    /** The instances a job waits for, stored by their names ("DD,CBR"); a name no longer known is left out. */
    private static List<io.etareport.buz.Instance> instances(String stored) {
        if (stored == null || stored.isEmpty()) {
            return List.of();
        }
        List<io.etareport.buz.Instance> instances = new java.util.ArrayList<>();
        for (String name : stored.split(",")) {
            for (io.etareport.buz.Instance instance : io.etareport.buz.Instance.values()) {
                if (instance.name().equals(name)) {
                    instances.add(instance);
                }
            }
        }
        return instances;
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
