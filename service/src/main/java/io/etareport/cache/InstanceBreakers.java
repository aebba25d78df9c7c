package io.etareport.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.etareport.buz.BuzException;
import io.etareport.buz.Instance;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Resilience4j circuit breaker per Buz instance. A run of failed calls (outages, not refused
 * requests) opens it; while open nobody calls that instance; after {@code openFor} one probe goes
 * through, and its success closes the breaker. A {@code Retry-After} keeps it open at least that long.
 * It remembers the last failure's kind, so a caller turned away can be told why.
 */
final class InstanceBreakers {

    private static final Logger log = LoggerFactory.getLogger(InstanceBreakers.class);

    private final Map<Instance, CircuitBreaker> breakers = new EnumMap<>(Instance.class);
    private final Map<Instance, BuzException.Kind> lastFailure = new ConcurrentHashMap<>();
    private final CacheProperties.Breaker settings;
    private final Clock clock;

    InstanceBreakers(CacheProperties.Breaker settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        int failures = Math.max(1, settings.failures());
        // A count window of N calls that all failed is exactly N consecutive failures.
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindow(failures, failures, CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(100)
                .waitDurationInOpenState(settings.openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordException(InstanceBreakers::isOutage)
                .clock(clock)
                .build();
        for (Instance instance : Instance.values()) {
            CircuitBreaker breaker = CircuitBreaker.of("buz-" + instance.name(), config);
            breaker.getEventPublisher().onStateTransition(event -> log.warn("Buz {} circuit breaker: {}", instance,
                    event.getStateTransition()));
            breakers.put(instance, breaker);
        }
    }

    /** Whether a call to {@code instance} may go out now; when true, its outcome must be recorded. */
    boolean tryCall(Instance instance) {
        return breakers.get(instance).tryAcquirePermission();
    }

    void succeeded(Instance instance, long nanos) {
        breakers.get(instance).onSuccess(nanos, TimeUnit.NANOSECONDS);
    }

    /** Records a failed call; a refused request or a bug does not count against the supplier. */
    void failed(Instance instance, long nanos, Throwable failure) {
        CircuitBreaker breaker = breakers.get(instance);
        breaker.onError(nanos, TimeUnit.NANOSECONDS, failure);
        if (!(failure instanceof BuzException buz) || !isOutage(failure)) {
            return;
        }
        lastFailure.put(instance, buz.kind());
        Duration retryAfter = buz.retryAfter();
        if (retryAfter != null && !retryAfter.isZero() && !retryAfter.isNegative()) {
            Duration wait = retryAfter.compareTo(settings.maxRetryAfter()) > 0 ? settings.maxRetryAfter() : retryAfter;
            if (wait.compareTo(settings.openFor()) > 0 || breaker.getState() == CircuitBreaker.State.OPEN) {
                // The supplier said when to come back: not before then, whatever the run of failures.
                breaker.transitionToOpenStateUntil(laterOf(Instant.now(clock).plus(wait),
                        Instant.now(clock).plus(settings.openFor())));
            }
        }
    }

    /** Why the supplier was last failing, for the message of a caller the open breaker turned away. */
    BuzException.Kind lastFailure(Instance instance) {
        return lastFailure.getOrDefault(instance, BuzException.Kind.UNAVAILABLE);
    }

    void reset() {
        breakers.values().forEach(CircuitBreaker::reset);
        lastFailure.clear();
    }

    CircuitBreaker.State state(Instance instance) {
        return breakers.get(instance).getState();
    }

    private static Instant laterOf(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static boolean isOutage(Throwable failure) {
        return failure instanceof BuzException buz && buz.kind() != BuzException.Kind.REJECTED;
    }
}
