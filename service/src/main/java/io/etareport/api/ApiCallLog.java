package io.etareport.api;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.etareport.db.ReadOnly;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every call made with a key: the key's name, the route's template (never the ids in the path:
 * they are customers' private links), the status and the time. Kept for {@code eta.api.keep-calls}.
 */
@Repository
public class ApiCallLog {

    private static final Logger log = LoggerFactory.getLogger(ApiCallLog.class);

    private final JdbcClient writes;
    private final JdbcClient reads;
    private final ApiProperties properties;
    private final Clock clock;

    ApiCallLog(JdbcClient writes, @ReadOnly JdbcClient reads, ApiProperties properties, Clock clock) {
        this.writes = writes;
        this.reads = reads;
        this.properties = properties;
        this.clock = clock;
    }

    public void record(String keyName, String method, String route, int status) {
        try {
            writes.sql("INSERT INTO api_call (key_name, method, route, status, at) VALUES (?, ?, ?, ?, ?)")
                    .params(keyName, method, route, status, clock.millis()).update();
        } catch (RuntimeException e) {
            // The call itself has been answered; losing its log line must not turn it into an error.
            log.warn("An API call could not be logged: {}", e.toString());
        }
    }

    /** Calls per key since {@code since}, for the admin page. */
    public Map<String, Integer> countsSince(Instant since) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        reads.sql("SELECT key_name, count(*) FROM api_call WHERE at >= ? GROUP BY key_name")
                .param(since.toEpochMilli())
                .query(row -> {
                    counts.put(row.getString(1), row.getInt(2));
                });
        return counts;
    }

    /** When each key was last used. */
    public Map<String, Instant> lastUsed() {
        Map<String, Instant> last = new LinkedHashMap<>();
        reads.sql("SELECT key_name, max(at) FROM api_call GROUP BY key_name")
                .query(row -> {
                    last.put(row.getString(1), Instant.ofEpochMilli(row.getLong(2)));
                });
        return last;
    }

    /** Calls older than the keep period: counted, or deleted when {@code delete} is set (the purge list's). */
    public int purge(boolean delete) {
        long cutoff = clock.instant().minus(properties.keepCalls()).toEpochMilli();
        if (!delete) {
            return reads.sql("SELECT count(*) FROM api_call WHERE at < ?").param(cutoff).query(Integer.class).single();
        }
        return writes.sql("DELETE FROM api_call WHERE at < ?").param(cutoff).update();
    }

    /** How long a call is kept. */
    public java.time.Duration keep() {
        return properties.keepCalls();
    }
}
