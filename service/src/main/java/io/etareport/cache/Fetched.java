package io.etareport.cache;

import java.time.Instant;

/**
 * A value from upstream, live or from the stored copy.
 *
 * @param source      {@code live}, or why the stored copy was served: {@code cache-503},
 *                    {@code cache-timeout}, {@code cache-connection}, {@code cache-error},
 *                    {@code cache-blackout}, {@code cache-slow} (live was
 *                    slower than the deadline), {@code cache-breaker} (the instance's breaker is open)
 * @param refreshedAt when the value was fetched live
 */
public record Fetched<T>(T value, String source, Instant refreshedAt) {

    public static final String LIVE = "live";

    public boolean isLive() {
        return LIVE.equals(source);
    }
}
