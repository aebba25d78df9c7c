package io.etareport;

import io.etareport.buz.Instance;
import io.etareport.simulator.BuzSimulator;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One Buz simulator for every Spring test that runs the whole service against it over real HTTP.
 * Tests that change its faults must {@link BuzSimulator#reset()} it when they finish.
 */
public final class SimulatedBuzService {

    public static final BuzSimulator SIMULATOR = BuzSimulator.start(0);

    private SimulatedBuzService() {
    }

    /** Points both instances at the shared simulator, with short timeouts and no blackout window. */
    public static void register(DynamicPropertyRegistry registry) {
        pointAt(registry, SIMULATOR);
        registry.add("eta.buz.retry-backoff", () -> "10ms");
        registry.add("eta.buz.read-timeout", () -> "5s");
        // Tests run at any hour; the window has tests of its own.
        registry.add("eta.cache.blackout.enabled", () -> "false");
        // Tests sharing this service provoke failures one after another; a breaker opened by one
        // would answer the next. The breaker has tests of its own (CachedBuzOverHttpTest).
        registry.add("eta.cache.breaker.failures", () -> "50");
    }

    /** Points both instances at {@code simulator}: URLs and credentials, nothing else. */
    public static void pointAt(DynamicPropertyRegistry registry, BuzSimulator simulator) {
        for (Instance instance : Instance.values()) {
            String prefix = "eta.buz.instances." + instance.name() + ".";
            registry.add(prefix + "url", () -> simulator.baseUrl(instance.code()));
            registry.add(prefix + "username", () -> simulator.credentials(instance.code()).username());
            registry.add(prefix + "password", () -> simulator.credentials(instance.code()).password());
        }
    }
}
