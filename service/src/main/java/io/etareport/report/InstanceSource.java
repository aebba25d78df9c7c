package io.etareport.report;

import io.etareport.buz.Instance;
import io.etareport.cache.Source;

import java.time.Instant;

/**
 * Where one instance's data in a report came from.
 *
 * @param kind        live, a stored copy and why, or {@link Source#UNAVAILABLE} when the instance failed with nothing
 *                    stored (its orders are missing from the report)
 * @param refreshedAt when the data was last fetched from the supplier
 */
public record InstanceSource(Instance instance, Source kind, Instant refreshedAt) {

    public static InstanceSource live(Instance instance, Instant refreshedAt) {
        return new InstanceSource(instance, Source.LIVE, refreshedAt);
    }

    /** A saved copy served because live was slow, while the live answer was still on its way. */
    public boolean stillRefreshing() {
        return kind == Source.CACHE_SLOW;
    }

    public boolean fromCache() {
        return kind != null && kind.fromCache();
    }

    public boolean unavailable() {
        return kind == Source.UNAVAILABLE;
    }
}
