package io.etareport.cache;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Supplier;

import io.etareport.buz.BuzException;
import io.etareport.buz.Instance;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;

/**
 * Live first, and the last good copy when the supplier's system fails (stale-if-error).
 * <ul>
 * <li>Every live success is stored under its key.</li>
 * <li>On an outage (503, other server errors, timeout, connection, unreadable data, throttling)
 * the stored copy is served and labelled with why; with no copy, an
 * {@link UpstreamUnavailableException} explains it in plain language.</li>
 * <li>After a 503 the key is not called live again until its cooldown ends.</li>
 * <li>Inside the supplier's daily blackout a stored copy is served without calling; with none,
 * live is tried anyway, in case the window is wrong.</li>
 * <li>A forced refresh ignores cooldown and blackout.</li>
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
    private final PayloadCodec codec = new PayloadCodec();
    private final SingleFlight flights = new SingleFlight();
    private final ClusterLock cluster;

    /** @param zone the service's time zone, the one the supplier's daily blackout is in */
    public StaleIfErrorCache(CacheStore store, CacheProperties properties, Clock clock, MeterRegistry meters,
                             ZoneId zone) {
        this(store, properties, clock, meters, zone, ClusterLock.LOCAL);
    }

    @Autowired
    StaleIfErrorCache(CacheStore store, CacheProperties properties, Clock clock, MeterRegistry meters, ZoneId zone,
                      ClusterLock cluster) {
        this.cluster = cluster;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        this.blackout = new BlackoutWindow(properties.blackout(), zone);
        this.messages = new OutageMessages(blackout);
    }

    /**
     * The value under {@code key}: live from {@code live}, or the stored copy as the rules above say.
     *
     * @param type         the value's type, to read a stored copy back
     * @param live         calls upstream; throws {@link BuzException} when that fails
     * @param forceRefresh call live even in a cooldown or the blackout (operators warming the cache)
     * @throws UpstreamUnavailableException when upstream failed and no copy could be served
     */
    public <T> Fetched<T> get(CacheKey key, TypeReference<T> type, Supplier<T> live, boolean forceRefresh) {
        // A forced refresh must not settle for a concurrent ordinary call served from the copy.
        String flight = forceRefresh ? key.value() + "\0refresh" : key.value();
        Instant asked = clock.instant();
        return flights.run(flight, () -> cluster.run(key.value(), waited -> (waited
                ? fetchedMeanwhile(key, type, asked) : Optional.<Fetched<T>>empty())
                .orElseGet(() -> fetch(key, type, live, forceRefresh))));
    }

    /** What another node fetched live while this one waited for the key: served as the live answer it is. */
    private <T> Optional<Fetched<T>> fetchedMeanwhile(CacheKey key, TypeReference<T> type, Instant asked) {
        Optional<CacheStore.Entry> entry = find(key);
        if (entry.isEmpty() || !entry.get().hasCopy() || entry.get().refreshedAt().isBefore(asked)) {
            return Optional.empty();
        }
        return copy(key, type, entry, Source.LIVE, System.nanoTime());
    }

    private <T> Fetched<T> fetch(CacheKey key, TypeReference<T> type, Supplier<T> live, boolean forceRefresh) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        Optional<CacheStore.Entry> entry = find(key);
        if (!forceRefresh) {
            if (entry.isPresent() && entry.get().coolingDownAt(now)) {
                return copy(key, type, entry, Source.CACHE_COOLDOWN, started).orElseThrow(() ->
                        failure(key, BuzException.Kind.UNAVAILABLE, now, null, started));
            }
            if (blackout.contains(now)) {
                Optional<Fetched<T>> copy = copy(key, type, entry, Source.CACHE_BLACKOUT, started);
                if (copy.isPresent()) {
                    return copy.get();
                }
            }
        }
        try {
            T value = callLive(key, live);
            Instant refreshedAt = clock.instant();
            int rows = PayloadCodec.rows(value);
            save(key, value, rows, refreshedAt);
            record(key, Source.LIVE.label(), rows, started);
            return new Fetched<>(value, Source.LIVE, refreshedAt);
        } catch (BuzException e) {
            return fallBack(key, type, entry, e, started);
        }
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
        if (kind == BuzException.Kind.UNAVAILABLE) {
            startCooldown(key, now.plus(properties.cooldown()));
        }
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

    private void startCooldown(CacheKey key, Instant until) {
        try {
            store.startCooldown(key.value(), until);
        } catch (DataAccessException e) {
            log.warn("Could not start the cooldown of {}: {}", key.logName(), e.getMostSpecificCause().getMessage());
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
}
