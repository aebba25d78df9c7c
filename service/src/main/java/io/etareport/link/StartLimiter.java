package io.etareport.link;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

import io.etareport.jobs.JobProperties;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * How often one client may start reports: a Bucket4j token bucket per client address and link, so
 * a script hammering a link cannot queue hundreds of jobs, and one busy office cannot use up
 * another customer's allowance. Buckets live in this process only: behind several nodes each
 * allows its own share, which is enough to stop a flood.
 */
@Component
class StartLimiter {

    /** A flood of addresses must not grow memory without bound: past this, start counting afresh. */
    private static final int MAX_CLIENTS = 10_000;

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final int perMinute;

    StartLimiter(JobProperties properties) {
        this.perMinute = Math.max(1, properties.startsPerMinute());
    }

    /**
     * Takes one start from the allowance of {@code client} for {@code link}.
     *
     * @throws ResponseStatusException 429 (the "too many requests" page) when it is used up
     */
    void take(String client, String link) {
        if (buckets.size() > MAX_CLIENTS) {
            buckets.clear();
        }
        Bucket bucket = buckets.computeIfAbsent(client + " " + link, key -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build());
        if (!bucket.tryConsume(1)) {
            throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS);
        }
    }
}
