package io.etareport.api;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.etareport.buz.Instance;
import io.etareport.buz.OrderSet;
import io.etareport.cache.CachedBuz;
import io.etareport.cache.Fetched;

import org.springframework.stereotype.Component;

/** Staff order look-ups through the stale-if-error cache. */
@Component
class CachedOrderLookup implements OrderLookup {

    private final CachedBuz buz;

    CachedOrderLookup(CachedBuz buz) {
        this.buz = buz;
    }

    @Override
    public Fetched<List<Map<String, Object>>> fetch(Instance instance, String entitySet, String refNo) {
        OrderSet set = Arrays.stream(OrderSet.values()).filter(s -> s.entitySet().equals(entitySet)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown entity set: " + entitySet));
        return buz.order(instance, set, refNo);
    }
}
