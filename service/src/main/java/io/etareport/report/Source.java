package io.etareport.report;

import io.etareport.buz.Instance;

import java.time.Instant;

/**
 * Where one instance's data in a report came from.
 *
 * @param kind        {@value #LIVE}, or the cache's label when a stored copy was served ({@code cache-503},
 *                    {@code cache-timeout}, {@code cache-connection}, {@code cache-error}, {@code cache-blackout},
 *                    {@code cache-slow}, {@code cache-breaker}; {@code cache-cooldown} in reports stored before
 *                    the circuit breaker)
 * @param refreshedAt when the data was last fetched from the supplier
 */
public record Source(Instance instance, String kind, Instant refreshedAt) {

    public static final String LIVE = "live";
    /** The instance failed and nothing was stored: its orders are missing from the report. */
    public static final String UNAVAILABLE = "unavailable";

    public static Source live(Instance instance, Instant refreshedAt) {
        return new Source(instance, LIVE, refreshedAt);
    }

    /** A saved copy served because live was slow, while the live answer was still on its way. */
    public boolean stillRefreshing() {
        return "cache-slow".equals(kind);
    }

    public boolean fromCache() {
        return kind != null && kind.startsWith("cache");
    }
}
