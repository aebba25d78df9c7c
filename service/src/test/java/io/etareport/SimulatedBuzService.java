package io.etareport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.etareport.buz.Instance;
import io.etareport.simulator.BuzSimulator;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * One Buz simulator for every Spring test that runs the whole service against it over real HTTP
 * ({@link ServiceTest}). Tests that change its faults must {@link BuzSimulator#reset()} it when they finish.
 */
public final class SimulatedBuzService {

    public static final BuzSimulator SIMULATOR = BuzSimulator.start(0);

    private SimulatedBuzService() {
    }

    /** Both instances at the shared simulator, with short timeouts and no blackout window. */
    private static Map<String, Object> settings() {
        Map<String, Object> settings = instances(SIMULATOR);
        settings.put("eta.buz.retry-backoff", "10ms");
        settings.put("eta.buz.read-timeout", "5s");
        // Tests run at any hour; the window has tests of its own.
        settings.put("eta.cache.blackout.enabled", "false");
        // Tests sharing this service provoke failures one after another; a breaker opened by one
        // would answer the next. The breaker has tests of its own (CachedBuzOverHttpIntegrationTest).
        settings.put("eta.cache.breaker.failures", "50");
        return settings;
    }

    private static Map<String, Object> instances(BuzSimulator simulator) {
        Map<String, Object> settings = new LinkedHashMap<>();
        for (Instance instance : Instance.values()) {
            String prefix = "eta.buz.instances." + instance.name() + ".";
            settings.put(prefix + "url", simulator.baseUrl(instance.code()));
            settings.put(prefix + "username", simulator.credentials(instance.code()).username());
            settings.put(prefix + "password", simulator.credentials(instance.code()).password());
        }
        return settings;
    }

    /**
     * {@link ServiceTest}'s link to the simulator: its settings rank below a test class's own properties
     * (so a class may shorten a timeout) and above the application's configuration files.
     */
    public static final class PropertiesFactory implements ContextCustomizerFactory {

        private static final String INLINED = "Inlined Test Properties";

        @Override
        public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                         List<ContextConfigurationAttributes> configAttributes) {
            return new Customizer();
        }

        private record Customizer() implements ContextCustomizer {

            @Override
            public void customizeContext(ConfigurableApplicationContext context,
                                         MergedContextConfiguration mergedConfig) {
                MutablePropertySources sources = context.getEnvironment().getPropertySources();
                MapPropertySource simulator = new MapPropertySource("Simulated Buz", settings());
                if (sources.contains(INLINED)) {
                    sources.addAfter(INLINED, simulator);
                } else {
                    sources.addFirst(simulator);
                }
            }
        }
    }
}
