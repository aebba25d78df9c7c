package io.etareport.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** A failed delivery waits longer after each attempt: doubling from the first pause, never beyond the longest. */
class WebhookBackoffTest {

    private final WebhookProperties properties = new WebhookProperties(false, "-", "-", Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofHours(2), Duration.ofHours(24),
            Duration.ofHours(24), Duration.ofDays(30), 50);

    @Test
    void pausesDoubleUpToTheLongest() {
        assertThat(WebhookSender.backoff(1, properties)).isEqualTo(Duration.ofMinutes(1));
        assertThat(WebhookSender.backoff(2, properties)).isEqualTo(Duration.ofMinutes(2));
        assertThat(WebhookSender.backoff(5, properties)).isEqualTo(Duration.ofMinutes(16));
        assertThat(WebhookSender.backoff(7, properties)).isEqualTo(Duration.ofMinutes(64));
        assertThat(WebhookSender.backoff(8, properties)).isEqualTo(Duration.ofHours(2));
        assertThat(WebhookSender.backoff(500, properties)).isEqualTo(Duration.ofHours(2));
    }
}
