package io.etareport.cache;

import java.time.Instant;

/**
 * A value from upstream, live or from the stored copy.
 *
 * @param source      live, or why the stored copy was served
 * @param refreshedAt when the value was fetched live
 */
public record Fetched<T>(T value, Source source, Instant refreshedAt) {

    public boolean isLive() {
        return source == Source.LIVE;
    }
}
