package io.etareport.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * With {@code eta.demo.simulator-port=0}, picks a free port for the demo's simulator before the
 * Buz URLs that name it are bound, so several demo instances (tests) can run side by side.
 */
public class DemoSimulatorPort implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY = "eta.demo.simulator-port";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.acceptsProfiles(Profiles.of("demo"))
                || environment.getProperty(PROPERTY, Integer.class, -1) != 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            environment.getPropertySources().addFirst(
                    new MapPropertySource("demoSimulatorPort", Map.of(PROPERTY, socket.getLocalPort())));
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for the demo's Buz simulator", e);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 1;
    }
}
