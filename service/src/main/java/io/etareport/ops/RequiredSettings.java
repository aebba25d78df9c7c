package io.etareport.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * Stops start-up in dev, staging and production when any variable the operators must set is
 * missing, naming all of them at once by their environment variables (the FailureAnalyzer prints it without a
 * stack trace). A value counts however Spring was given it, not only through that variable.
 * Operator commands only need the database.
 */
class RequiredSettings implements EnvironmentPostProcessor, Ordered {

    // FLASK_SECRET is not among them: the original signed its sessions with it, ours are server-side and need no
    // secret. The operators' env files may still set it; it is accepted and ignored.
    static final List<Setting> SERVICE = List.of(
            new Setting("DATABASE", "eta.database.path"),
            new Setting("GOOGLE_CLIENT_ID", "spring.security.oauth2.client.registration.google.client-id"),
            new Setting("GOOGLE_CLIENT_SECRET", "spring.security.oauth2.client.registration.google.client-secret"),
            new Setting("BUZ_DD_USERNAME", "eta.buz.instances.dd.username"),
            new Setting("BUZ_DD_PASSWORD", "eta.buz.instances.dd.password"),
            new Setting("BUZ_CBR_USERNAME", "eta.buz.instances.cbr.username"),
            new Setting("BUZ_CBR_PASSWORD", "eta.buz.instances.cbr.password"));
    static final List<Setting> PRODUCTION_ONLY = List.of(new Setting("SERVER_NAME", "eta.links.server-name"));
    static final List<Setting> COMMAND = List.of(SERVICE.get(0));
    private static final Setting DATABASE_URL = new Setting("DATABASE_URL", "eta.database.url");
    /** application*.yml's stand-in for a missing Google client id, which lets operator commands start. */
    private static final String NOT_SET = "not-set";
    private static final Set<String> REAL_ENVIRONMENTS = Set.of("dev", "staging", "prod");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<String> missing = missing(environment);
        if (!missing.isEmpty()) {
            throw new MissingSettingsException(missing);
        }
    }

    static List<String> missing(Environment environment) {
        List<String> profiles = List.of(environment.getActiveProfiles());
        if (profiles.stream().noneMatch(REAL_ENVIRONMENTS::contains)) {
            return List.of();
        }
        Binder binder = environment instanceof ConfigurableEnvironment configurable ? Binder.get(configurable) : null;
        List<Setting> required = new ArrayList<>();
        if (environment.getProperty("eta.cli", Boolean.class, false)) {
            required.addAll(COMMAND);
        } else {
            required.addAll(SERVICE);
            if (profiles.contains("prod")) {
                required.addAll(PRODUCTION_ONLY);
            }
        }
        // DATABASE_URL (PostgreSQL) stands in for the SQLite file.
        boolean postgres = DATABASE_URL.isSet(environment, binder);
        return required.stream().filter(setting -> !(postgres && setting.variable().equals("DATABASE")))
                .filter(setting -> !setting.isSet(environment, binder)).map(Setting::variable).toList();
    }

    /**
     * A required value: set by its environment variable (the operators' name, which messages use) or by any
     * of Spring's ways of setting the property it fills ({@code SPRING_APPLICATION_JSON}, a system property,
     * {@code --name=value}, a relaxed environment variable such as {@code ETA_DATABASE_PATH}, a config file).
     */
    record Setting(String variable, String property) {

        boolean isSet(Environment environment, Binder binder) {
            if (hasValue(environment.getProperty(variable))) {
                return true;
            }
            String bound = binder == null ? environment.getProperty(property)
                    : binder.bind(ConfigurationPropertyName.of(property), Bindable.of(String.class)).orElse(null);
            return hasValue(bound);
        }

        private static boolean hasValue(String value) {
            return value != null && !value.isBlank() && !value.strip().equals(NOT_SET);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Start-up stopped for lack of settings. */
    public static class MissingSettingsException extends RuntimeException {

        private final List<String> names;

        MissingSettingsException(List<String> names) {
            super("Missing required environment variables: " + String.join(", ", names));
            this.names = List.copyOf(names);
        }

        public List<String> names() {
            return names;
        }
    }
}
