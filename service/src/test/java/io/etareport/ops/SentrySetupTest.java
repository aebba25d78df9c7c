package io.etareport.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.sentry.Sentry;
import io.sentry.SentryEvent;
import io.sentry.spring.boot4.SentryAutoConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.env.MockEnvironment;

/**
 * Sentry is on only with a DSN, never with SENTRY_DISABLED=1 or in tests, and always with our
 * filter. Nothing here sends anything: no event is captured while Sentry is on.
 */
class SentrySetupTest {

    private static final String UNREACHABLE_DSN = "sentry.dsn=https://public@sentry.invalid/1";

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SentryAutoConfiguration.class))
            .withUserConfiguration(SentryConfig.class, ClockConfig.class);

    @AfterEach
    void close() {
        Sentry.close();
    }

    @Test
    void withADsnSentryStartsWithOurFilterAndTheEnvironmentName() {
        context.withPropertyValues(UNREACHABLE_DSN, "SENTRY_DISABLED=0", "eta.environment=staging").run(started -> {
            assertThat(Sentry.isEnabled()).isTrue();
            var options = Sentry.getCurrentScopes().getOptions();
            assertThat(options.getBeforeSend()).isInstanceOf(SentryEventFilter.class);
            assertThat(options.getBeforeBreadcrumb()).isInstanceOf(SentryEventFilter.class);
            assertThat(options.isSendDefaultPii()).isFalse();
            assertThat(options.getEnvironment()).isEqualTo("staging");
        });
    }

    @Test
    void sentryDisabledKeepsItOffEvenWithADsn() {
        context.withPropertyValues(UNREACHABLE_DSN, "SENTRY_DISABLED=1").run(started ->
                assertThat(Sentry.isEnabled()).isFalse());
    }

    @Test
    void theTestProfileKeepsItOff() {
        context.withPropertyValues(UNREACHABLE_DSN, "SENTRY_DISABLED=0", "spring.profiles.active=test")
                .run(started -> assertThat(Sentry.isEnabled()).isFalse());
    }

    @Test
    void withoutADsnThereIsNoSentryAtAll() {
        context.run(started -> {
            assertThat(started).doesNotHaveBean(SentryAutoConfiguration.class);
            assertThat(Sentry.isEnabled()).isFalse();
        });
    }

    @Test
    void theEnvironmentIsNamedAfterTheProfile() {
        assertThat(SentryConfig.environmentName(environment("prod"))).isEqualTo("production");
        assertThat(SentryConfig.environmentName(environment("staging"))).isEqualTo("staging");
        assertThat(SentryConfig.environmentName(environment("dev"))).isEqualTo("development");
        assertThat(SentryConfig.environmentName(environment("demo"))).isEqualTo("demo");
    }

    @Test
    void jobFailuresCarryTheJobAndTheCustomer() {
        List<SentryEvent> captured = new ArrayList<>();
        Sentry.init(options -> {
            options.setDsn("https://public@sentry.invalid/1");
            // Kept here and never sent.
            options.setBeforeSend((event, hint) -> {
                captured.add(event);
                return null;
            });
        });

        new ErrorReporter().jobFailed("job-42", 7L, new IllegalStateException("Report failed"));

        assertThat(captured).hasSize(1);
        SentryEvent event = captured.get(0);
        assertThat(event.getThrowable()).hasMessage("Report failed");
        assertThat(event.getTag("job_id")).isEqualTo("job-42");
        assertThat(event.getTag("customer_id")).isEqualTo("7");
        assertThat(event.getContexts().get("job")).isEqualTo(Map.of("job_id", "job-42", "customer_id", 7L));
    }

    @Test
    void reportingAJobFailureDoesNothingWhenSentryIsOff() {
        Sentry.close();

        new ErrorReporter().jobFailed("job-42", 7L, new IllegalStateException("Report failed"));

        assertThat(Sentry.isEnabled()).isFalse();
    }

    private static MockEnvironment environment(String profile) {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles(profile);
        return environment;
    }
}
