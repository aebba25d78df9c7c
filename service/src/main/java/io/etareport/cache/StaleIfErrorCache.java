package io.etareport.cache;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.etareport.buz.BuzException;
import io.etareport.buz.Instance;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;

/**
 * Live first, and the last good copy when the supplier's system is slow or fails
 * (RFC 5861's stale-while-revalidate and stale-if-error).
 * <ul>
 * <li>Every live success is stored under its key.</li>
 * <li>With a stored copy, a caller waits for live no longer than the stale deadline, then gets the
 * copy ({@code cache-slow}); the live call carries on in the background and stores its result for
 * the next caller. While an instance lags like that (until one of its calls finishes), callers
 * with a copy get it without waiting.</li>
 * <li>On an outage (503, other server errors, timeout, connection, unreadable data, throttling)
 * the stored copy is served and labelled with why; with no copy, an
 * {@link UpstreamUnavailableException} explains it in plain language.</li>
 * <li>Outages feed one circuit breaker per instance; while it is open the supplier is not called:
 * copies are served ({@code cache-breaker}) and callers without one are told why at once.</li>
 * <li>Inside the supplier's daily blackout a stored copy is served without calling; with none,
 * live is tried anyway, in case the window is wrong.</li>
 * <li>A forced refresh ignores the blackout, the breaker and the deadline.</li>
 * <li>A refused request (4xx: credentials, a bad query) is our problem, not an outage: it fails
 * and is logged loudly, rather than being hidden behind yesterday's data.</li>
 * <li>Concurrent callers of one key share one upstream call.</li>
 * </ul>
 * Every time decision reads the injected {@link Clock}.
 */
@Service
class StaleIfErrorCache {

    /** The metric and log label of a fetch that served nothing. */
    private static final String FAILED = "failed";

    private static final Logger log = LoggerFactory.getLogger(StaleIfErrorCache.class);

    private final CacheStore store;
    private final CacheProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final BlackoutWindow blackout;
    private final OutageMessages messages;
    private final InstanceBreakers breakers;
    private final PayloadCodec codec = new PayloadCodec();
    private final LiveCalls calls;
    private final ClusterLock cluster;
    /**
     * Instances with a live call that outlasted the deadline and none finished since: visitors with
     * a copy get it at once instead of each waiting the deadline again behind the same slow supplier.
     */
    private final java.util.Set<Instance> lagging = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * @param zone      the service's time zone, the one the supplier's daily blackout is in
     * @param liveCalls runs the live calls, each at once (see {@link CacheExecutors})
     */
    StaleIfErrorCache(CacheStore store, CacheProperties properties, Clock clock, MeterRegistry meters, ZoneId zone,
                      @Qualifier(CacheExecutors.LIVE_CALLS) Executor liveCalls) {
        this(store, properties, clock, meters, zone, liveCalls, ClusterLock.LOCAL);
    }

    /** @param cluster makes one node at a time call upstream for a key (PostgreSQL); local only on SQLite */
    @Autowired
    StaleIfErrorCache(CacheStore store, CacheProperties properties, Clock clock, MeterRegistry meters, ZoneId zone,
                      @Qualifier(CacheExecutors.LIVE_CALLS) Executor liveCalls, ClusterLock cluster) {
        this.cluster = cluster;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        this.blackout = new BlackoutWindow(properties.blackout(), zone);
        this.messages = new OutageMessages(blackout);
        this.breakers = new InstanceBreakers(properties.breaker(), clock);
        this.calls = new LiveCalls(liveCalls);
        for (Instance instance : Instance.values()) {
            Gauge.builder("eta.breaker.state", breakers, each -> stateCode(each.state(instance)))
                    .description("Circuit breaker of calls to a Buz instance: 0 closed, 1 half-open, 2 open")
                    .tag("instance", instance.name())
                    .register(meters);
        }
    }

    private static int stateCode(CircuitBreaker.State state) {
        return switch (state) {
            case CLOSED, DISABLED, METRICS_ONLY -> 0;
            case HALF_OPEN -> 1;
            case OPEN, FORCED_OPEN -> 2;
        };
    }

    /**
     * The value under {@code key}: live from {@code live}, or the stored copy as the rules above say.
     *
     * @param type         the value's type, to read a stored copy back
     * @param live         calls upstream; throws {@link BuzException} when that fails
     * @param forceRefresh call live and wait for it, even in the blackout or with the breaker open
     *                     (operators warming the cache)
     * @throws UpstreamUnavailableException when upstream failed and no copy could be served
     */
    public <T> Fetched<T> get(CacheKey key, TypeReference<T> type, Supplier<T> live, boolean forceRefresh) {
        return get(key, type, live, forceRefresh, null);
    }

    /**
     * As {@link #get(CacheKey, TypeReference, Supplier, boolean)}, but a stored copy younger than
     * {@code maxAge} is served without calling ({@code cache-fresh}): for what changes rarely.
     */
    public <T> Fetched<T> get(CacheKey key, TypeReference<T> type, Supplier<T> live, boolean forceRefresh,
                              java.time.Duration maxAge) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        Optional<CacheStore.Entry> entry = find(key);
        if (!forceRefresh && maxAge != null && entry.isPresent() && entry.get().hasCopy()
                && entry.get().refreshedAt() != null && entry.get().refreshedAt().plus(maxAge).isAfter(now)) {
            Optional<Fetched<T>> fresh = copy(key, type, entry, Source.CACHE_FRESH, started);
            if (fresh.isPresent()) {
                return fresh.get();
            }
        }
        if (!forceRefresh && blackout.contains(now)) {
            Optional<Fetched<T>> copy = copy(key, type, entry, Source.CACHE_BLACKOUT, started);
            if (copy.isPresent()) {
                return copy.get();
            }
        }
        Instance instance = key.instance();
        // A forced refresh must not settle for a concurrent ordinary call served from the copy.
        CompletableFuture<Fetched<T>> call = forceRefresh
                ? calls.joinOrStart(key.value() + "\0refresh", () -> true, () -> callLive(key, type, live, false, now))
                : calls.joinOrStart(key.value(), () -> breakers.tryCall(instance),
                        () -> callLive(key, type, live, true, now));
        if (call == null) {
            return copy(key, type, entry, Source.CACHE_BREAKER, started).orElseThrow(() ->
                    failure(key, breakers.lastFailure(instance), now, null, started));
        }
        boolean hasCopy = !forceRefresh && entry.isPresent() && entry.get().hasCopy();
        try {
            // An instance already lagging past the deadline gets no second wait from each visitor.
            long wait = lagging.contains(instance) ? 0 : properties.staleDeadline().toNanos();
            Fetched<T> fetched = hasCopy ? call.get(wait, TimeUnit.NANOSECONDS) : call.get();
            record(key, Source.LIVE.label(), PayloadCodec.rows(fetched.value()), started);
            return fetched;
        } catch (TimeoutException slow) {
            lagging.add(instance);
            return copy(key, type, entry, Source.CACHE_SLOW, started).orElseGet(() -> await(key, type, entry, call, started));
        } catch (ExecutionException e) {
            return outcomeOf(key, type, entry, e.getCause(), started);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return copy(key, type, entry, Source.CACHE_TIMEOUT, started).orElseThrow(() ->
                    failure(key, BuzException.Kind.TIMEOUT, now, null, started));
        }
    }

    /** When the stored copy turned out unreadable after the deadline: wait for live after all. */
    private <T> Fetched<T> await(CacheKey key, TypeReference<T> type, Optional<CacheStore.Entry> entry,
                                 CompletableFuture<Fetched<T>> call, long started) {
        try {
            return call.get();
        } catch (ExecutionException e) {
            return outcomeOf(key, type, Optional.empty(), e.getCause(), started);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(key, BuzException.Kind.TIMEOUT, clock.instant(), null, started);
        }
    }

    private <T> Fetched<T> outcomeOf(CacheKey key, TypeReference<T> type, Optional<CacheStore.Entry> entry,
                                     Throwable failure, long started) {
        if (failure instanceof BuzException e) {
            return fallBack(key, type, entry, e, started);
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(failure);
    }

    /**
     * The live call, once across the nodes: a node that had to wait for another node's call on the same key
     * serves what that call stored (it is as live as its own would have been) instead of calling again.
     */
    private <T> Fetched<T> callLive(CacheKey key, TypeReference<T> type, Supplier<T> live, boolean breakerPermitted,
                                    Instant asked) {
        return cluster.run(key.value(), waited -> {
            Optional<Fetched<T>> meanwhile = waited ? fetchedMeanwhile(key, type, asked) : Optional.empty();
            if (meanwhile.isPresent()) {
                lagging.remove(key.instance());
                if (breakerPermitted) {
                    // The supplier just answered the other node: as good a sign as our own call.
                    breakers.succeeded(key.instance(), 0);
                }
                return meanwhile.get();
            }
            return callLive(key, live, breakerPermitted);
        });
    }

    private <T> Optional<Fetched<T>> fetchedMeanwhile(CacheKey key, TypeReference<T> type, Instant asked) {
        CacheStore.Entry entry = find(key).orElse(null);
        if (entry == null || !entry.hasCopy() || entry.refreshedAt() == null || entry.refreshedAt().isBefore(asked)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Fetched<>(codec.decode(entry.payload(), type), Source.LIVE, entry.refreshedAt()));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    /** The live call itself, in its own thread: stores a success and tells the breaker how it went. */
    private <T> Fetched<T> callLive(CacheKey key, Supplier<T> live, boolean breakerPermitted) {
        long started = System.nanoTime();
        T value;
        try {
            value = callLive(key, live);
        } catch (RuntimeException | Error e) {
            lagging.remove(key.instance());
            if (breakerPermitted) {
                breakers.failed(key.instance(), System.nanoTime() - started, e);
            }
            throw e;
        }
        lagging.remove(key.instance());
        if (breakerPermitted) {
            breakers.succeeded(key.instance(), System.nanoTime() - started);
        }
        Instant refreshedAt = clock.instant();
        save(key, value, PayloadCodec.rows(value), refreshedAt);
        return new Fetched<>(value, Source.LIVE, refreshedAt);
    }

    private <T> T callLive(CacheKey key, Supplier<T> live) {
        if (properties.force503()) {
            throw new BuzException(BuzException.Kind.UNAVAILABLE, key.instance(), 503,
                    "Simulated 503 for " + key.instance() + " (BUZ_FORCE_503 is set); upstream was not called");
        }
        return live.get();
    }

    private <T> Fetched<T> fallBack(CacheKey key, TypeReference<T> type, Optional<CacheStore.Entry> entry,
                                    BuzException e, long started) {
        BuzException.Kind kind = e.kind();
        Instant now = clock.instant();
        if (kind == BuzException.Kind.REJECTED) {
            log.error("Buz refused our request for {} (HTTP {}): {}. Not served from the stored copy: check the"
                    + " credentials and the query.", key.logName(), e.status(), e.getMessage());
            throw failure(key, kind, now, e, started);
        }
        log.warn("{} failed ({}): {}", key.logName(), kind, e.getMessage());
        return copy(key, type, entry, label(kind), started).orElseThrow(() -> failure(key, kind, now, e, started));
    }

    private static Source label(BuzException.Kind kind) {
        if (kind == null) {
            return Source.CACHE_ERROR;
        }
        return switch (kind) {
            case UNAVAILABLE -> Source.CACHE_503;
            case TIMEOUT -> Source.CACHE_TIMEOUT;
            case CONNECTION -> Source.CACHE_CONNECTION;
            case SERVER_ERROR, BAD_DATA, THROTTLED, REJECTED -> Source.CACHE_ERROR;
        };
    }

    private <T> Optional<Fetched<T>> copy(CacheKey key, TypeReference<T> type, Optional<CacheStore.Entry> entry,
                                          Source source, long started) {
        if (entry.isEmpty() || !entry.get().hasCopy()) {
            return Optional.empty();
        }
        CacheStore.Entry stored = entry.get();
        try {
            T value = codec.decode(stored.payload(), type);
            record(key, source.label(), stored.rowCount(), started, stored.refreshedAt());
            return Optional.of(new Fetched<>(value, source, stored.refreshedAt()));
        } catch (JacksonException e) {
            // The parser's message may quote the payload, which names customers: log its type only.
            log.warn("The stored copy of {} could not be read ({}); treated as missing", key.logName(),
                    e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private UpstreamUnavailableException failure(CacheKey key, BuzException.Kind kind, Instant now,
                                                 BuzException cause, long started) {
        record(key, FAILED, 0, started);
        Instance instance = cause != null && cause.instance() != null ? cause.instance() : key.instance();
        return new UpstreamUnavailableException(instance, kind, messages.forKind(kind, now), cause);
    }

    // The store is a convenience around the live call: if the database fails, live still serves.

    private Optional<CacheStore.Entry> find(CacheKey key) {
        try {
            return store.find(key.value());
        } catch (DataAccessException e) {
            log.warn("Could not read the stored copy of {}: {}", key.logName(), e.getMostSpecificCause().getMessage());
            return Optional.empty();
        }
    }

    private void save(CacheKey key, Object value, int rows, Instant refreshedAt) {
        try {
            store.saveCopy(key.value(), codec.encode(value), rows, refreshedAt);
        } catch (DataAccessException e) {
            log.warn("Could not store the copy of {}: {}", key.logName(), e.getMostSpecificCause().getMessage());
        } catch (JacksonException e) {
            log.warn("Could not store the copy of {}: {}", key.logName(), e.getClass().getSimpleName());
        }
    }

    private void record(CacheKey key, String source, int rows, long started) {
        record(key, source, rows, started, null);
    }

    private void record(CacheKey key, String source, int rows, long started, Instant copyRefreshedAt) {
        long ms = (System.nanoTime() - started) / 1_000_000;
        if (copyRefreshedAt == null) {
            log.info("{} source={} rows={} ms={}", key.logName(), source, rows, ms);
        } else {
            log.info("{} source={} rows={} ms={} copy_refreshed={}", key.logName(), source, rows, ms, copyRefreshedAt);
        }
        Counter.builder("eta.cache.fetch")
                .description("Upstream results served, by where they came from")
                .tag("source", source)
                .tag("instance", key.instance().name())
                .register(meters)
                .increment();
    }

    /** The breaker's state for {@code instance}: {@code CLOSED}, {@code OPEN} or {@code HALF_OPEN}. */
    public String breakerState(Instance instance) {
        return breakers.state(instance).name();
    }

    /** Closes every breaker and forgets its failures: a fresh start, for tests sharing one service. */
    public void resetBreakers() {
        breakers.reset();
        lagging.clear();
    }

    /** Live calls under way, including those still running after their callers got a copy. */
    int callsUnderWay() {
        return calls.size();
    }
}
