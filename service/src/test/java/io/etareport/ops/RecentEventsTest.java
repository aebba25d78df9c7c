package io.etareport.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class RecentEventsTest {

    private final MovableClock clock = new MovableClock();
    private final RecentEvents recent = new RecentEvents(clock, Duration.ofSeconds(60), 200);

    @Test
    void theSameEventIsSentOnceAMinute() {
        assertThat(recent.shouldSend("IllegalStateException: boom")).isTrue();
        clock.advance(Duration.ofSeconds(59));
        assertThat(recent.shouldSend("IllegalStateException: boom")).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(recent.shouldSend("IllegalStateException: boom")).isTrue();
    }

    @Test
    void aDroppedRepeatDoesNotExtendTheWait() {
        recent.shouldSend("boom");
        clock.advance(Duration.ofSeconds(30));
        recent.shouldSend("boom");
        clock.advance(Duration.ofSeconds(30));

        assertThat(recent.shouldSend("boom")).isTrue();
    }

    @Test
    void differentEventsAreAllSent() {
        assertThat(recent.shouldSend("IllegalStateException: boom")).isTrue();
        assertThat(recent.shouldSend("IllegalStateException: bang")).isTrue();
        assertThat(recent.shouldSend("IllegalArgumentException: boom")).isTrue();
    }

    @Test
    void atMost200KeysAreRememberedTheOldestForgottenFirst() {
        for (int i = 0; i < 201; i++) {
            assertThat(recent.shouldSend("error " + i)).isTrue();
        }

        assertThat(recent.size()).isEqualTo(200);
        assertThat(recent.shouldSend("error 200")).isFalse();
        assertThat(recent.shouldSend("error 0")).isTrue();
    }

    private static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-01-05T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
