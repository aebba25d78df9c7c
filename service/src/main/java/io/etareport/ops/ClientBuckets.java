package io.etareport.ops;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;

/**
 * Per-minute allowances by client (an address, a key, an address and a link): a Bucket4j token bucket each,
 * refilled steadily over a minute, held in a bounded Caffeine cache in this process.
 *
 * <p>A bucket left alone for a minute is full again, so dropping it then changes nobody's allowance: buckets
 * expire a minute after their last use, and a flood of new addresses cannot empty the map (as clearing it
 * once it grew did). The size cap only guards memory; Caffeine's eviction keeps the clients that call often
 * (an exhausted client still hammering) over one-off addresses.
 */
public final class ClientBuckets {

    /** Whether a call may go on now, and if not, how long to wait. */
    public record Decision(boolean allowed, long retryAfterSeconds) {
    }

    private static final Duration REFILL = Duration.ofMinutes(1);

    private final Cache<String, Bucket> buckets;

    public ClientBuckets(long maxClients) {
        this(maxClients, Ticker.systemTicker());
    }

    ClientBuckets(long maxClients, Ticker ticker) {
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxClients)
                .expireAfterAccess(REFILL)
                .ticker(ticker)
                .build();
    }

    /** Takes one call from {@code client}'s allowance of {@code perMinute}. */
    public Decision take(String client, int perMinute) {
        ConsumptionProbe probe = bucket(client, perMinute).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? new Decision(true, 0) : refused(probe.getNanosToWaitForRefill());
    }

    /** Whether {@code client} has nothing left, without taking anything (a client never seen has its all). */
    public Decision peek(String client, int perMinute) {
        Bucket bucket = buckets.getIfPresent(key(client, perMinute));
        if (bucket == null) {
            return new Decision(true, 0);
        }
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? new Decision(true, 0) : refused(probe.getNanosToWaitForRefill());
    }

    /** How many clients are being counted (an estimate; for tests and metrics). */
    public long clients() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private Bucket bucket(String client, int perMinute) {
        int limit = Math.max(1, perMinute);
        return buckets.get(key(client, limit), ignored -> Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit).refillGreedy(limit, REFILL))
                .build());
    }

    private static String key(String client, int perMinute) {
        return client + "\u0000" + Math.max(1, perMinute);
    }

    private static Decision refused(long nanosToWait) {
        long seconds = TimeUnit.NANOSECONDS.toSeconds(nanosToWait + TimeUnit.SECONDS.toNanos(1) - 1);
        return new Decision(false, Math.max(1, seconds));
    }
}
