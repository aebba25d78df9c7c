package io.etareport.api;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.stereotype.Component;

/**
 * Each key's calls per minute (Bucket4j token buckets, refilled steadily over the minute). Buckets
 * live in this process: with several nodes each node allows the limit, which is enough to stop a
 * runaway script.
 */
@Component
public class ApiRateLimits {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** Whether the caller may make one more call now, and if not, how long to wait. */
    public record Decision(boolean allowed, long retryAfterSeconds) {
    }

    public Decision take(ApiCaller caller) {
        int limit = Math.max(1, caller.perMinute());
        Bucket bucket = buckets.computeIfAbsent(caller.keyName() + "\u0000" + limit, ignored -> Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit).refillGreedy(limit, Duration.ofMinutes(1)))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return new Decision(true, 0);
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + TimeUnit.SECONDS.toNanos(1) - 1);
        return new Decision(false, Math.max(1, seconds));
    }
}
