package io.etareport.api;

import io.etareport.ops.ClientBuckets;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * The API's limits: each key's calls per minute, and wrong keys per client address per minute (so guessing
 * keys costs a database look-up only a few times a minute). Buckets live in this process: with several nodes
 * each node allows the limit, which is enough to stop a runaway script. What the limits refuse is counted in
 * the {@code eta.api.refused} metric (tag {@code reason}), not written to the call log row by row.
 */
@Component
public class ApiRateLimits {

    /** Keys are few; the cap only guards memory. */
    private static final int MAX_KEYS = 10_000;
    private static final int MAX_ADDRESSES = 100_000;

    private final ClientBuckets keyBuckets = new ClientBuckets(MAX_KEYS);
    private final ClientBuckets failedKeyBuckets = new ClientBuckets(MAX_ADDRESSES);
    private final ApiProperties properties;
    private final MeterRegistry meters;

    ApiRateLimits(ApiProperties properties, MeterRegistry meters) {
        this.properties = properties;
        this.meters = meters;
    }

    /** Whether the caller may make one more call now, and if not, how long to wait. */
    public record Decision(boolean allowed, long retryAfterSeconds) {
    }

    /** Takes one call from the key's allowance; a refusal is counted. */
    public Decision take(ApiCaller caller) {
        return counted(keyBuckets.take(caller.keyName(), caller.perMinute()), "rate-limited");
    }

    /** Whether {@code address} may try a key at all: not after too many wrong ones (a refusal is counted). */
    public Decision mayTryKey(String address) {
        return counted(failedKeyBuckets.peek(address, properties.failedKeysPerMinute()), "address-limited");
    }

    /** A wrong (unknown or revoked) key came from {@code address}. */
    public void wrongKey(String address) {
        failedKeyBuckets.take(address, properties.failedKeysPerMinute());
        refused("wrong-key");
    }

    /** A call without a key. */
    public void missingKey() {
        refused("missing-key");
    }

    private Decision counted(ClientBuckets.Decision decision, String reason) {
        if (!decision.allowed()) {
            refused(reason);
        }
        return new Decision(decision.allowed(), decision.retryAfterSeconds());
    }

    private void refused(String reason) {
        meters.counter("eta.api.refused", "reason", reason).increment();
    }
}
