package io.etareport.columns;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rewrites every stored cache copy and report result that carries a column no longer allowed. Run by the
 * upgrade's migration and whenever an admin holds a column back, so no stored copy keeps a column that
 * nothing may serve. One row at a time: a large result is read, rewritten and forgotten before the next. Report
 * results are gzipped JSON since the jobs compress them (rows from before are JSON text): the gzip format is
 * handled here rather than through the jobs' codec, as this module may not depend on jobs.
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
            results += stripResult(id, allowed);
        }
        return new Stripped(copies, results);
    }

    /**
     * One stored report: gzipped JSON (how reports are stored now), or JSON text in rows from before compression;
     * rewritten in the form it was found in.
     */
    private int stripResult(String id, Predicate<String> allowed) {
        byte[] stored = db.sql("SELECT result FROM report_job WHERE id = ?").param(id)
                .query((row, n) -> row.getBytes(1)).optional().orElse(null);
        if (stored == null) {
            return 0;
        }
        if (!isGzip(stored)) {
            String result = new String(stored, StandardCharsets.UTF_8);
            String stripped = StoredColumns.stripReport(result, allowed);
            return stripped == null ? 0 : db.sql("UPDATE report_job SET result = ? WHERE id = ? AND result = ?")
                    .params(stripped, id, result).update();
        }
        String stripped;
        try {
            stripped = StoredColumns.stripReport(gunzip(stored), allowed);
        } catch (IOException e) {
            return 0; // not a report we can read: left alone rather than broken (reading it fails the same way)
        }
        return stripped == null ? 0 : db.sql("UPDATE report_job SET result = ? WHERE id = ? AND result = ?")
                .params(gzip(stripped), id, stored).update();
    }

    private static boolean isGzip(byte[] stored) {
        return stored.length > 2 && (stored[0] & 0xff) == 0x1f && (stored[1] & 0xff) == 0x8b;
    }

    private static String gunzip(byte[] stored) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(stored))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static byte[] gzip(String json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
