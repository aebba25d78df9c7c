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

    /** Points both instances at the simulator, with short timeouts and no blackout window. */
    public static void register(DynamicPropertyRegistry registry) {
        for (Instance instance : Instance.values()) {
            String prefix = "eta.buz.instances." + instance.name() + ".";
            registry.add(prefix + "url", () -> SIMULATOR.baseUrl(instance.code()));
            registry.add(prefix + "username", () -> SIMULATOR.credentials(instance.code()).username());
            registry.add(prefix + "password", () -> SIMULATOR.credentials(instance.code()).password());
        }
        registry.add("eta.buz.retry-backoff", () -> "10ms");
        registry.add("eta.buz.read-timeout", () -> "5s");
        // Tests run at any hour; the window has tests of its own.
        registry.add("eta.cache.blackout.enabled", () -> "false");
    }
}
