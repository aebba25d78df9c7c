package io.etareport.cache;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.etareport.buz.BuzException;
import io.etareport.buz.BuzQueries;
import io.etareport.buz.CustomerScope;
import io.etareport.buz.Instance;
import io.etareport.buz.OrderLine;
import io.etareport.buz.OrderSet;

import org.springframework.stereotype.Service;

import tools.jackson.core.type.TypeReference;

/**
 * The Buz queries the service makes, each through the stale-if-error cache under its key.
 *
 * @see StaleIfErrorCache for when a stored copy is served and what fails
 */
@Service
public class CachedBuz {

    private static final TypeReference<List<OrderLine>> ORDER_LINES = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STATUSES = new TypeReference<>() {
    };
    private static final TypeReference<List<Map<String, Object>>> ROWS = new TypeReference<>() {
    };

    private final StaleIfErrorCache cache;
    private final BuzQueries buz;
    private final java.time.Duration membersTtl;

    public CachedBuz(StaleIfErrorCache cache, BuzQueries buz, CacheProperties properties) {
        this.cache = cache;
        this.buz = buz;
        this.membersTtl = properties.groupMembersTtl();
    }

    /**
     * A customer's or a customer group's open order lines on one instance. A group's member list
     * is its own cache entry, used for {@code eta.cache.group-members-ttl} without asking again, so
     * a group report costs only its order requests.
     */
    public Fetched<List<OrderLine>> openOrders(Instance instance, CustomerScope scope, boolean forceRefresh) {
        Supplier<List<OrderLine>> live = switch (scope.kind()) {
            case CUSTOMER -> () -> buz.openOrders(instance, scope);
            case GROUP -> () -> buz.openOrdersOf(instance, groupMembers(instance, scope.name(), forceRefresh));
        };
        // Only allowed columns come from BuzQueries (the column policy's boundary); a column held back later is
        // stripped from stored copies when it is held back.
        return cache.get(CacheKey.openOrders(instance, scope), ORDER_LINES, live, forceRefresh);
    }

    /** Who is in a customer group: the stored list while young enough, else asked for (and stored). */
    public List<String> groupMembers(Instance instance, String group, boolean forceRefresh) {
        try {
            return cache.get(CacheKey.groupMembers(instance, group), STATUSES,
                    () -> buz.groupMembers(instance, group), forceRefresh, membersTtl).value();
        } catch (UpstreamUnavailableException e) {
            // Inside the group's own live call: an outage there, so the group's stored orders are served.
            throw new BuzException(e.kind(), instance, 0, "The members of a customer group on " + instance
                    + " could not be fetched.", e);
        }
    }

    /** The production statuses in use on one instance. */
    public Fetched<List<String>> productionStatuses(Instance instance, boolean forceRefresh) {
        return cache.get(CacheKey.statuses(instance), STATUSES, () -> buz.productionStatuses(instance),
                forceRefresh);
    }

    /** One order's rows from {@code set}, for staff. */
    public Fetched<List<Map<String, Object>>> order(Instance instance, OrderSet set, String refNo) {
        return cache.get(CacheKey.order(instance, set.entitySet(), refNo), ROWS, () -> buz.order(instance, set, refNo),
                false);
    }
}
