package io.etareport.schedule;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import io.etareport.buz.CustomerScope;
import io.etareport.buz.Instance;
import io.etareport.buz.OrderLine;
import io.etareport.cache.BatchedFetches;
import io.etareport.cache.CachedBuz;
import io.etareport.cache.Fetched;
import io.etareport.customers.Customer;
import io.etareport.customers.CustomerLinks;
import io.etareport.customers.CustomerRepository;

import org.springframework.stereotype.Component;

/**
 * Fetches every customer's open orders live and stores them, so the cache is full before the supplier's
 * daily blackout: what the {@code prewarm-cache} command and the scheduled warm-up both do (the scheduled one then
 * builds each customer's report from what was fetched, see {@code ScheduledWork}). Paused customers
 * are skipped: nobody can open their link, so fetching for them would only load the supplier.
 */
@Component
public class CacheWarmUp {

    private final CustomerRepository customers;
    private final CustomerLinks links;
    private final CachedBuz buz;
    private final BatchedFetches batched;
    /** Stored copies' times, in the service's time zone. */
    private final DateTimeFormatter localTime;

    public CacheWarmUp(CustomerRepository customers, CustomerLinks links, CachedBuz buz, BatchedFetches batched,
                       ZoneId zone) {
        this.batched = batched;
        this.customers = customers;
        this.links = links;
        this.buz = buz;
        this.localTime = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
    }

    /** How a run went. */
    public record Summary(int refreshed, int stale, int failed, int skipped) {

        public String describe() {
            return "Total: " + refreshed + " refreshed, " + stale + " not refreshed (stored copy kept), " + failed
                    + " failed" + (skipped == 0 ? "." : ", " + skipped + " paused skipped.");
        }
    }

    /**
     * Warms {@code instances} for every customer that is not paused and reports each customer and instance (what
     * {@code prewarm-cache} prints).
     *
     * @param lines one line per customer and instance, naming the customer: for an operator's terminal only,
     *              never for the log
     * @see #fetch(Set)
     */
    public Summary run(Set<Instance> instances, Consumer<String> lines) {
        return fetch(instances).summary(lines);
    }

    /**
     * Fetches {@code instances} for every customer that is not paused, each live (a forced refresh: the stored
     * copy serves only when its own fetch fails). Customers named singly are fetched in batches, one request naming
     * as many as fit, at most {@code eta.buz.max-in-flight} requests at once (see
     * {@link BatchedFetches#openOrdersOfEach}); customer groups each fetch their member list and its batches, as a
     * report does. A failing batch leaves each of its customers its own stored copy or its own failure.
     */
    public Warmed fetch(Set<Instance> instances) {
        Set<Long> paused = links.pausedCustomerIds();
        List<Customer> active = new ArrayList<>();
        List<Customer> skipped = new ArrayList<>();
        for (Customer customer : customers.findAll()) {
            (paused.contains(customer.id()) ? skipped : active).add(customer);
        }
        Map<Long, Map<Instance, BatchedFetches.Outcome>> outcomes = new HashMap<>();
        for (Instance instance : instances) {
            List<String> names = new ArrayList<>();
            for (Customer customer : active) {
                CustomerScope scope = customer.scopes().get(instance);
                if (scope != null && scope.kind() == CustomerScope.Kind.CUSTOMER) {
                    names.add(scope.name());
                }
            }
            Map<String, BatchedFetches.Outcome> byName = names.isEmpty() ? Map.of()
                    : batched.openOrdersOfEach(instance, names, true);
            for (Customer customer : active) {
                CustomerScope scope = customer.scopes().get(instance);
                if (scope == null) {
                    continue;
                }
                BatchedFetches.Outcome outcome;
                if (scope.kind() == CustomerScope.Kind.CUSTOMER) {
                    outcome = byName.get(scope.name());
                } else {
                    try {
                        outcome = new BatchedFetches.Outcome(buz.openOrders(instance, scope, true), null);
                    } catch (RuntimeException e) {
                        outcome = new BatchedFetches.Outcome(null, e);
                    }
                }
                if (outcome != null) {
                    outcomes.computeIfAbsent(customer.id(), id -> new EnumMap<>(Instance.class)).put(instance, outcome);
                }
            }
        }
        return new Warmed(instances, active, skipped, outcomes);
    }

    /**
     * What a warm-up fetched: per customer that is not paused and each of its instances, the lines (live, or the
     * stored copy when its fetch failed) or why there are none. Held only for the run.
     */
    public final class Warmed {
        private final Set<Instance> instances;
        private final List<Customer> active;
        private final List<Customer> skipped;
        private final Map<Long, Map<Instance, BatchedFetches.Outcome>> outcomes;

        private Warmed(Set<Instance> instances, List<Customer> active, List<Customer> skipped,
                       Map<Long, Map<Instance, BatchedFetches.Outcome>> outcomes) {
            this.instances = instances;
            this.active = active;
            this.skipped = skipped;
            this.outcomes = outcomes;
        }

        /** The customers fetched for (not paused). */
        public List<Customer> customers() {
            return active;
        }

        public int skipped() {
            return skipped.size();
        }

        /**
         * Whether every instance of this customer was fetched (its lines, a stored copy or a failure): false when
         * the run was interrupted before reaching it.
         */
        public boolean complete(Customer customer) {
            Map<Instance, BatchedFetches.Outcome> mine = outcomes.getOrDefault(customer.id(), Map.of());
            return customer.scopes().keySet().stream().filter(instances::contains).allMatch(mine::containsKey);
        }

        /**
         * This customer's lines on {@code instance} as the warm-up fetched them, without asking again.
         *
         * @throws RuntimeException the fetch's own failure (an {@link io.etareport.cache.UpstreamUnavailableException}
         *                          when the supplier failed and nothing was stored)
         * @throws IllegalStateException when the warm-up did not fetch it
         */
        public Fetched<List<OrderLine>> lines(Customer customer, Instance instance) {
            BatchedFetches.Outcome outcome = outcomes.getOrDefault(customer.id(), Map.of()).get(instance);
            if (outcome == null) {
                throw new IllegalStateException("The warm-up did not fetch this customer on " + instance);
            }
            if (outcome.failure() != null) {
                throw outcome.failure();
            }
            return outcome.fetched();
        }

        /** The run's counts, with one line per customer and instance for an operator's terminal. */
        public Summary summary(Consumer<String> lines) {
            Tally tally = new Tally(lines);
            for (Customer customer : skipped) {
                lines.accept("#" + customer.id() + " " + customer.name() + ": paused, skipped");
                tally.skipped++;
            }
            for (Instance instance : instances) {
                for (Customer customer : active) {
                    if (!customer.scopes().containsKey(instance)) {
                        continue;
                    }
                    String who = "#" + customer.id() + " " + customer.name() + " " + instance;
                    BatchedFetches.Outcome outcome = outcomes.getOrDefault(customer.id(), Map.of()).get(instance);
                    if (outcome == null) {
                        tally.failed(who, "the warm-up was interrupted");
                    } else if (outcome.failure() != null) {
                        tally.failed(who, outcome.failure().getMessage());
                    } else {
                        tally.fetched(who, outcome.fetched());
                    }
                }
            }
            return new Summary(tally.refreshed, tally.stale, tally.failed, tally.skipped);
        }
    }

    /** A run's counts, and its line per customer and instance. */
    private final class Tally {
        private final Consumer<String> lines;
        int refreshed;
        int stale;
        int failed;
        int skipped;

        Tally(Consumer<String> lines) {
            this.lines = lines;
        }

        void fetched(String who, Fetched<List<OrderLine>> fetched) {
            if (fetched.isLive()) {
                refreshed++;
                lines.accept(who + ": " + rows(fetched.value().size()) + ", live");
            } else {
                stale++;
                lines.accept(who + ": NOT REFRESHED, " + fetched.source() + "; the stored copy from "
                        + localTime.format(fetched.refreshedAt()) + " (" + rows(fetched.value().size())
                        + ") is kept");
            }
        }

        void failed(String who, String why) {
            failed++;
            lines.accept(who + ": FAILED, " + why);
        }
    }

    private static String rows(int n) {
        return n + (n == 1 ? " row" : " rows");
    }
}
