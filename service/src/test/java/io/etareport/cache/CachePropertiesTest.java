package io.etareport.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class CachePropertiesTest {

    private static CacheProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("eta.cache", Bindable.of(CacheProperties.class));
    }

    @Test
    void defaultsAreAFourSecondDeadlineABreakerOfThreeFailuresAndThirtySecondsAndTheTenToFourBlackout() {
        CacheProperties properties = bind(Map.of());

        assertThat(properties.staleDeadline()).isEqualTo(Duration.ofSeconds(4));
        assertThat(properties.breaker()).isEqualTo(new CacheProperties.Breaker(3, Duration.ofSeconds(30),
                Duration.ofMinutes(10)));
        assertThat(properties.groupMembersTtl()).isEqualTo(Duration.ofDays(1));
        assertThat(properties.blackout()).isEqualTo(new CacheProperties.Blackout(true, LocalTime.of(10, 0),
                LocalTime.of(16, 0)));
        assertThat(properties.force503()).isFalse();
    }

    @Test
    void operatorsCanChangeEveryPartAndForce503WithOne() {
        CacheProperties properties = bind(Map.of(
                "eta.cache.stale-deadline", "2s",
                "eta.cache.breaker.failures", "5",
                "eta.cache.breaker.open-for", "1m",
                "eta.cache.blackout.enabled", "false",
                "eta.cache.blackout.start", "09:30",
                "eta.cache.blackout.end", "17:00",
                "eta.cache.force503", "1"));

        assertThat(properties.staleDeadline()).isEqualTo(Duration.ofSeconds(2));
        assertThat(properties.breaker().failures()).isEqualTo(5);
        assertThat(properties.breaker().openFor()).isEqualTo(Duration.ofMinutes(1));
        assertThat(properties.blackout()).isEqualTo(new CacheProperties.Blackout(false, LocalTime.of(9, 30),
                LocalTime.of(17, 0)));
        assertThat(properties.force503()).isTrue();
    }
}
