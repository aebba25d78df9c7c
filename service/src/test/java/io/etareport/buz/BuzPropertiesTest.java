package io.etareport.buz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class BuzPropertiesTest {

    @Test
    void defaultsToProductionUrlsAndTheDocumentedLimits() {
        BuzProperties properties = bind(Map.of());

        assertThat(properties.baseUrl(Instance.DD)).isEqualTo(URI.create("https://api.buzmanager.com/reports/DESDR"));
        assertThat(properties.baseUrl(Instance.CBR)).isEqualTo(URI.create("https://api.buzmanager.com/reports/WATSO"));
        assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.readTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(properties.maxUrlLength()).isEqualTo(2000);
        assertThat(properties.maxPages()).isEqualTo(200);
        assertThat(properties.maxInFlight()).isEqualTo(4);
        assertThat(properties.retryBackoff()).isEqualTo(Duration.ofMillis(300));
        assertThat(properties.maxRetryAfter()).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.batchConcurrency()).isEqualTo(2);
        assertThat(properties.settings(Instance.DD).usePostQuery()).isFalse();
    }

    @Test
    void bindsEachInstanceAsTheEnvironmentMappingWritesIt() {
        BuzProperties properties = bind(Map.of(
                "eta.buz.instances.DD.url", "http://localhost:8089/reports/DESDR",
                "eta.buz.instances.DD.username", "dd-user",
                "eta.buz.instances.DD.password", "dd-secret",
                "eta.buz.instances.CBR.username", "cbr-user",
                "eta.buz.instances.CBR.use-post-query", "true",
                "eta.buz.read-timeout", "2s"));

        assertThat(properties.baseUrl(Instance.DD)).isEqualTo(URI.create("http://localhost:8089/reports/DESDR"));
        assertThat(properties.settings(Instance.DD).username()).isEqualTo("dd-user");
        assertThat(properties.settings(Instance.DD).password()).isEqualTo("dd-secret");
        assertThat(properties.baseUrl(Instance.CBR)).isEqualTo(URI.create("https://api.buzmanager.com/reports/WATSO"));
        assertThat(properties.settings(Instance.CBR).username()).isEqualTo("cbr-user");
        assertThat(properties.settings(Instance.CBR).usePostQuery()).isTrue();
        assertThat(properties.readTimeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void anEmptyUrlVariableFallsBackToProduction() {
        BuzProperties properties = bind(Map.of("eta.buz.instances.DD.url", "", "eta.buz.instances.DD.username", "u"));

        assertThat(properties.baseUrl(Instance.DD)).isEqualTo(URI.create("https://api.buzmanager.com/reports/DESDR"));
        assertThat(properties.settings(Instance.DD).username()).isEqualTo("u");
    }

    @Test
    void neverPrintsPasswords() {
        BuzProperties properties = bind(Map.of("eta.buz.instances.DD.username", "u",
                "eta.buz.instances.DD.password", "hunter2"));

        assertThat(properties.settings(Instance.DD).toString()).doesNotContain("hunter2");
        assertThat(properties.toString()).doesNotContain("hunter2");
    }

    @Test
    void refusesLimitsThatCannotWork() {
        assertThatThrownBy(() -> bind(Map.of("eta.buz.max-in-flight", "0"))).isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("eta.buz.max-in-flight");
    }

    private static BuzProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("eta.buz", BuzProperties.class);
    }
}
