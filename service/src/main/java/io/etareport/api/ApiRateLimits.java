package io.etareport.api;

import io.etareport.ops.ClientBuckets;

import org.springframework.stereotype.Component;

/**
 * Each key's calls per minute (Bucket4j token buckets, refilled steadily over the minute). Buckets
 * live in this process: with several nodes each node allows the limit, which is enough to stop a
 * runaway script.
 */
@Component
public class ApiRateLimits {

    /** Keys are few; the cap only guards memory. */
    private static final int MAX_KEYS = 10_000;

    private final ClientBuckets buckets = new ClientBuckets(MAX_KEYS);

    /** Whether the caller may make one more call now, and if not, how long to wait. */
    public record Decision(boolean allowed, long retryAfterSeconds) {
    }

    public Decision take(ApiCaller caller) {
        ClientBuckets.Decision decision = buckets.take(caller.keyName(), caller.perMinute());
        return new Decision(decision.allowed(), decision.retryAfterSeconds());
    }
}
