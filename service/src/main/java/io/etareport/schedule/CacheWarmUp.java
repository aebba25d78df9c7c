package io.etareport.schedule;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
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
 * daily blackout: what the {@code prewarm-cache} command and the scheduled warm-up both do. Paused customers
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
     * Warms {@code instances} for every customer that is not paused. Customers named singly are fetched in
     * batches, one request naming as many as fit (see {@link BatchedFetches#openOrdersOfEach}); customer groups each
     * fetch their member list and its batches, as a report does.
     *
     * @param lines one line per customer and instance, naming the customer: for an operator's terminal only,
     *              never for the log
     */
    public Summary run(Set<Instance> instances, Consumer<String> lines) {
        Tally tally = new Tally(lines);
        Set<Long> paused = links.pausedCustomerIds();
        List<Customer> active = new ArrayList<>();
        for (Customer customer : customers.findAll()) {
            if (paused.contains(customer.id())) {
                lines.accept("#" + customer.id() + " " + customer.name() + ": paused, skipped");
                tally.skipped++;
            } else {
                active.add(customer);
            }
        }
        for (Instance instance : instances) {
            List<String> names = new ArrayList<>();
            for (Customer customer : active) {
                CustomerScope scope = customer.scopes().get(instance);
                if (scope != null && scope.kind() == CustomerScope.Kind.CUSTOMER) {
                    names.add(scope.name());
                }
            }
            Map<String, BatchedFetches.Outcome> outcomes = names.isEmpty() ? Map.of()
                    : batched.openOrdersOfEach(instance, names, true);
            for (Customer customer : active) {
                CustomerScope scope = customer.scopes().get(instance);
                if (scope == null) {
                    continue;
                }
                String who = "#" + customer.id() + " " + customer.name() + " " + instance;
                if (scope.kind() == CustomerScope.Kind.CUSTOMER) {
                    BatchedFetches.Outcome outcome = outcomes.get(scope.name());
                    if (outcome == null) {
                        tally.failed(who, "the warm-up was interrupted");
                    } else if (outcome.failure() != null) {
                        tally.failed(who, outcome.failure().getMessage());
                    } else {
                        tally.fetched(who, outcome.fetched());
                    }
                    continue;
                }
                try {
                    tally.fetched(who, buz.openOrders(instance, scope, true));
                } catch (RuntimeException e) {
                    tally.failed(who, e.getMessage());
                }
            }
        }
        return new Summary(tally.refreshed, tally.stale, tally.failed, tally.skipped);
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
