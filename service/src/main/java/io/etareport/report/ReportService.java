package io.etareport.report;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

import io.etareport.buz.CustomerScope;
import io.etareport.buz.Instance;
import io.etareport.buz.InstanceNames;
import io.etareport.buz.OrderLine;
import io.etareport.cache.CachedBuz;
import io.etareport.cache.Fetched;
import io.etareport.cache.Source;
import io.etareport.cache.UpstreamUnavailableException;
import io.etareport.customers.Customer;
import io.etareport.statuses.StatusMappings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/**
 * Builds one customer's report: both instances fetched in parallel through the stale-if-error
 * cache, then the pure {@link ReportBuilder}. When one instance fails with no stored copy, the
 * report still shows the other and says which factory is missing; only when every instance fails
 * does the build fail, with the cache's plain-language message.
 */
@Service
public class ReportService {

    private static final Logger log = LoggerFactory.getLogger(ReportService.class);

    /** How often a build still waiting for the supplier says so (the loading page's note about a slow supplier). */
    static final java.time.Duration SLOW_NOTE_EVERY = java.time.Duration.ofSeconds(5);

    private final CachedBuz buz;
    private final StatusMappings statusMappings;
    private final ReportBuilder builder;
    private final Clock clock;
    private final EtaHistory history;
    private final OrderModels orderModels;
    private final InstanceNames names;
    /** @see ReportExecutors */
    private final Executor fetches;

    ReportService(CachedBuz buz, StatusMappings statusMappings, ReportProperties properties, Clock clock,
                  @Qualifier(ReportExecutors.FETCHES) Executor fetches, EtaHistory history, OrderModels orderModels,
                  InstanceNames names) {
        this.names = names;
        this.orderModels = orderModels;
        this.buz = buz;
        this.history = history;
        this.statusMappings = statusMappings;
        this.builder = new ReportBuilder(properties.rules());
        this.clock = clock;
        this.fetches = fetches;
    }

    /**
     * Where a build gets one instance's lines: live through the cache, or what the warm-up has just fetched for
     * many customers at once.
     */
    @FunctionalInterface
    public interface Lines {

        /** @throws UpstreamUnavailableException when the instance failed and no stored copy could be served */
        Fetched<List<OrderLine>> of(Instance instance, CustomerScope scope);
    }

    /** A customer's report, each instance asked through the cache (live, or its stored copy as the cache rules). */
    public Report build(Customer customer, Progress progress) {
        return build(customer, progress, (instance, scope) -> buz.openOrders(instance, scope, false));
    }

    /**
     * A customer's report from lines already fetched: the same rules as {@link #build(Customer, Progress)}, so a
     * report built from the warm-up's batches equals one fetched alone.
     */
    public Report build(Customer customer, Progress progress, Lines fetch) {
        progress.update(5, "Loading customer");
        Map<Instance, CustomerScope> scopes = customer.scopes();
        Map<Instance, CompletableFuture<Fetched<List<OrderLine>>>> pending = new EnumMap<>(Instance.class);
        AtomicInteger done = new AtomicInteger();
        scopes.forEach((instance, scope) -> {
            progress.update(10, "Fetching orders from " + names.of(instance));
            pending.put(instance, CompletableFuture.supplyAsync(() -> {
                Fetched<List<OrderLine>> fetched = fetch.of(instance, scope);
                int percent = 10 + 60 * done.incrementAndGet() / scopes.size();
                progress.update(percent, "Fetched " + fetched.value().size() + " lines from " + names.of(instance)
                        + (fetched.isLive() ? "" : " (saved copy)"));
                return fetched;
            }, fetches));
        });

        awaitAll(pending, progress);
        Map<Instance, List<OrderLine>> lines = new EnumMap<>(Instance.class);
        List<InstanceSource> sources = new ArrayList<>();
        UpstreamUnavailableException firstFailure = null;
        for (var entry : pending.entrySet()) {
            try {
                Fetched<List<OrderLine>> fetched = join(entry.getValue());
                lines.put(entry.getKey(), fetched.value());
                sources.add(new InstanceSource(entry.getKey(), fetched.source(), fetched.refreshedAt()));
            } catch (UpstreamUnavailableException e) {
                progress.update(70, names.of(entry.getKey()) + " could not be reached");
                sources.add(new InstanceSource(entry.getKey(), Source.UNAVAILABLE, null));
                firstFailure = firstFailure == null ? e : firstFailure;
            }
        }
        if (lines.isEmpty() && firstFailure != null) {
            throw firstFailure;
        }
        progress.update(75, "Processing");
        Map<String, String> mapping = statusMappings.activeMappings();
        java.util.Set<String> hidden = statusMappings.hiddenStatuses();
        if (!hidden.isEmpty()) {
            mapping = orderModels.stages().hiding(mapping, hidden);
        }
        progress.update(85, "Grouping orders");
        Report report = builder.build(customer.name(), lines, mapping, sources, clock.instant());
        progress.update(90, "Checking for changed dates");
        Set<Instance> live = EnumSet.noneOf(Instance.class);
        sources.stream().filter(source -> source.kind() == Source.LIVE).forEach(source -> live.add(source.instance()));
        Map<EtaHistory.OrderKey, DateChange> changes;
        try {
            changes = history.recordAndLookUp(report.orders(), live);
        } catch (DataAccessException e) {
            // The orders matter more than their history: show them without it.
            log.warn("Could not record or read date moves: {}", e.getClass().getSimpleName());
            return report;
        }
        return report.withDateChanges(order -> changes.get(EtaHistory.OrderKey.of(order)));
    }

    /**
     * Waits for every instance, saying every few seconds which ones the supplier is still slow to
     * answer for, so the loading page never claims "a few seconds" for minutes.
     */
    private void awaitAll(Map<Instance, CompletableFuture<Fetched<List<OrderLine>>>> pending, Progress progress) {
        java.time.Instant started = clock.instant();
        CompletableFuture<Void> all = CompletableFuture.allOf(pending.values().toArray(CompletableFuture[]::new));
        while (true) {
            try {
                all.get(SLOW_NOTE_EVERY.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                return;
            } catch (java.util.concurrent.TimeoutException slow) {
                List<Instance> waiting = pending.entrySet().stream().filter(each -> !each.getValue().isDone())
                        .map(Map.Entry::getKey).toList();
                progress.waitingFor(waiting, started);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("Report build stopped");
            } catch (ExecutionException e) {
                return; // each fetch's own outcome is read below
            }
        }
    }

    /** Waits interruptibly, so a job stopped at its time limit frees its worker at once. */
    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Report build stopped");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

}
