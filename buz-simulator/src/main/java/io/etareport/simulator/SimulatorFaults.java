package io.etareport.simulator;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults switchable at run time, per instance code ({@code DESDR}, {@code WATSO}; {@code DD}/{@code CBR} are
 * accepted too) or for {@link #ALL}. Thread-safe; every setter returns this for chaining.
 *
 * <p>How a request to instance X is treated: latency = latency(all) + latency(X), slept first; then the fault is
 * the first that applies of: a pending {@code failNext} on X, a pending {@code failNext} on all, the mode of X,
 * the mode of all. A {@code failNext} counts down once per request it fails, then the instance recovers.
 */
public final class SimulatorFaults {

    /** The scope that applies to every instance. */
    public static final String ALL = "all";

    /** A scope's current settings. {@code retryAfterSeconds} may be null (no header, except 1 s for 429). */
    public record FaultSettings(long latencyMs, FaultMode mode, Integer retryAfterSeconds, int failNext,
                                FaultMode failNextMode) {
    }

    /**
     * The fault chosen for one request. {@code release} is the latch that lets it go if it hangs: taken before
     * the fault is chosen, so a release that comes after the choice always reaches it.
     */
    record Decision(long latencyMs, FaultMode mode, Integer retryAfterSeconds, CountDownLatch release) {
    }

    private static final class Scope {
        volatile long latencyMs;
        volatile FaultMode mode = FaultMode.NONE;
        volatile Integer retryAfterSeconds;
        final AtomicInteger failNext = new AtomicInteger();
        volatile FaultMode failNextMode = FaultMode.HTTP_503;

        FaultSettings snapshot() {
            return new FaultSettings(latencyMs, mode, retryAfterSeconds, failNext.get(), failNextMode);
        }

        boolean takeFailure() {
            return failNext.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
        }
    }

    private final Map<String, Scope> scopes = new LinkedHashMap<>();
    private final Object hangLock = new Object();
    private CountDownLatch hangRelease = new CountDownLatch(1);
    private final AtomicInteger hanging = new AtomicInteger();
    private volatile boolean closed;

    SimulatorFaults(List<String> codes) {
        scopes.put(ALL, new Scope());
        for (String code : codes) {
            scopes.put(code, new Scope());
        }
    }

    private Scope scope(String name) {
        Objects.requireNonNull(name, "scope");
        String key = ALL.equalsIgnoreCase(name) || "*".equals(name) ? ALL : BuzSimulator.normaliseCode(name);
        Scope scope = scopes.get(key);
        if (scope == null) {
            throw new IllegalArgumentException("Unknown fault scope " + name);
        }
        return scope;
    }

    /** Adds this much latency (0 for none) to every request of the scope. */
    public SimulatorFaults latency(String scope, long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("latency must not be negative");
        }
        scope(scope).latencyMs = millis;
        return this;
    }

    public SimulatorFaults latency(String scope, Duration latency) {
        return latency(scope, latency.toMillis());
    }

    /** Fails every request of the scope this way until changed or cleared ({@link FaultMode#NONE} to stop). */
    public SimulatorFaults mode(String scope, FaultMode mode) {
        scope(scope).mode = Objects.requireNonNull(mode, "mode");
        if (mode != FaultMode.HANG) {
            releaseHangs();
        }
        return this;
    }

    /** The {@code Retry-After} seconds sent with 503 and 429 answers of this scope; null for none. */
    public SimulatorFaults retryAfter(String scope, Integer seconds) {
        if (seconds != null && seconds < 0) {
            throw new IllegalArgumentException("Retry-After must not be negative");
        }
        scope(scope).retryAfterSeconds = seconds;
        return this;
    }

    /** Fails the next {@code count} requests of the scope with {@code mode}, then answers normally again. */
    public SimulatorFaults failNext(String scope, int count, FaultMode mode) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
        Scope s = scope(scope);
        s.failNextMode = Objects.requireNonNull(mode, "mode");
        s.failNext.set(count);
        return this;
    }

    /** Fails the next {@code count} requests of the scope with 503. */
    public SimulatorFaults failNext(String scope, int count) {
        return failNext(scope, count, FaultMode.HTTP_503);
    }

    /** Clears one scope's faults. */
    public SimulatorFaults clear(String scope) {
        Scope s = scope(scope);
        s.latencyMs = 0;
        s.mode = FaultMode.NONE;
        s.retryAfterSeconds = null;
        s.failNext.set(0);
        s.failNextMode = FaultMode.HTTP_503;
        releaseHangs();
        return this;
    }

    /** Clears every fault and lets every hanging request go (it is then dropped). */
    public SimulatorFaults clear() {
        for (String name : scopes.keySet()) {
            clear(name);
        }
        return this;
    }

    public FaultSettings settings(String scope) {
        return scope(scope).snapshot();
    }

    /** Every scope's settings: {@code all} first, then each instance code. */
    public Map<String, FaultSettings> snapshot() {
        Map<String, FaultSettings> out = new LinkedHashMap<>();
        scopes.forEach((name, s) -> out.put(name, s.snapshot()));
        return out;
    }

    /** How many requests are hanging now ({@link FaultMode#HANG}), for tests that act while they do. */
    public int hanging() {
        return hanging.get();
    }

    Decision decide(String code) {
        // Before reading the modes: clearing one (which releases hangs) after this read must release this request.
        CountDownLatch release;
        synchronized (hangLock) {
            release = hangRelease;
        }
        Scope all = scopes.get(ALL);
        Scope own = scopes.get(code);
        long latency = all.latencyMs + (own == null ? 0 : own.latencyMs);
        if (own != null && own.takeFailure()) {
            return new Decision(latency, own.failNextMode, retryAfter(own, all), release);
        }
        if (all.takeFailure()) {
            return new Decision(latency, all.failNextMode, retryAfter(all, own), release);
        }
        if (own != null && own.mode != FaultMode.NONE) {
            return new Decision(latency, own.mode, retryAfter(own, all), release);
        }
        return new Decision(latency, all.mode, retryAfter(all, own), release);
    }

    private static Integer retryAfter(Scope first, Scope second) {
        if (first.retryAfterSeconds != null) {
            return first.retryAfterSeconds;
        }
        return second == null ? null : second.retryAfterSeconds;
    }

    /** Waits while a request hangs; returns early when hangs are released (or were since its fault was chosen). */
    void hang(Decision decision, Duration limit) throws InterruptedException {
        hanging.incrementAndGet();
        try {
            if (!closed) {
                decision.release().await(limit.toMillis(), TimeUnit.MILLISECONDS);
            }
        } finally {
            hanging.decrementAndGet();
        }
    }

    /** The simulator is stopping: no request may hang any more. */
    void close() {
        closed = true;
        releaseHangs();
    }

    void releaseHangs() {
        synchronized (hangLock) {
            hangRelease.countDown();
            hangRelease = new CountDownLatch(1);
        }
    }
}
