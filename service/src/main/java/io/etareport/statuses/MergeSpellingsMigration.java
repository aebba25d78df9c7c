package io.etareport.statuses;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Version 12.1: one status, one name. Status mappings were one row per spelling; where the spellings of a status
 * carry different custom names, every spelling now carries the one most recently edited ({@link SpellingMerge}),
 * so the status reads the same everywhere, here and in the original service (which still reads one row per
 * spelling). Each merge is written to the audit log. In Java because folding spellings is {@link Spelling}'s rule,
 * not SQL's.
 */
@Component
class MergeSpellingsMigration implements JavaMigration {

    private static final Logger log = LoggerFactory.getLogger(MergeSpellingsMigration.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("12.1");
    }

    @Override
    public String getDescription() {
        return "merge status mapping spellings";
    }

    @Override
    public Integer getChecksum() {
        return 121;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) {
        JdbcClient db = JdbcClient.create(new SingleConnectionDataSource(context.getConnection(), true));
        Map<String, Long> editedAt = new HashMap<>();
        db.sql("SELECT entity_id, max(at) FROM audit_log WHERE entity = 'status mapping' AND action = 'edit'"
                        + " AND entity_id IS NOT NULL GROUP BY entity_id")
                .query((row, n) -> editedAt.put(row.getString(1), row.getLong(2))).list();
        List<SpellingMerge.Row> rows = new ArrayList<>();
        db.sql("SELECT id, odata_status, custom_status FROM status_mapping ORDER BY id")
                .query((row, n) -> rows.add(new SpellingMerge.Row(row.getLong(1), row.getString(2), row.getString(3),
                        editedAt.get(String.valueOf(row.getLong(1)))))).list();
        List<SpellingMerge.Merge> merges = SpellingMerge.of(rows);
        for (SpellingMerge.Merge merge : merges) {
            Map<String, String> after = new java.util.LinkedHashMap<>();
            for (SpellingMerge.Row row : rows) {
                if (merge.before().containsKey(row.odataStatus())) {
                    db.sql("UPDATE status_mapping SET custom_status = ? WHERE id = ?").params(merge.name(), row.id())
                            .update();
                    after.put(row.odataStatus(), merge.name());
                }
            }
            db.sql("INSERT INTO audit_log (at, actor, entity, entity_id, action, before_json, after_json)"
                            + " VALUES (?, 'system', 'status mapping', ?, 'merge spellings', ?, ?)")
                    .params(System.currentTimeMillis(), String.valueOf(merge.winnerId()),
                            JSON.writeValueAsString(merge.before()), JSON.writeValueAsString(after))
                    .update();
        }
        log.info("Merged the spellings of {} statuses with differing names", merges.size());
    }
}
