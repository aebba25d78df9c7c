package io.etareport.link;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import io.etareport.jobs.JobProperties;

import org.junit.jupiter.api.Test;
import org.springframework.web.server.ResponseStatusException;

class StartLimiterTest {

    private static JobProperties startsPerMinute(int starts) {
        return new JobProperties(4, 100, Duration.ofMinutes(5), Duration.ofMinutes(3), Duration.ofSeconds(5),
                Duration.ofSeconds(30), Duration.ofHours(24), Duration.ofMillis(1200), Duration.ofSeconds(20), starts,
                Duration.ofMinutes(15));
    }

    @Test
    void aClientPastItsAllowanceIsRefused() {
        StartLimiter limiter = new StartLimiter(startsPerMinute(3));
        for (int i = 0; i < 3; i++) {
            limiter.take("203.0.113.9", "link");
        }
        assertThatThrownBy(() -> limiter.take("203.0.113.9", "link")).isInstanceOf(ResponseStatusException.class);
        assertThatCode(() -> limiter.take("203.0.113.10", "link")).doesNotThrowAnyException();
    }

    @Test
    void aFloodOfNewAddressesDoesNotResetAnExhaustedClient() {
        StartLimiter limiter = new StartLimiter(startsPerMinute(2));
        limiter.take("203.0.113.9", "link");
        limiter.take("203.0.113.9", "link");
        for (int i = 0; i < 20_002; i++) {
            limiter.take("10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255), "link");
        }
        assertThatThrownBy(() -> limiter.take("203.0.113.9", "link")).isInstanceOf(ResponseStatusException.class);
    }
}
