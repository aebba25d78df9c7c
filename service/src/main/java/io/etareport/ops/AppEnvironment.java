package io.etareport.ops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the operators' {@code APP_ENV} into a Spring profile: development → dev, staging →
 * staging, production (or nothing) → prod. The demo profile runs on embedded defaults and is
 * refused when APP_ENV names a real environment, so it can never serve real customers.
 */
public final class AppEnvironment {

    private AppEnvironment() {
    }

    /** Profiles to add to whatever was asked for explicitly. */
    public static List<String> additionalProfiles(Map<String, String> env, String[] args) {
        List<String> requested = requestedProfiles(env, args);
        String appEnv = env.getOrDefault("APP_ENV", "").trim();
        if (requested.contains("demo")) {
            if (!appEnv.isEmpty() && !appEnv.equalsIgnoreCase("development")) {
                throw new IllegalStateException("The demo profile cannot run with APP_ENV=" + appEnv
                        + ": demo sign-in and demo data are for trying the service out only.");
            }
            return List.of();
        }
        return List.of(profileFor(appEnv));
    }

    static String profileFor(String appEnv) {
        return switch (appEnv.toLowerCase(Locale.ROOT)) {
            case "", "production", "prod" -> "prod";
            case "staging" -> "staging";
            case "development", "dev" -> "dev";
            default -> throw new IllegalStateException(
                    "APP_ENV must be development, staging or production, not '" + appEnv + "'.");
        };
    }

    private static List<String> requestedProfiles(Map<String, String> env, String[] args) {
        List<String> profiles = new ArrayList<>();
        add(profiles, System.getProperty("spring.profiles.active"));
        add(profiles, env.get("SPRING_PROFILES_ACTIVE"));
        for (String arg : args) {
            if (arg.startsWith("--spring.profiles.active=")) {
                add(profiles, arg.substring("--spring.profiles.active=".length()));
            }
        }
        return profiles;
    }

    private static void add(List<String> profiles, String csv) {
        if (csv != null) {
            Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(profiles::add);
        }
    }
}
