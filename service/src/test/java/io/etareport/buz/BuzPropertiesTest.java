package io.etareport.buz;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
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

    @ParameterizedTest
    @ValueSource(strings = {"eta.buz.max-in-flight=0", "eta.buz.read-timeout=0s", "eta.buz.retry-backoff=-1s",
            "eta.buz.batch-concurrency=-2"})
    void theServiceRefusesToStartWithLimitsThatCannotWork(String setting) {
        new ApplicationContextRunner().withUserConfiguration(Settings.class).withPropertyValues(setting)
                .run(context -> assertThat(context).getFailure().rootCause()
                        .isInstanceOf(BindValidationException.class)
                        .hasMessageContaining(setting.substring(0, setting.indexOf('='))));
    }

    @Test
    void theDocumentedDefaultsPassValidation() {
        new ApplicationContextRunner().withUserConfiguration(Settings.class)
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(BuzProperties.class));
    }

    @EnableConfigurationProperties(BuzProperties.class)
    static class Settings {
    }

    private static BuzProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("eta.buz", BuzProperties.class);
    }
}
