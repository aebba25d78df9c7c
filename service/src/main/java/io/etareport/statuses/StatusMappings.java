package io.etareport.statuses;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.etareport.audit.AuditLog;
import io.etareport.db.ReadOnly;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code status_mapping} table, shared with the original service: which raw production
 * status customers see under which name. Inactive rows stay in the table but are not applied.
 * Every change is written to the audit log in its transaction.
 */
@Repository
public class StatusMappings {

    private static final String COLUMNS = "id, odata_status, custom_status, active";
    private static final String AUDIT_ENTITY = "status mapping";

    private final JdbcClient writes;
    private final JdbcClient reads;
    private final TransactionTemplate transactions;
    private final AuditLog audit;

    StatusMappings(JdbcClient writes, @ReadOnly JdbcClient reads, TransactionTemplate transactions, AuditLog audit) {
        this.writes = writes;
        this.reads = reads;
        this.transactions = transactions;
        this.audit = audit;
    }

    /**
     * Raw status → the name customers see, for active mappings with a custom name. Keys and values
     * are trimmed; the report compares a line's trimmed status with the keys.
     */
    public Map<String, String> activeMappings() {
        Map<String, String> mappings = new LinkedHashMap<>();
        reads.sql("SELECT odata_status, custom_status FROM status_mapping WHERE active <> 0"
                        + " AND custom_status IS NOT NULL AND trim(custom_status) <> '' ORDER BY id")
                .query((ResultSet row) -> {
                    mappings.putIfAbsent(row.getString(1).trim(), row.getString(2).trim());
                });
        return mappings;
    }

    /**
     * Stage of each raw status that has one, keyed by {@link Spelling#key}; only active mappings count, like their
     * names.
     */
    public Map<String, String> activeStages() {
        Map<String, String> stages = new LinkedHashMap<>();
        Set<String> active = new HashSet<>();
        reads.sql("SELECT odata_status FROM status_mapping WHERE active <> 0")
                .query((ResultSet row) -> {
                    active.add(Spelling.key(row.getString(1)));
                });
        reads.sql("SELECT status_key, stage FROM status_stage").query((ResultSet row) -> {
            if (active.contains(row.getString(1))) {
                stages.put(row.getString(1), row.getString(2));
            }
        });
        return stages;
    }

    /** Every stage staff set, by {@link Spelling#key}, active mapping or not (for the staff list). */
    Map<String, String> allStages() {
        Map<String, String> stages = new LinkedHashMap<>();
        reads.sql("SELECT status_key, stage FROM status_stage").query((ResultSet row) -> {
            stages.put(row.getString(1), row.getString(2));
        });
        return stages;
    }

    /** The stage staff gave this raw status (any spelling), or null. */
    Optional<String> stageOf(String rawStatus) {
        return reads.sql("SELECT stage FROM status_stage WHERE status_key = ?").param(Spelling.key(rawStatus))
                .query(String.class).optional();
    }


    /** Active first, then by raw status ignoring case. */
    public List<StatusMapping> findAll() {
        return reads.sql("SELECT " + COLUMNS + " FROM status_mapping ORDER BY active = 0, lower(odata_status), id")
                .query(StatusMappings::map).list();
    }

    public int activeCount() {
        return reads.sql("SELECT count(*) FROM status_mapping WHERE active <> 0").query(Integer.class).single();
    }

    Optional<StatusMapping> findById(long id) {
        return reads.sql("SELECT " + COLUMNS + " FROM status_mapping WHERE id = ?").param(id)
                .query(StatusMappings::map).optional();
    }

    boolean update(long id, String customStatus, boolean active) {
        return update(id, customStatus, active, null, false);
    }

    /**
     * Saves a mapping's name, whether it applies and its stage (null or blank: no stage). The stage belongs to the
     * status in every spelling, so it is stored by {@link Spelling#key}.
     */
    boolean update(long id, String customStatus, boolean active, String stage) {
        return update(id, customStatus, active, stage, true);
    }

    /**
     * Gives each mapped status listed (any spelling, matched by {@link Spelling#key}) its stage, where none is set yet:
     * a stage staff chose is never overwritten. Each change is the same audited edit staff make on
     * {@code /status_mapping}, recorded as whoever runs it ({@code system} at start-up). Public for start-up wiring
     * (the demo presets its stages).
     *
     * @return how many statuses were given a stage
     */
    public int assignStagesWhereUnset(Map<String, String> stageByStatus) {
        Map<String, String> wanted = new LinkedHashMap<>();
        stageByStatus.forEach((status, stage) -> wanted.put(Spelling.key(status), stage));
        int assigned = 0;
        for (StatusMapping mapping : findAll()) {
            String stage = wanted.get(Spelling.key(mapping.odataStatus()));
            // Spellings share one stage row, so the second spelling of a status finds the first one's stage here.
            if (stage != null && stageOf(mapping.odataStatus()).isEmpty()
                    && update(mapping.id(), Objects.requireNonNullElse(mapping.customStatus(), ""), mapping.active(),
                    stage)) {
                assigned++;
            }
        }
        return assigned;
    }

    private boolean update(long id, String customStatus, boolean active, String stage, boolean setStage) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            Optional<StatusMapping> before = findForChange(id);
            if (before.isEmpty()) {
                return false;
            }
            String stageBefore = stageForChange(before.get());
            writes.sql("UPDATE status_mapping SET custom_status = ?, active = ? WHERE id = ?")
                    .params(customStatus.trim(), active ? 1 : 0, id).update();
            if (setStage) {
                String key = Spelling.key(before.get().odataStatus());
                if (stage == null || stage.isBlank()) {
                    writes.sql("DELETE FROM status_stage WHERE status_key = ?").param(key).update();
                } else {
                    writes.sql("INSERT INTO status_stage (status_key, stage) VALUES (?, ?)"
                            + " ON CONFLICT (status_key) DO UPDATE SET stage = excluded.stage")
                            .params(key, stage.trim()).update();
                }
            }
            StatusMapping after = findForChange(id).orElseThrow();
            audit.record(AUDIT_ENTITY, id, "edit", snapshot(before.get(), stageBefore),
                    snapshot(after, stageForChange(after)));
            return true;
        }));
    }

    private String stageForChange(StatusMapping mapping) {
        return writes.sql("SELECT stage FROM status_stage WHERE status_key = ?").param(Spelling.key(mapping.odataStatus()))
                .query(String.class).optional().orElse(null);
    }

    private Optional<StatusMapping> findForChange(long id) {
        return writes.sql("SELECT " + COLUMNS + " FROM status_mapping WHERE id = ?").param(id)
                .query(StatusMappings::map).optional();
    }

    /** A mapping as the audit log keeps it; its stage only when it has one, so entries without stay as they were. */
    private static Map<String, Object> snapshot(StatusMapping mapping, String stage) {
        Map<String, Object> fields = AuditLog.fields("odata_status", mapping.odataStatus(),
                "custom_status", mapping.customStatus(), "active", mapping.active());
        if (stage != null) {
            fields.put("stage", stage);
        }
        return fields;
    }

    /**
     * Brings the table in line with the statuses BuzManager reports now: a status not seen before
     * is added, named as itself; an active one no longer reported is made inactive. Custom names
     * are kept, and a status seen again stays as staff left it.
     */
    Refresh refresh(Set<String> live) {
        Set<String> seen = new HashSet<>();
        live.stream().filter(status -> status != null && !status.isBlank()).map(String::trim).forEach(seen::add);
        return transactions.execute(status -> {
            List<StatusMapping> existing = writes.sql("SELECT " + COLUMNS + " FROM status_mapping")
                    .query(StatusMappings::map).list();
            Set<String> known = new HashSet<>();
            // Only the statuses the refresh changed, by raw name: {custom_status, active} before and after.
            Map<String, Object> before = new LinkedHashMap<>();
            Map<String, Object> after = new LinkedHashMap<>();
            int deactivated = 0;
            for (StatusMapping mapping : existing) {
                String raw = mapping.odataStatus().trim();
                known.add(raw);
                if (mapping.active() && !seen.contains(raw)) {
                    writes.sql("UPDATE status_mapping SET active = 0 WHERE id = ?").param(mapping.id()).update();
                    before.put(raw, AuditLog.fields("custom_status", mapping.customStatus(), "active", true));
                    after.put(raw, AuditLog.fields("custom_status", mapping.customStatus(), "active", false));
                    deactivated++;
                }
            }
            int added = 0;
            for (String raw : seen.stream().sorted().toList()) {
                if (!known.contains(raw)) {
                    writes.sql("INSERT INTO status_mapping (odata_status, custom_status, active) VALUES (?, ?, 1)")
                            .params(raw, raw).update();
                    after.put(raw, AuditLog.fields("custom_status", raw, "active", true));
                    added++;
                }
            }
            audit.record(AUDIT_ENTITY, null, "refresh from Buz", before, after);
            return new Refresh(seen.size(), added, deactivated);
        });
    }

    /** What a refresh changed. */
    record Refresh(int seen, int added, int deactivated) {
    }

    private static StatusMapping map(ResultSet row, int n) throws SQLException {
        return new StatusMapping(row.getLong("id"), row.getString("odata_status"), row.getString("custom_status"),
                row.getInt("active") != 0);
    }
}
