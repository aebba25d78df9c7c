package io.etareport.columns;

import java.util.List;
import java.util.function.Predicate;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rewrites every stored cache copy and report result that carries a column no longer allowed. Run by the
 * upgrade's migration and whenever an admin holds a column back, so no stored copy keeps a column that
 * nothing may serve. One row at a time: a large result is read, rewritten and forgotten before the next.
 */
final class StoredCopies {

    private final JdbcClient db;

    StoredCopies(JdbcClient db) {
        this.db = db;
    }

    /** How many rows were rewritten. */
    record Stripped(int cacheCopies, int reportResults) {
    }

    Stripped strip(Predicate<String> allowed) {
        int copies = 0;
        List<String> keys = db.sql("SELECT cache_key FROM buz_cache WHERE payload IS NOT NULL").query(String.class)
                .list();
        for (String key : keys) {
            String payload = db.sql("SELECT payload FROM buz_cache WHERE cache_key = ?").param(key)
                    .query(String.class).optional().orElse(null);
            String stripped = StoredColumns.stripCachePayload(key, payload, allowed);
            if (stripped != null) {
                copies += db.sql("UPDATE buz_cache SET payload = ? WHERE cache_key = ? AND payload = ?")
                        .params(stripped, key, payload).update();
            }
        }
        int results = 0;
        List<String> jobs = db.sql("SELECT id FROM report_job WHERE result IS NOT NULL").query(String.class).list();
        for (String id : jobs) {
            String result = db.sql("SELECT result FROM report_job WHERE id = ?").param(id).query(String.class)
                    .optional().orElse(null);
            String stripped = StoredColumns.stripReport(result, allowed);
            if (stripped != null) {
                results += db.sql("UPDATE report_job SET result = ? WHERE id = ? AND result = ?")
                        .params(stripped, id, result).update();
            }
        }
        return new Stripped(copies, results);
    }
}
