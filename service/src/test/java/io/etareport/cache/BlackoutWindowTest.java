package io.etareport.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class BlackoutWindowTest {

    private static BlackoutWindow window(boolean enabled, String start, String end) {
        return new BlackoutWindow(new CacheProperties.Blackout(enabled, LocalTime.parse(start), LocalTime.parse(end)),
                ZoneId.of("Australia/Sydney"));
    }

    @Test
    void coversTenToFourSydneyTimeStartIncludedEndExcluded() {
        BlackoutWindow window = window(true, "10:00", "16:00");

        assertThat(window.contains(MutableClock.sydney("2026-03-04T09:59:59"))).isFalse();
        assertThat(window.contains(MutableClock.sydney("2026-03-04T10:00"))).isTrue();
        assertThat(window.contains(MutableClock.sydney("2026-03-04T15:59:59"))).isTrue();
        assertThat(window.contains(MutableClock.sydney("2026-03-04T16:00"))).isFalse();
    }

    @Test
    void followsSydneyDaylightSaving() {
        BlackoutWindow window = window(true, "10:00", "16:00");

        // Sydney is UTC+10 in winter (AEST) and UTC+11 in summer (AEDT): the window moves in UTC.
        assertThat(window.contains(java.time.Instant.parse("2026-07-01T00:30:00Z"))).as("10:30 AEST").isTrue();
        assertThat(window.contains(java.time.Instant.parse("2026-01-14T23:30:00Z"))).as("10:30 AEDT").isTrue();
        assertThat(window.contains(java.time.Instant.parse("2026-07-01T06:30:00Z"))).as("16:30 AEST").isFalse();
        assertThat(window.contains(java.time.Instant.parse("2026-01-15T05:30:00Z"))).as("16:30 AEDT").isFalse();
    }

    @Test
    void aWindowCanRunPastMidnight() {
        BlackoutWindow window = window(true, "22:00", "02:00");

        assertThat(window.contains(MutableClock.sydney("2026-03-04T23:00"))).isTrue();
        assertThat(window.contains(MutableClock.sydney("2026-03-04T01:59"))).isTrue();
        assertThat(window.contains(MutableClock.sydney("2026-03-04T12:00"))).isFalse();
    }

    @Test
    void switchedOffItContainsNothing() {
        assertThat(window(false, "00:00", "23:59").contains(MutableClock.sydney("2026-03-04T11:00"))).isFalse();
    }

    @Test
    void describesItselfForCustomers() {
        assertThat(window(true, "10:00", "16:00").describe()).isEqualTo("every day from 10 am to 4 pm Sydney time");
        assertThat(window(true, "09:30", "12:00").describe())
                .isEqualTo("every day from 9:30 am to 12 pm Sydney time");
    }
}
