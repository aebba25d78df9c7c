package io.etareport.webhooks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The endpoints ({@code webhook_endpoint}) and the customers each follows ({@code webhook_endpoint_customer}). */
@Repository
class Endpoints {

    private static final String COLUMNS = "id, url, events, all_customers, enabled, failing_since, disabled_at,"
            + " created_at, created_by";

    private final JdbcClient db;

    Endpoints(JdbcClient db) {
        this.db = db;
    }

    long add(String url, Collection<EventType> events, boolean allCustomers, Collection<Long> customerIds,
             String secret, Instant now, String createdBy) {
        db.sql("INSERT INTO webhook_endpoint (url, events, all_customers, secret, enabled, created_at, created_by)"
                        + " VALUES (?, ?, ?, ?, 1, ?, ?)")
                .params(url, events.stream().map(EventType::code).collect(Collectors.joining(",")),
                        allCustomers ? 1 : 0, secret, now.toEpochMilli(), createdBy)
                .update();
        // The secret is random and new: it finds the row on SQLite and PostgreSQL alike.
        long id = db.sql("SELECT id FROM webhook_endpoint WHERE secret = ?").param(secret).query(Long.class).single();
        for (long customerId : allCustomers ? List.<Long>of() : customerIds) {
            db.sql("INSERT INTO webhook_endpoint_customer (endpoint_id, customer_id) VALUES (?, ?)")
                    .params(id, customerId).update();
        }
        return id;
    }

    List<Endpoint> all() {
        Map<Long, List<Long>> customers = new HashMap<>();
        db.sql("SELECT endpoint_id, customer_id FROM webhook_endpoint_customer ORDER BY customer_id")
                .query((rs, row) -> customers.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                        .add(rs.getLong(2)))
                .list();
        return db.sql("SELECT " + COLUMNS + " FROM webhook_endpoint ORDER BY id")
                .query((rs, row) -> endpoint(rs, customers.getOrDefault(rs.getLong(1), List.of())))
                .list();
    }

    Optional<Endpoint> find(long id) {
        List<Long> customers = db.sql("SELECT customer_id FROM webhook_endpoint_customer WHERE endpoint_id = ?"
                + " ORDER BY customer_id").param(id).query(Long.class).list();
        return db.sql("SELECT " + COLUMNS + " FROM webhook_endpoint WHERE id = ?").param(id)
                .query((rs, row) -> endpoint(rs, customers)).optional();
    }

    /** The secret deliveries are signed with. */
    Optional<String> secret(long id) {
        return db.sql("SELECT secret FROM webhook_endpoint WHERE id = ?").param(id).query(String.class).optional();
    }

    boolean rotateSecret(long id, String secret) {
        return db.sql("UPDATE webhook_endpoint SET secret = ? WHERE id = ?").params(secret, id).update() == 1;
    }

    boolean delete(long id) {
        db.sql("DELETE FROM webhook_delivery WHERE endpoint_id = ?").param(id).update();
        db.sql("DELETE FROM webhook_endpoint_customer WHERE endpoint_id = ?").param(id).update();
        return db.sql("DELETE FROM webhook_endpoint WHERE id = ?").param(id).update() == 1;
    }

    boolean switchOn(long id) {
        return db.sql("UPDATE webhook_endpoint SET enabled = 1, failing_since = NULL, disabled_at = NULL"
                + " WHERE id = ?").param(id).update() == 1;
    }

    void succeeded(long id) {
        db.sql("UPDATE webhook_endpoint SET failing_since = NULL WHERE id = ? AND failing_since IS NOT NULL")
                .param(id).update();
    }

    /** Notes a failed attempt; answers since when the endpoint has been failing. */
    Instant failed(long id, Instant now) {
        db.sql("UPDATE webhook_endpoint SET failing_since = ? WHERE id = ? AND failing_since IS NULL")
                .params(now.toEpochMilli(), id).update();
        return db.sql("SELECT failing_since FROM webhook_endpoint WHERE id = ?").param(id)
                .query(Long.class).optional().map(Instant::ofEpochMilli).orElse(now);
    }

    void switchOff(long id, Instant now) {
        db.sql("UPDATE webhook_endpoint SET enabled = 0, disabled_at = ? WHERE id = ? AND enabled = 1")
                .params(now.toEpochMilli(), id).update();
    }

    private static Endpoint endpoint(ResultSet rs, List<Long> customers) throws SQLException {
        List<EventType> events = Arrays.stream(rs.getString(3).split(",")).map(EventType::of)
                .flatMap(Optional::stream).toList();
        return new Endpoint(rs.getLong(1), rs.getString(2), events, rs.getInt(4) == 1, customers,
                rs.getInt(5) == 1, instant(rs, 6), instant(rs, 7), instant(rs, 8), rs.getString(9));
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
