package io.etareport.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The deliveries ({@code webhook_delivery}): written with the changes they tell, claimed and marked by the sender. */
@Repository
class Deliveries {

    /** A delivery claimed this long ago whose node never marked it goes back to waiting (it may be sent twice). */
    static final Duration CLAIM_LOST_AFTER = Duration.ofMinutes(10);

    private static final String LOG_COLUMNS = "id, msg_id, event_type, status, attempts, last_status_code,"
            + " last_error, created_at, last_attempt_at, next_attempt_at, delivered_at";

    private final JdbcClient db;
    private final Clock clock;

    Deliveries(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    void add(long endpointId, String messageId, EventType type, String payload) {
        long now = clock.millis();
        db.sql("INSERT INTO webhook_delivery (endpoint_id, msg_id, event_type, payload, status, attempts,"
                        + " next_attempt_at, created_at) VALUES (?, ?, ?, ?, 'pending', 0, ?, ?)")
                .params(endpointId, messageId, type.code(), payload, now, now).update();
    }

    /** A due delivery: its id and endpoint. */
    record Due(long id, long endpointId) {
    }

    List<Due> due(int limit) {
        return db.sql("SELECT id, endpoint_id FROM webhook_delivery WHERE status = 'pending' AND next_attempt_at <= ?"
                        + " ORDER BY next_attempt_at, id LIMIT ?")
                .params(clock.millis(), limit)
                .query((rs, row) -> new Due(rs.getLong(1), rs.getLong(2))).list();
    }

    /** A delivery this node took to send. */
    record Claimed(long id, long endpointId, String messageId, String payload, int attempts, Instant createdAt) {
    }

    /** Takes a waiting delivery for this node; empty when another took it first. */
    Optional<Claimed> claim(long id) {
        int taken = db.sql("UPDATE webhook_delivery SET status = 'sending', last_attempt_at = ?"
                        + " WHERE id = ? AND status = 'pending'")
                .params(clock.millis(), id).update();
        if (taken != 1) {
            return Optional.empty();
        }
        return db.sql("SELECT id, endpoint_id, msg_id, payload, attempts, created_at FROM webhook_delivery"
                        + " WHERE id = ?").param(id)
                .query((rs, row) -> new Claimed(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), Instant.ofEpochMilli(rs.getLong(6))))
                .optional();
    }

    /** Claims whose node stopped before marking them wait again: a webhook may come twice, never not at all. */
    int releaseLost() {
        return db.sql("UPDATE webhook_delivery SET status = 'pending' WHERE status = 'sending'"
                        + " AND last_attempt_at < ?")
                .param(clock.instant().minus(CLAIM_LOST_AFTER).toEpochMilli()).update();
    }

    void delivered(long id, int statusCode) {
        long now = clock.millis();
        db.sql("UPDATE webhook_delivery SET status = 'delivered', attempts = attempts + 1, last_status_code = ?,"
                        + " last_error = NULL, last_attempt_at = ?, delivered_at = ? WHERE id = ?")
                .params(statusCode, now, now, id).update();
    }

    /**
     * A failed attempt.
     *
     * @param next when to try again; null gives it up
     */
    void failed(long id, Integer statusCode, String error, Instant next) {
        db.sql("UPDATE webhook_delivery SET status = ?, attempts = attempts + 1, last_status_code = ?,"
                        + " last_error = ?, last_attempt_at = ?, next_attempt_at = ? WHERE id = ?")
                .params(next == null ? "failed" : "pending", statusCode, error, clock.millis(),
                        next == null ? clock.millis() : next.toEpochMilli(), id)
                .update();
    }

    /** An endpoint was switched off: what it was still to get is given up. */
    int giveUpFor(long endpointId, String why) {
        return db.sql("UPDATE webhook_delivery SET status = 'failed', last_error = ? WHERE endpoint_id = ?"
                        + " AND status = 'pending'")
                .params(why, endpointId).update();
    }

    /** An endpoint's deliveries, newest first. */
    List<Delivery> log(long endpointId, int limit) {
        return db.sql("SELECT " + LOG_COLUMNS + " FROM webhook_delivery WHERE endpoint_id = ?"
                        + " ORDER BY created_at DESC, id DESC LIMIT ?")
                .params(endpointId, limit)
                .query((rs, row) -> {
                    int code = rs.getInt(6);
                    Integer statusCode = rs.wasNull() ? null : code;
                    return new Delivery(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getInt(5), statusCode, rs.getString(7), Endpoints.instant(rs, 8),
                            Endpoints.instant(rs, 9), Endpoints.instant(rs, 10), Endpoints.instant(rs, 11));
                })
                .list();
    }

    /** Deliveries older than {@code keep}: counted, or deleted when {@code delete}. */
    int purge(Duration keep, boolean delete) {
        long before = clock.instant().minus(keep).toEpochMilli();
        String where = " FROM webhook_delivery WHERE created_at < ? AND status NOT IN ('pending', 'sending')";
        return delete ? db.sql("DELETE" + where).param(before).update()
                : db.sql("SELECT count(*)" + where).param(before).query(Integer.class).single();
    }
}
