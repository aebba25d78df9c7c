package io.etareport.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.etareport.buz.Instance;
import io.etareport.db.ReadOnly;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The moves of orders' expected dates, kept in the database so they survive restarts: each report built from
 * live data compares every order's date with the one last seen and records a move. Stored copies are never
 * compared (a saved copy's date is not news), but their orders still show the moves seen before.
 */
@Repository
public class EtaHistory {

    /** SQLite's limit on bound parameters is 999 by default; two per order. */
    private static final int BATCH = 400;

    private final JdbcClient writes;
    private final JdbcClient reads;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration keep;
    private final Duration shown;
    private final ZoneId zone;

    EtaHistory(JdbcClient writes, @ReadOnly JdbcClient reads, TransactionTemplate transactions, Clock clock,
               ReportProperties properties, ZoneId zone) {
        this.writes = writes;
        this.reads = reads;
        this.transactions = transactions;
        this.clock = clock;
        this.keep = properties.historyKeep();
        this.shown = properties.showMovesFor().compareTo(keep) < 0 ? properties.showMovesFor() : keep;
        this.zone = zone;
    }

    /** One order: instance and order number. */
    public record OrderKey(Instance instance, String refNo) {

        public static OrderKey of(Order order) {
            return new OrderKey(order.instance(), order.refNo());
        }
    }

    /**
     * Records the moves of these orders' dates since they were last seen (only orders from {@code liveInstances})
     * and answers each order's last move seen within {@code eta.report.show-moves-for}, by order: older moves stay
     * on record but are no news to the customer.
     */
    public Map<OrderKey, DateChange> recordAndLookUp(List<Order> orders, Set<Instance> liveInstances) {
        List<Order> live = orders.stream().filter(order -> liveInstances.contains(order.instance())).toList();
        if (!live.isEmpty()) {
            transactions.executeWithoutResult(status -> record(live, clock.instant()));
        }
        return lastChanges(orders);
    }

    private void record(List<Order> orders, Instant now) {
        Map<OrderKey, Seen> seen = seen(writes, orders);
        for (Order order : orders) {
            OrderKey key = OrderKey.of(order);
            Seen before = seen.get(key);
            String expected = order.expected() == null ? null : order.expected().toString();
            if (before == null) {
                writes.sql("INSERT INTO eta_seen (instance, ref_no, expected, since) VALUES (?, ?, ?, ?)")
                        .params(key.instance().name(), key.refNo(), expected, now.toEpochMilli()).update();
            } else if (!Objects.equals(before.expected(), expected)) {
                writes.sql("INSERT INTO eta_change (instance, ref_no, old_date, new_date, seen_at) VALUES (?, ?, ?, ?, ?)")
                        .params(key.instance().name(), key.refNo(), before.expected(), expected, now.toEpochMilli())
                        .update();
                writes.sql("UPDATE eta_seen SET expected = ?, since = ? WHERE instance = ? AND ref_no = ?")
                        .params(expected, now.toEpochMilli(), key.instance().name(), key.refNo()).update();
            }
        }
    }

    private record Seen(String expected) {
    }

    private static Map<OrderKey, Seen> seen(JdbcClient db, List<Order> orders) {
        Map<OrderKey, Seen> seen = new HashMap<>();
        forBatches(orders, (where, params) -> db.sql("SELECT instance, ref_no, expected FROM eta_seen WHERE " + where)
                .params(params)
                .query((rs, row) -> seen.put(new OrderKey(Instance.valueOf(rs.getString(1)), rs.getString(2)),
                        new Seen(rs.getString(3))))
                .list());
        return seen;
    }

    /** Each order's latest move within the time moves are shown. */
    Map<OrderKey, DateChange> lastChanges(List<Order> orders) {
        Map<OrderKey, DateChange> changes = new HashMap<>();
        long cutoff = clock.instant().minus(shown).toEpochMilli();
        forBatches(orders, (where, params) -> {
            List<Object> all = new ArrayList<>(params);
            all.add(cutoff);
            reads.sql("SELECT instance, ref_no, old_date, seen_at FROM eta_change WHERE (" + where
                            + ") AND seen_at >= ? ORDER BY seen_at, id")
                    .params(all)
                    .query((rs, row) -> changes.put(new OrderKey(Instance.valueOf(rs.getString(1)), rs.getString(2)),
                            new DateChange(rs.getString(3) == null ? null : LocalDate.parse(rs.getString(3)),
                                    Instant.ofEpochMilli(rs.getLong(4)).atZone(zone).toLocalDate())))
                    .list();
        });
        return changes;
    }

    /** Moves and last-seen dates older than the retention ({@code eta.report.history-keep}): counted, or deleted. */
    public int purgeExpired(boolean delete) {
        long cutoff = clock.instant().minus(keep).toEpochMilli();
        if (!delete) {
            return reads.sql("SELECT count(*) FROM eta_change WHERE seen_at < ?").param(cutoff).query(Integer.class)
                    .single();
        }
        // An order whose date has not moved for the whole retention is forgotten; seen again, it starts afresh.
        writes.sql("DELETE FROM eta_seen WHERE since < ?").param(cutoff).update();
        return writes.sql("DELETE FROM eta_change WHERE seen_at < ?").param(cutoff).update();
    }

    public Duration keep() {
        return keep;
    }

    private interface BatchQuery {
        void run(String where, List<Object> params);
    }

    private static void forBatches(List<Order> orders, BatchQuery query) {
        for (int from = 0; from < orders.size(); from += BATCH) {
            List<Order> batch = orders.subList(from, Math.min(orders.size(), from + BATCH));
            StringBuilder where = new StringBuilder("(instance, ref_no) IN (VALUES ");
            List<Object> params = new ArrayList<>(batch.size() * 2);
            for (Order order : batch) {
                where.append(params.isEmpty() ? "" : ", ").append("(?, ?)");
                params.add(order.instance().name());
                params.add(order.refNo());
            }
            query.run(where.append(')').toString(), params);
        }
    }
}
