package io.etareport.cache;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import io.etareport.buz.BuzException;
import io.etareport.buz.BuzQueries;
import io.etareport.buz.ColumnPolicy;
import io.etareport.buz.CoalescedCustomers;
import io.etareport.buz.ColumnRegistry;
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
    private final CoalescedCustomers coalesced;
    private final ColumnRegistry columns;
    private final java.time.Duration membersTtl;

    public CachedBuz(StaleIfErrorCache cache, BuzQueries buz, CoalescedCustomers coalesced, ColumnRegistry columns,
                     CacheProperties properties) {
        this.cache = cache;
        this.buz = buz;
        this.coalesced = coalesced;
        this.columns = columns;
        this.membersTtl = properties.groupMembersTtl();
    }

    /**
     * A customer's or a customer group's open order lines on one instance. A group's member list
     * is its own cache entry, used for {@code eta.cache.group-members-ttl} without asking again, so
     * a group report costs only its order requests. A customer's live fetch shares its request with other
     * customers' fetches starting at the same moment ({@link CoalescedCustomers}).
     */
    public Fetched<List<OrderLine>> openOrders(Instance instance, CustomerScope scope, boolean forceRefresh) {
        Supplier<List<OrderLine>> live = switch (scope.kind()) {
            case CUSTOMER -> () -> coalesced.openOrders(instance, scope.name());
            case GROUP -> () -> buz.openOrdersOf(instance, groupMembers(instance, scope.name(), forceRefresh));
        };
        return openOrders(instance, scope, live, forceRefresh);
    }

    /**
     * Each of these customers' open order lines on one instance, as {@link #openOrders} gives them, fetched in
     * batches of as many customers as one request can name, at most {@code eta.buz.max-in-flight} batches at once:
     * what the warm-up asks. Each customer still goes through the cache on its own key; a failing batch leaves
     * each of its customers its own stored copy or its own failure.
     *
     * @return per customer name, in the order given (duplicates once), what its fetch came to
     */
    public Map<String, Outcome> openOrdersOfEach(Instance instance, List<String> customers, boolean forceRefresh) {
        List<List<String>> batches = coalesced.batches(instance, customers);
        Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(
                Math.max(1, Math.min(coalesced.maxInFlight(), batches.size())));
        try {
            List<Future<?>> running = new ArrayList<>();
            for (List<String> batch : batches) {
                CoalescedCustomers.Together together = coalesced.together(instance, batch);
                running.add(pool.submit(() -> {
                    // The first customer's live call sends the batch's query; the others read its answer.
                    for (String customer : batch) {
                        outcomes.put(customer, outcome(instance, customer, together, forceRefresh));
                    }
                }));
            }
            for (Future<?> batch : running) {
                batch.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("A warm-up batch failed unexpectedly", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        Map<String, Outcome> ordered = new LinkedHashMap<>();
        batches.forEach(batch -> batch.forEach(customer -> {
            if (outcomes.containsKey(customer)) {
                ordered.put(customer, outcomes.get(customer));
            }
        }));
        return ordered;
    }

    /** What one customer's fetch came to: its lines, or why there are none. */
    public record Outcome(Fetched<List<OrderLine>> fetched, RuntimeException failure) {
    }

    private Outcome outcome(Instance instance, String customer, CoalescedCustomers.Together together,
                            boolean forceRefresh) {
        try {
            return new Outcome(openOrders(instance, CustomerScope.customer(customer),
                    () -> together.openOrders(customer), forceRefresh), null);
        } catch (RuntimeException e) {
            return new Outcome(null, e);
        }
    }

    private Fetched<List<OrderLine>> openOrders(Instance instance, CustomerScope scope,
                                                Supplier<List<OrderLine>> live, boolean forceRefresh) {
        Fetched<List<OrderLine>> fetched = cache.get(CacheKey.openOrders(instance, scope), ORDER_LINES, live,
                forceRefresh);
        // A stored copy may predate a column being held back: it never gets past here.
        ColumnPolicy policy = columns.policy();
        List<OrderLine> lines = new ArrayList<>(fetched.value().size());
        boolean changed = false;
        for (OrderLine line : fetched.value()) {
            Map<String, String> kept = policy.filter(line.otherColumns());
            changed |= kept != line.otherColumns();
            lines.add(kept == line.otherColumns() ? line : line.withOtherColumns(kept));
        }
        // Callers sharing one upstream call share one answer when nothing had to go.
        return changed ? new Fetched<>(List.copyOf(lines), fetched.source(), fetched.refreshedAt()) : fetched;
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
        Fetched<List<Map<String, Object>>> fetched = cache.get(CacheKey.order(instance, set.entitySet(), refNo), ROWS,
                () -> buz.order(instance, set, refNo), false);
        ColumnPolicy policy = columns.policy();
        return new Fetched<>(fetched.value().stream().map(policy::filter).toList(), fetched.source(),
                fetched.refreshedAt());
    }
}
