package io.etareport.ops;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import io.sentry.Sentry;
import io.sentry.SentryOptions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Error reporting to Sentry. The Sentry starter switches itself on when {@code SENTRY_DSN} is set;
 * this adds our rules: off when {@code SENTRY_DISABLED=1} or in tests, no personal data, no
 * repeats within a minute, and the environment named after the profile.
 */
@Configuration(proxyBeanMethods = false)
class SentryConfig {

    static final Duration REPEAT_WINDOW = Duration.ofSeconds(60);
    static final int REMEMBERED_EVENTS = 200;
    private static final Map<String, String> ENVIRONMENTS = Map.of("prod", "production", "staging", "staging",
            "dev", "development", "demo", "demo", "test", "test");

    @Bean
    Sentry.OptionsConfiguration<SentryOptions> sentryRules(Environment environment, Clock clock) {
        SentryEventFilter filter = new SentryEventFilter(new RecentEvents(clock, REPEAT_WINDOW, REMEMBERED_EVENTS));
        return options -> {
            options.setEnabled(enabled(environment));
            if (!environment.containsProperty("sentry.environment")) {
                options.setEnvironment(environmentName(environment));
            }
            options.setSendDefaultPii(false);
            options.setMaxRequestBodySize(SentryOptions.RequestSize.NONE);
            options.setBeforeSend(filter);
            options.setBeforeBreadcrumb(filter);
        };
    }

    static boolean enabled(Environment environment) {
        boolean disabled = "1".equals(environment.getProperty("SENTRY_DISABLED", "").trim());
        return !disabled && !environment.matchesProfiles("test");
    }

    static String environmentName(Environment environment) {
        for (String profile : environment.getActiveProfiles()) {
            if (ENVIRONMENTS.containsKey(profile)) {
                return ENVIRONMENTS.get(profile);
            }
        }
        return environment.getProperty("eta.environment", "production");
    }
}
