package io.etareport.link;

import io.etareport.jobs.JobProperties;
import io.etareport.ops.ClientBuckets;

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

    /** Only guards memory: see {@link ClientBuckets} for why a flood of addresses cannot reset anyone. */
    private static final int MAX_CLIENTS = 100_000;

    private final ClientBuckets buckets = new ClientBuckets(MAX_CLIENTS);
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
        if (!buckets.take(client + " " + link, perMinute).allowed()) {
            throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS);
        }
    }
}
