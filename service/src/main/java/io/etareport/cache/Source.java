package io.etareport.cache;

import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a value from upstream came from: live, or a stored copy and why it was served. Its label is what logs,
 * metrics, the job JSON and stored reports carry ({@code live}, {@code cache-503}, ...), so it must never change.
 */
public enum Source {

    LIVE("live"),
    /** Upstream answered 503. */
    CACHE_503("cache-503"),
    CACHE_TIMEOUT("cache-timeout"),
    CACHE_CONNECTION("cache-connection"),
    /** Other server errors, unreadable data, throttling. */
    CACHE_ERROR("cache-error"),
    /** Inside the supplier's daily switch-off, served without calling. */
    CACHE_BLACKOUT("cache-blackout"),
    /** Live had not answered within the stale deadline; the fetch carries on and refreshes the copy. */
    CACHE_SLOW("cache-slow"),
    /** The instance's circuit breaker is open, served without calling. */
    CACHE_BREAKER("cache-breaker"),
    /**
     * A copy young enough to use without asking (a customer group's members): only inside the cache, never in a
     * report.
     */
    CACHE_FRESH("cache-fresh"),
    /**
     * A recent 503 on this key, served without calling. No longer produced (the circuit breaker replaced the
     * per-key cooldown); kept so reports stored before then still read.
     */
    CACHE_COOLDOWN("cache-cooldown"),
    /** Nothing: upstream failed and no copy was stored. The cache throws instead; a report records it per instance. */
    UNAVAILABLE("unavailable");

    private final String label;

    Source(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    /** Whether the data is a stored copy, so a customer is told how old it is. */
    public boolean fromCache() {
        return label.startsWith("cache-");
    }

    @JsonCreator
    public static Source ofLabel(String label) {
        return Arrays.stream(values()).filter(source -> source.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown source: " + label));
    }

    @Override
    public String toString() {
        return label;
    }
}
