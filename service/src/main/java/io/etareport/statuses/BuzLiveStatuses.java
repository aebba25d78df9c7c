package io.etareport.statuses;

import java.util.Set;
import java.util.TreeSet;

import io.etareport.buz.Instance;
import io.etareport.cache.CachedBuz;

import org.springframework.stereotype.Component;

/** Statuses from both instances through the stale-if-error cache, like every other upstream read. */
@Component
class BuzLiveStatuses implements LiveStatuses {

    private final CachedBuz buz;

    BuzLiveStatuses(CachedBuz buz) {
        this.buz = buz;
    }

    @Override
    public Set<String> fetch() {
        Set<String> statuses = new TreeSet<>();
        for (Instance instance : Instance.values()) {
            statuses.addAll(buz.productionStatuses(instance, false).value());
        }
        return statuses;
    }
}
