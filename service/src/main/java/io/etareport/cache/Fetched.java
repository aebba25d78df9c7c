package io.etareport.cache;

import java.time.Instant;

/**
 * A value from upstream, live or from the stored copy.
 *
 * @param source      live, or why the stored copy was served (a {@link Source} label such as {@code cache-503},
 *                    {@code cache-slow} when live was slower than the deadline, {@code cache-breaker} when the
 *                    instance's breaker is open)
 * @param refreshedAt when the value was fetched live
 */
public record Fetched<T>(T value, Source source, Instant refreshedAt) {

    public boolean isLive() {
        return source == Source.LIVE;
    }
}
