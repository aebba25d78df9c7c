package io.etareport.buz;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Live fetches of single customers that share upstream requests. A fetch of one customer waits up to
 * {@code eta.buz.coalesce.window} for fetches of other customers of the same instance; then one query names them
 * all and each gets its own lines, exactly as if asked alone ({@link BuzQueries#openOrdersOfEach}). A query is sent
 * before the window ends once no further name fits {@code eta.buz.max-url-length}, and later than the window while
 * {@code eta.buz.max-in-flight} batches of the instance are already out (it would only wait for a request slot
 * anyway, and meanwhile it gathers more names). The same batches serve the warm-up ({@link #batches},
 * {@link #together}).
 * <p>
 * Only the request is shared: callers still fetch per customer (through the cache, with its single flight,
 * cluster lock, breaker and deadline). A failing query fails each of its customers' fetches alike, with its own
 * exception, and never hands one customer's rows to another.
 */
@Service
public class CoalescedCustomers {

    private static final Logger log = LoggerFactory.getLogger(CoalescedCustomers.class);

    private final BuzQueries queries;
    private final java.time.Duration window;
    private final int maxInFlight;
    /** The batch still taking names, per instance; guarded by itself, like {@link #sending}. */
    private final Map<Instance, Forming> forming = new EnumMap<>(Instance.class);
    /** Batches of each instance being sent now. */
    private final Map<Instance, Integer> sending = new EnumMap<>(Instance.class);

    CoalescedCustomers(BuzQueries queries, CoalesceProperties properties, BuzProperties buz) {
        this.queries = queries;
        this.window = properties.window();
        this.maxInFlight = buz.maxInFlight();
    }

    /**
     * A customer's open order lines, live, in a query shared with the customers of {@code instance} whose fetches
     * start within the window. Delayed by at most the window when nobody else asks.
     *
     * @throws BuzException when the query failed
     */
    public List<OrderLine> openOrders(Instance instance, String customer) {
        if (window.isZero() || customer == null || customer.isBlank()) {
            return queries.openOrders(instance, CustomerScope.customer(customer));
        }
        Forming batch;
        boolean leads = false;
        synchronized (forming) {
            Forming current = forming.get(instance);
            if (current != null && current.together.has(customer)) {
                batch = current;
            } else if (current != null && queries.fitInOneRequest(instance, current.together.plus(customer))) {
                current.together.add(customer);
                batch = current;
            } else {
                if (current != null) {
                    // Full: sent now rather than at the end of its window.
                    forming.remove(instance);
                    current.sealed.countDown();
                }
                batch = new Forming(new Together(queries, instance, List.of(customer)));
                forming.put(instance, batch);
                leads = true;
            }
        }
        if (!leads) {
            return batch.together.linesOf(customer);
        }
        // The first customer's thread waits out the window, then asks for everyone who joined.
        boolean interrupted = false;
        try {
            batch.sealed.await(window.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        }
        interrupted |= awaitTurn(instance, batch);
        try {
            return batch.together.openOrders(customer);
        } finally {
            synchronized (forming) {
                sending.merge(instance, -1, Integer::sum);
                forming.notifyAll();
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * While {@code eta.buz.max-in-flight} batches of the instance are already being sent, a new one would only wait
     * for a free request slot: it keeps taking names instead (until it is full), so a crowd costs fewer requests.
     *
     * @return whether the wait was interrupted
     */
    private boolean awaitTurn(Instance instance, Forming batch) {
        boolean interrupted = false;
        synchronized (forming) {
            while (!interrupted && forming.get(instance) == batch && sending.getOrDefault(instance, 0) >= maxInFlight) {
                try {
                    forming.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            forming.remove(instance, batch);
            sending.merge(instance, 1, Integer::sum);
        }
        return interrupted;
    }

    /**
     * These customers (duplicates dropped) in consecutive batches, each as many as one request can name; a name
     * too long to share a request gets one of its own, asked as a lone fetch asks.
     */
    public List<List<String>> batches(Instance instance, List<String> customers) {
        List<List<String>> batches = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String customer : new LinkedHashSet<>(customers)) {
            current.add(customer);
            if (queries.fitInOneRequest(instance, current)) {
                continue;
            }
            current.remove(current.size() - 1);
            if (!current.isEmpty()) {
                batches.add(List.copyOf(current));
            }
            current = new ArrayList<>(List.of(customer));
        }
        if (!current.isEmpty()) {
            batches.add(List.copyOf(current));
        }
        return batches;
    }

    /** One query for a batch (see {@link #batches}), sent by whichever of its customers is asked for first. */
    public Together together(Instance instance, List<String> batch) {
        return new Together(queries, instance, batch);
    }

    /** Requests open at once per instance ({@code eta.buz.max-in-flight}): more batches at once would only queue. */
    public int maxInFlight() {
        return maxInFlight;
    }

    /** How many customers the batch still taking names on this instance holds: for tests. */
    int forming(Instance instance) {
        synchronized (forming) {
            Forming current = forming.get(instance);
            return current == null ? 0 : current.together.customers.size();
        }
    }

    private static final class Forming {
        final Together together;
        final CountDownLatch sealed = new CountDownLatch(1);

        Forming(Together together) {
            this.together = together;
        }
    }

    /** One query for several customers of one instance, sent once, each customer reading only its own lines. */
    public static final class Together {

        private final BuzQueries queries;
        private final Instance instance;
        /** Grows only while its batch is forming, under the coalescer's lock, before the query starts. */
        private final List<String> customers;
        private final AtomicBoolean started = new AtomicBoolean();
        private final CompletableFuture<Map<String, List<OrderLine>>> answer = new CompletableFuture<>();

        private Together(BuzQueries queries, Instance instance, List<String> customers) {
            this.queries = queries;
            this.instance = instance;
            this.customers = new ArrayList<>(customers);
        }

        /**
         * This customer's open order lines: sends the query if nobody has yet, else waits for its answer.
         *
         * @throws IllegalArgumentException for a customer not in this batch
         * @throws BuzException             when the query failed
         */
        public List<OrderLine> openOrders(String customer) {
            if (!has(customer)) {
                throw new IllegalArgumentException("Not a customer of this batch");
            }
            if (started.compareAndSet(false, true)) {
                send();
            }
            return linesOf(customer);
        }

        private void send() {
            List<String> names = List.copyOf(customers);
            try {
                answer.complete(queries.openOrdersOfEach(instance, names));
                if (names.size() > 1) {
                    log.debug("Buz {}: one request for {} customers", instance, names.size());
                }
            } catch (RuntimeException | Error e) {
                answer.completeExceptionally(e);
            }
        }

        private List<OrderLine> linesOf(String customer) {
            try {
                return answer.get().get(customer);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BuzException(BuzException.Kind.TIMEOUT, instance, 0, "Fetching from BuzManager "
                        + instance + " was interrupted.");
            } catch (ExecutionException e) {
                // Each customer's caller gets an exception of its own, saying the same.
                if (e.getCause() instanceof BuzException failed) {
                    throw new BuzException(failed.kind(), failed.instance(), failed.status(), failed.getMessage(),
                            failed, failed.retryAfter());
                }
                throw new IllegalStateException("Fetching customers together from BuzManager " + instance
                        + " failed unexpectedly", e.getCause());
            }
        }

        boolean has(String customer) {
            return customers.contains(customer);
        }

        List<String> plus(String customer) {
            List<String> more = new ArrayList<>(customers);
            more.add(customer);
            return more;
        }

        void add(String customer) {
            customers.add(customer);
        }
    }
}
