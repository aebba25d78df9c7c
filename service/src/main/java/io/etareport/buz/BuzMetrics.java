package io.etareport.buz;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.stereotype.Component;

/** Every HTTP exchange with BuzManager, counted by instance, entity set and outcome, and timed. */
@Component
class BuzMetrics {

    private final MeterRegistry registry;

    BuzMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** For a client built outside Spring (tests, benchmarks): counts into a registry nobody reads. */
    static BuzMetrics none() {
        return new BuzMetrics(new SimpleMeterRegistry());
    }

    /** @param failure null for a page received */
    void exchange(Instance instance, String entitySet, BuzException failure, long nanos) {
        String outcome = failure == null ? "ok" : failure.kind().name().toLowerCase(Locale.ROOT);
        Counter.builder("eta.upstream.requests")
                .description("HTTP requests to BuzManager by instance, entity set and outcome")
                .tag("instance", instance.name())
                .tag("entity_set", entitySet)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
        Timer.builder("eta.upstream.latency")
                .description("Time of one HTTP request to BuzManager, answer read")
                .tag("instance", instance.name())
                .tag("entity_set", entitySet)
                .publishPercentileHistogram()
                .maximumExpectedValue(java.time.Duration.ofMinutes(1))
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }
}
