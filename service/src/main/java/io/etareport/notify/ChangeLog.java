package io.etareport.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.etareport.buz.Instance;
import io.etareport.db.DatabaseProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What each customer's subscribers were last told about each order ({@code notify_order_state}) and the changes
 * found since ({@code notify_change}). Called inside the transaction that also writes the mails.
 */
@Repository
class ChangeLog {

    private final JdbcClient writes;
    private final Clock clock;
    private final boolean postgres;

    ChangeLog(JdbcClient writes, Clock clock, DatabaseProperties database) {
        this.writes = writes;
        this.clock = clock;
        this.postgres = database.postgres();
    }

    /**
     * Holds this customer until the transaction ends, so two nodes checking the same customer at once find each
     * change once (SQLite has one writer anyway).
     */
    void lock(long customerId) {
        if (postgres) {
            writes.sql("SELECT pg_advisory_xact_lock(22, CAST(? AS INTEGER))").param((int) customerId)
                    .query(Object.class).list();
        }
    }

    /** Records what a live report says, and the changes since the last one; answers the changes. */
    List<Change> record(long customerId, List<OrderFacts> now, Set<Instance> live) {
        ChangeDetector.Result result = ChangeDetector.detect(told(customerId), now, live);
        for (Instance instance : live) {
            writes.sql("DELETE FROM notify_order_state WHERE customer_id = ? AND instance = ?")
                    .params(customerId, instance.name()).update();
        }
        for (OrderFacts order : result.told()) {
            writes.sql("INSERT INTO notify_order_state (customer_id, instance, ref_no, descn, expected, ready, overdue)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(customerId, order.instance().name(), order.refNo(), order.descn(), text(order.expected()),
                            order.ready() ? 1 : 0, order.overdue() ? 1 : 0)
                    .update();
        }
        long seenAt = clock.millis();
        for (Change change : result.changes()) {
            writes.sql("INSERT INTO notify_change (customer_id, kind, instance, ref_no, descn, old_date, new_date,"
                            + " seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(customerId, change.kind().code(), change.instance().name(), change.refNo(),
                            change.descn(), text(change.oldDate()), text(change.newDate()), seenAt)
                    .update();
        }
        return result.changes();
    }

    private Map<OrderFacts.Key, OrderFacts> told(long customerId) {
        Map<OrderFacts.Key, OrderFacts> told = new HashMap<>();
        writes.sql("SELECT instance, ref_no, descn, expected, ready, overdue FROM notify_order_state"
                        + " WHERE customer_id = ?")
                .param(customerId)
                .query((rs, row) -> new OrderFacts(Instance.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getString(3), date(rs.getString(4)), rs.getInt(5) == 1, rs.getInt(6) == 1, false))
                .list()
                .forEach(order -> told.put(order.key(), order));
        return told;
    }

    /** A customer's changes after {@code afterId}, oldest first, with their ids. */
    List<Recorded> since(long customerId, long afterId) {
        return writes.sql("SELECT id, kind, instance, ref_no, descn, old_date, new_date FROM notify_change"
                        + " WHERE customer_id = ? AND id > ? ORDER BY id")
                .params(customerId, afterId)
                .query((rs, row) -> new Recorded(rs.getLong(1), new Change(Change.Kind.of(rs.getString(2)),
                        Instance.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), date(rs.getString(6)),
                        date(rs.getString(7)))))
                .list();
    }

    boolean hasState(long customerId) {
        return writes.sql("SELECT count(*) FROM notify_order_state WHERE customer_id = ?").param(customerId)
                .query(Integer.class).single() > 0;
    }

    /** The id of a customer's latest change: where a new subscriber starts. */
    long latest(long customerId) {
        return writes.sql("SELECT coalesce(max(id), 0) FROM notify_change WHERE customer_id = ?").param(customerId)
                .query(Long.class).single();
    }

    /** Changes found longer ago than {@code keep}: counted, or deleted when {@code delete} is set. */
    int purge(Duration keep, boolean delete) {
        long cutoff = clock.instant().minus(keep).toEpochMilli();
        if (!delete) {
            return writes.sql("SELECT count(*) FROM notify_change WHERE seen_at < ?").param(cutoff)
                    .query(Integer.class).single();
        }
        return writes.sql("DELETE FROM notify_change WHERE seen_at < ?").param(cutoff).update();
    }

    record Recorded(long id, Change change) {
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}
