package io.etareport.customers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import io.etareport.db.ReadOnly;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * When customers open their link, for the staff's "last opened" and "opens in the last 30 days". One row per
 * open (an insert, never a read-modify-write), so opens at the same moment each count. The route that opens a
 * link calls {@link #record} once it knows the request is not a link-preview robot's; opens by signed-in staff
 * (previews from the staff pages) and {@code HEAD} requests are not the customer's and are skipped here.
 */
@Repository
@EnableConfigurationProperties(LinkOpens.Properties.class)
public class LinkOpens {

    private static final Logger log = LoggerFactory.getLogger(LinkOpens.class);

    private final JdbcClient writes;
    private final JdbcClient reads;
    private final Clock clock;
    private final Properties properties;

    LinkOpens(JdbcClient writes, @ReadOnly JdbcClient reads, Clock clock, Properties properties) {
        this.writes = writes;
        this.reads = reads;
        this.clock = clock;
        this.properties = properties;
    }

    /** Counts this request as the customer opening their link, unless staff or a {@code HEAD} made it. */
    public void record(long customerId, HttpServletRequest request) {
        if ("HEAD".equalsIgnoreCase(request.getMethod()) || request.getUserPrincipal() != null) {
            return;
        }
        try {
            writes.sql("INSERT INTO link_open (customer_id, opened_at) VALUES (?, ?)")
                    .params(customerId, clock.millis()).update();
        } catch (RuntimeException e) {
            // The customer still gets their page; a lost count is not worth an error page.
            log.warn("A link open could not be recorded: {}", e.toString());
        }
    }

    /** Each customer's latest open; customers who never opened their link (within the keep period) are absent. */
    public Map<Long, Instant> lastOpened() {
        Map<Long, Instant> last = new HashMap<>();
        reads.sql("SELECT customer_id, max(opened_at) FROM link_open GROUP BY customer_id")
                .query(row -> {
                    last.put(row.getLong(1), Instant.ofEpochMilli(row.getLong(2)));
                });
        return last;
    }

    /** Opens per customer since {@code since}. */
    public Map<Long, Integer> countsSince(Instant since) {
        Map<Long, Integer> counts = new HashMap<>();
        reads.sql("SELECT customer_id, count(*) FROM link_open WHERE opened_at >= ? GROUP BY customer_id")
                .param(since.toEpochMilli())
                .query(row -> {
                    counts.put(row.getLong(1), row.getInt(2));
                });
        return counts;
    }

    /** Opens older than the keep period: counted, or deleted when {@code delete} is set (the purge list's). */
    public int purge(boolean delete) {
        long cutoff = clock.instant().minus(properties.keep()).toEpochMilli();
        if (!delete) {
            return reads.sql("SELECT count(*) FROM link_open WHERE opened_at < ?").param(cutoff)
                    .query(Integer.class).single();
        }
        return writes.sql("DELETE FROM link_open WHERE opened_at < ?").param(cutoff).update();
    }

    public Duration keep() {
        return properties.keep();
    }

    /**
     * @param keep how long an open is remembered; "last opened" shows nothing for a customer whose latest open is
     *             older (at least 30 days, for "opens in the last 30 days")
     */
    @ConfigurationProperties("eta.link-opens")
    record Properties(@DefaultValue("180d") Duration keep) {
    }
}
