package io.etareport.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ClientBucketsTest {

    private final AtomicLong nanos = new AtomicLong();
    private final ClientBuckets buckets = new ClientBuckets(100_000, nanos::get);

    @Test
    void aClientGetsItsAllowanceThenWaits() {
        assertThat(buckets.take("a", 2).allowed()).isTrue();
        assertThat(buckets.take("a", 2).allowed()).isTrue();
        ClientBuckets.Decision third = buckets.take("a", 2);
        assertThat(third.allowed()).isFalse();
        assertThat(third.retryAfterSeconds()).isBetween(1L, 60L);
        assertThat(buckets.take("b", 2).allowed()).isTrue();
    }

    @Test
    void peekingTakesNothing() {
        assertThat(buckets.peek("a", 1).allowed()).isTrue();
        assertThat(buckets.take("a", 1).allowed()).isTrue();
        assertThat(buckets.peek("a", 1).allowed()).isFalse();
    }

    @Test
    void aFloodOfNewClientsResetsNobody() {
        buckets.take("exhausted", 1);
        for (int i = 0; i < 50_000; i++) {
            buckets.take("flood-" + i, 1);
        }
        assertThat(buckets.take("exhausted", 1).allowed()).isFalse();
    }

    @Test
    void clientsNotSeenForAMinuteAreForgotten() {
        for (int i = 0; i < 1_000; i++) {
            buckets.take("client-" + i, 5);
        }
        assertThat(buckets.clients()).isEqualTo(1_000);
        nanos.addAndGet(Duration.ofMinutes(1).plusSeconds(1).toNanos());
        assertThat(buckets.clients()).isZero();
    }
}
