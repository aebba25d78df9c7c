package io.etareport.cache;

import java.time.Duration;
import java.time.LocalTime;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the cache of upstream results behaves when the supplier's API is slow or fails.
 *
 * @param staleDeadline   when a stored copy exists, how long a caller waits for the live answer
 *                        before getting the copy (the live call carries on and refreshes it)
 * @param breaker         the circuit breaker per instance, which stops calling a failing supplier
 * @param blackout        the supplier's daily switch-off, when stored copies are served without calling
 * @param force503        simulate a 503 for every live call, without calling upstream ({@code BUZ_FORCE_503=1})
 * @param groupMembersTtl how long a customer group's member list is used before it is asked for again
 */
@ConfigurationProperties("eta.cache")
@Validated
record CacheProperties(
        @DefaultValue("4s") @DurationMin(nanos = 0) Duration staleDeadline,
        @DefaultValue Breaker breaker,
        @DefaultValue Blackout blackout,
        @DefaultValue("false") boolean force503,
        @DefaultValue("1d") Duration groupMembersTtl) {

    /**
     * The supplier switches its API off every day between {@code start} and {@code end}, in the service's time zone
     * ({@code eta.time-zone}).
     *
     * @param enabled serve stored copies without calling the supplier during the window
     * @param start   when the supplier's daily switch-off begins (HH:mm)
     * @param end     when it ends (HH:mm)
     */
    public record Blackout(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("10:00") LocalTime start,
            @DefaultValue("16:00") LocalTime end) {
    }

    /**
     * @param failures      consecutive failed calls (timeouts, 5xx, connection failures) to one
     *                      instance that open its breaker
     * @param openFor       how long an open breaker skips the supplier before one probe call
     * @param maxRetryAfter the longest {@code Retry-After} the breaker honours by staying open
     */
    public record Breaker(
            @DefaultValue("3") int failures,
            @DefaultValue("30s") Duration openFor,
            @DefaultValue("10m") Duration maxRetryAfter) {
    }
}
