package io.etareport.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * Stops start-up in dev, staging and production when any variable the operators must set is
 * missing, naming all of them at once (the FailureAnalyzer prints it without a stack trace).
 * Operator commands only need the database.
 */
class RequiredSettings implements EnvironmentPostProcessor, Ordered {

    // FLASK_SECRET is not among them: the original signed its sessions with it, ours are server-side and need no
    // secret. The operators' env files may still set it; it is accepted and ignored.
    static final List<String> SERVICE = List.of("DATABASE", "GOOGLE_CLIENT_ID",
            "GOOGLE_CLIENT_SECRET", "BUZ_DD_USERNAME", "BUZ_DD_PASSWORD", "BUZ_CBR_USERNAME", "BUZ_CBR_PASSWORD");
    static final List<String> PRODUCTION_ONLY = List.of("SERVER_NAME");
    static final List<String> COMMAND = List.of("DATABASE");
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
        List<String> required = new ArrayList<>();
        if (environment.getProperty("eta.cli", Boolean.class, false)) {
            required.addAll(COMMAND);
        } else {
            required.addAll(SERVICE);
            if (profiles.contains("prod")) {
                required.addAll(PRODUCTION_ONLY);
            }
        }
        // DATABASE_URL (PostgreSQL) stands in for the SQLite file.
        boolean postgres = !isBlank(environment.getProperty("DATABASE_URL"));
        return required.stream().filter(name -> !(postgres && name.equals("DATABASE")))
                .filter(name -> isBlank(environment.getProperty(name))).toList();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
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
