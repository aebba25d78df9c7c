package io.etareport.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * A clock tests move by hand, so time rules are tested without sleeping. One made by
 * {@link #followingSystem()} tells real time until a test sets it, and again after {@link #followSystem()}.
 */
public final class MutableClock extends Clock {

    private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");

    /** Null while the clock follows real time. */
    private volatile Instant now;

    public MutableClock(Instant start) {
        this.now = start;
    }

    /** A clock that tells real time until a test sets it. */
    public static MutableClock followingSystem() {
        return new MutableClock(null);
    }

    /** Back to real time (the state a shared test context expects between test classes). */
    public void followSystem() {
        now = null;
    }

    /** A clock at the given wall-clock time in Sydney, e.g. {@code "2026-03-04T11:00"}. */
    public static MutableClock atSydney(String localDateTime) {
        return new MutableClock(sydney(localDateTime));
    }

    public static Instant sydney(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), SYDNEY).toInstant();
    }

    public void set(Instant instant) {
        now = instant;
    }

    public void setSydney(String localDateTime) {
        now = sydney(localDateTime);
    }

    public void advance(Duration duration) {
        now = instant().plus(duration);
    }

    @Override
    public Instant instant() {
        Instant fixed = now;
        return fixed == null ? Instant.now() : fixed;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        MutableClock self = this;
        return new Clock() {
            @Override
            public Instant instant() {
                return self.instant();
            }

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }
        };
    }
}
