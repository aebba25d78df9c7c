package io.etareport.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.etareport.db.ReadOnly;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the audit log for admins: filtered, newest first, a page at a time or all of it (downloads). */
@Component
public class AuditSearch {

    public static final int PAGE_SIZE = 50;
    private static final String COLUMNS = "id, at, actor, entity, entity_id, action, before_json, after_json";

    private final JdbcClient reads;

    private final ZoneId zone;

    AuditSearch(@ReadOnly JdbcClient reads, ZoneId zone) {
        this.zone = zone;
        this.reads = reads;
    }

    public AuditPage page(AuditQuery query, int page) {
        int wanted = Math.max(1, page);
        Where where = where(query);
        long total = reads.sql("SELECT count(*) FROM audit_log" + where.sql).params(where.params)
                .query(Long.class).single();
        List<Object> params = new ArrayList<>(where.params);
        params.add(PAGE_SIZE);
        params.add((long) (wanted - 1) * PAGE_SIZE);
        List<AuditEntry> entries = reads.sql("SELECT " + COLUMNS + " FROM audit_log" + where.sql
                        + " ORDER BY at DESC, id DESC LIMIT ? OFFSET ?")
                .params(params).query(AuditSearch::map).list();
        return new AuditPage(entries, wanted, PAGE_SIZE, total);
    }

    /** Every matching entry, newest first. */
    public List<AuditEntry> all(AuditQuery query) {
        Where where = where(query);
        return reads.sql("SELECT " + COLUMNS + " FROM audit_log" + where.sql + " ORDER BY at DESC, id DESC")
                .params(where.params).query(AuditSearch::map).list();
    }

    /** The people who appear in the log, for the filter. */
    public List<String> actors() {
        return reads.sql("SELECT actor FROM audit_log GROUP BY actor ORDER BY lower(actor)").query(String.class).list();
    }

    /** The kinds of entity that appear in the log, for the filter. */
    public List<String> entities() {
        return reads.sql("SELECT DISTINCT entity FROM audit_log ORDER BY entity").query(String.class).list();
    }

    private Where where(AuditQuery query) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (query.actor() != null && !query.actor().isBlank()) {
            conditions.add("lower(actor) = ?");
            params.add(query.actor().trim().toLowerCase(Locale.ROOT));
        }
        if (query.entity() != null && !query.entity().isBlank()) {
            conditions.add("entity = ?");
            params.add(query.entity().trim());
        }
        if (query.from() != null) {
            conditions.add("at >= ?");
            params.add(query.from().atStartOfDay(zone).toInstant().toEpochMilli());
        }
        if (query.to() != null) {
            conditions.add("at < ?");
            params.add(query.to().plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli());
        }
        return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), params);
    }

    private static AuditEntry map(ResultSet row, int n) throws SQLException {
        return new AuditEntry(row.getLong("id"), Instant.ofEpochMilli(row.getLong("at")), row.getString("actor"),
                row.getString("entity"), row.getString("entity_id"), row.getString("action"),
                row.getString("before_json"), row.getString("after_json"));
    }

    private record Where(String sql, List<Object> params) {
    }
}
