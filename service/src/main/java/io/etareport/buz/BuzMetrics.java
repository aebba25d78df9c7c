package io.etareport.buz;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Every HTTP exchange with BuzManager, counted by instance, entity set and outcome, and timed; and the bottleneck
 * in front of them: how many requests wait for one of an instance's {@code eta.buz.max-in-flight} slots, how many
 * slots are taken, and how long a request waited for one.
 */
@Component
class BuzMetrics {

    private final MeterRegistry registry;
    private final Map<Instance, AtomicInteger> waiting = new EnumMap<>(Instance.class);

    BuzMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Instance instance : Instance.values()) {
            AtomicInteger count = new AtomicInteger();
            waiting.put(instance, count);
            Gauge.builder("eta.upstream.slots.waiting", count, AtomicInteger::get)
                    .description("Requests to BuzManager waiting for a free slot (eta.buz.max-in-flight), per instance")
                    .tag("instance", instance.name())
                    .register(registry);
        }
    }

    /** The instance's slots: the gauge of those taken reads the semaphore the client holds for its lifetime. */
    void slots(Instance instance, Semaphore slots, int max) {
        Gauge.builder("eta.upstream.slots.in_use", slots, each -> max - each.availablePermits())
                .description("Requests to BuzManager holding one of the instance's slots (eta.buz.max-in-flight)")
                .tag("instance", instance.name())
                .register(registry);
        Gauge.builder("eta.upstream.slots.max", slots, each -> max)
                .description("Slots per instance: requests to BuzManager open at once at most (eta.buz.max-in-flight)")
                .tag("instance", instance.name())
                .register(registry);
    }

    /** A request starts waiting for a slot; {@link #waited} ends the wait. */
    void waiting(Instance instance) {
        waiting.get(instance).incrementAndGet();
    }

    /** @param acquired false when the wait ran out ({@code eta.buz.read-timeout}) or was interrupted */
    void waited(Instance instance, boolean acquired, long nanos) {
        waiting.get(instance).decrementAndGet();
        Timer.builder("eta.upstream.slot.wait")
                .description("Time a request to BuzManager waited for a free slot, per instance")
                .tag("instance", instance.name())
                .tag("outcome", acquired ? "acquired" : "timed_out")
                .publishPercentileHistogram()
                .maximumExpectedValue(java.time.Duration.ofMinutes(1))
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
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
