package io.etareport.cache;

import java.time.Duration;
import java.time.LocalTime;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the cache of upstream results behaves when the supplier's API fails.
 *
 * @param cooldown after a 503, how long a key is served from its stored copy without calling live
 * @param blackout the supplier's daily switch-off, when stored copies are served without calling
 * @param force503 simulate a 503 for every live call, without calling upstream ({@code BUZ_FORCE_503=1})
 */
@ConfigurationProperties("eta.cache")
@Validated
record CacheProperties(
        @DefaultValue("10m") @DurationMin(nanos = 0) Duration cooldown,
        @DefaultValue Blackout blackout,
        @DefaultValue("false") boolean force503) {

    /**
     * The supplier switches its API off every day between {@code start} and {@code end}, in the service's time zone
     * ({@code eta.time-zone}).
     */
    public record Blackout(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("10:00") LocalTime start,
            @DefaultValue("16:00") LocalTime end) {
    }
}
