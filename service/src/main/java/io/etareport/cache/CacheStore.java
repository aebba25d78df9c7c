package io.etareport.cache;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import io.etareport.db.ReadOnly;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code buz_cache} table: the last good copy of each key. (Its {@code cooldown_until} column
 * is a leftover of the per-key cooldown the circuit breaker replaced: cleared, never read.) Writes go
 * through the single writer connection; each is one statement, so none needs a transaction.
 */
@Repository
public class CacheStore {

    private final JdbcClient writes;
    private final JdbcClient reads;

    public CacheStore(JdbcClient writes, @ReadOnly JdbcClient reads) {
        this.writes = writes;
        this.reads = reads;
    }

    /** A stored row; {@code payload} is null in a row left by the old cooldown. */
    record Entry(String payload, int rowCount, Instant refreshedAt) {

        boolean hasCopy() {
            return payload != null;
        }
    }

    Optional<Entry> find(String key) {
        return reads.sql("SELECT payload, row_count, refreshed_at FROM buz_cache WHERE cache_key = ?")
                .param(key).query(CacheStore::map).optional();
    }

    /** Stores a live result. */
    void saveCopy(String key, String payload, int rowCount, Instant refreshedAt) {
        writes.sql("INSERT INTO buz_cache (cache_key, payload, row_count, refreshed_at, cooldown_until)"
                        + " VALUES (?, ?, ?, ?, NULL)"
                        + " ON CONFLICT (cache_key) DO UPDATE SET payload = excluded.payload,"
                        + " row_count = excluded.row_count, refreshed_at = excluded.refreshed_at, cooldown_until = NULL")
                .params(key, payload, rowCount, refreshedAt.toEpochMilli())
                .update();
    }

    /** How many keys hold a row. */
    public int count() {
        return reads.sql("SELECT COUNT(*) FROM buz_cache").query(Integer.class).single();
    }

    /** Forgets every copy; returns how many keys were removed. */
    public int deleteAll() {
        return writes.sql("DELETE FROM buz_cache").update();
    }

    /**
     * Copies kept from staff order look-ups ({@code /jobs-schedule}, {@code /wip}) last refreshed before
     * {@code before}: one row per order number ever looked up, which nothing else would remove. Only counted
     * unless {@code delete}.
     */
    public int purgeOrderLookups(Instant before, boolean delete) {
        String where = " FROM buz_cache WHERE cache_key LIKE 'order:%'"
                + " AND (refreshed_at < ? OR (refreshed_at IS NULL AND cooldown_until < ?))";
        long millis = before.toEpochMilli();
        return delete
                ? writes.sql("DELETE" + where).params(millis, millis).update()
                : reads.sql("SELECT count(*)" + where).params(millis, millis).query(Integer.class).single();
    }

    private static Entry map(ResultSet row, int n) throws SQLException {
        return new Entry(row.getString("payload"), row.getInt("row_count"), instant(row, "refreshed_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
