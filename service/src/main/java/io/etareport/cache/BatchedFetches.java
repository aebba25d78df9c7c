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

import io.etareport.buz.CoalescedCustomers;
import io.etareport.buz.CustomerScope;
import io.etareport.buz.Instance;
import io.etareport.buz.OrderLine;

import org.springframework.stereotype.Service;

/**
 * Many customers' open orders at once, in as few requests as their names allow: what the warm-up asks. Each
 * customer still goes through the cache under its own key ({@link CachedBuz}); only the request is shared.
 */
@Service
public class BatchedFetches {

    private final CachedBuz buz;
    private final CoalescedCustomers coalesced;

    BatchedFetches(CachedBuz buz, CoalescedCustomers coalesced) {
        this.buz = buz;
        this.coalesced = coalesced;
    }

    /**
     * Each of these customers' open order lines on one instance, as {@link CachedBuz#openOrders(Instance, CustomerScope, boolean)} gives them, fetched in
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
            return new Outcome(buz.openOrders(instance, CustomerScope.customer(customer),
                    () -> together.openOrders(customer), forceRefresh), null);
        } catch (RuntimeException e) {
            return new Outcome(null, e);
        }
    }

}
