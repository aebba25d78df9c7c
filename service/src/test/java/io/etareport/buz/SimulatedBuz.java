package io.etareport.buz;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import io.etareport.simulator.BuzSimulator;
import io.etareport.simulator.SimulatorSettings;

import org.springframework.web.client.RestClient;

/** A client and the queries, wired by hand against a running simulator, with short timeouts for tests. */
final class SimulatedBuz {

    private final BuzSimulator simulator;
    private Duration connectTimeout = Duration.ofSeconds(1);
    private Duration readTimeout = Duration.ofSeconds(5);
    private int maxUrlLength = 2000;
    private int maxPages = 200;
    private int maxInFlight = 4;
    private Duration retryBackoff = Duration.ofMillis(50);
    private Duration maxRetryAfter = Duration.ofSeconds(2);
    private int batchConcurrency = 2;
    private boolean usePostQuery;
    private String ddPassword;

    SimulatedBuz(BuzSimulator simulator) {
        this.simulator = simulator;
    }

    SimulatedBuz readTimeout(Duration value) {
        readTimeout = value;
        return this;
    }

    SimulatedBuz connectTimeout(Duration value) {
        connectTimeout = value;
        return this;
    }

    SimulatedBuz maxUrlLength(int value) {
        maxUrlLength = value;
        return this;
    }

    SimulatedBuz maxPages(int value) {
        maxPages = value;
        return this;
    }

    SimulatedBuz maxInFlight(int value) {
        maxInFlight = value;
        return this;
    }

    SimulatedBuz batchConcurrency(int value) {
        batchConcurrency = value;
        return this;
    }

    SimulatedBuz usePostQuery() {
        usePostQuery = true;
        return this;
    }

    SimulatedBuz ddPassword(String value) {
        ddPassword = value;
        return this;
    }

    BuzProperties properties() {
        Map<Instance, BuzProperties.InstanceSettings> instances = new EnumMap<>(Instance.class);
        for (Instance instance : Instance.values()) {
            SimulatorSettings.Credentials credentials = simulator.credentials(instance.code());
            String password = instance == Instance.DD && ddPassword != null ? ddPassword : credentials.password();
            instances.put(instance, new BuzProperties.InstanceSettings(simulator.baseUrl(instance.code()),
                    credentials.username(), password, usePostQuery));
        }
        return new BuzProperties(instances, connectTimeout, readTimeout, maxUrlLength, maxPages, maxInFlight,
                retryBackoff, maxRetryAfter, batchConcurrency);
    }

    /** The harmless columns application.yml approves by default. */
    static final ColumnRegistry DEFAULT_COLUMNS = ColumnRegistry.fixed(
            java.util.List.of("Qty", "Quantity", "Width", "Drop", "Location", "Colour", "Color", "DateOrdered"));

    BuzClient client() {
        return new BuzClient(properties(), RestClient.builder());
    }

    /** A client whose metrics go to this registry. */
    BuzClient client(io.micrometer.core.instrument.MeterRegistry registry) {
        return new BuzClient(properties(), RestClient.builder(), new BuzMetrics(registry));
    }

    BuzQueries queries() {
        BuzProperties properties = properties();
        return new BuzQueries(new BuzClient(properties, RestClient.builder()), properties, DEFAULT_COLUMNS);
    }
}
