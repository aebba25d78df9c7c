package io.etareport.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class AppEnvironmentTest {

    private static final String[] NO_ARGS = {};

    @Test
    void appEnvSelectsTheProfileAndProductionIsTheDefault() {
        assertThat(AppEnvironment.additionalProfiles(Map.of(), NO_ARGS)).containsExactly("prod");
        assertThat(AppEnvironment.additionalProfiles(Map.of("APP_ENV", "production"), NO_ARGS)).containsExactly("prod");
        assertThat(AppEnvironment.additionalProfiles(Map.of("APP_ENV", "staging"), NO_ARGS)).containsExactly("staging");
        assertThat(AppEnvironment.additionalProfiles(Map.of("APP_ENV", "development"), NO_ARGS)).containsExactly("dev");
    }

    @Test
    void anUnknownAppEnvIsRefusedRatherThanGuessed() {
        assertThatThrownBy(() -> AppEnvironment.additionalProfiles(Map.of("APP_ENV", "prodution"), NO_ARGS))
                .hasMessageContaining("APP_ENV must be development, staging or production");
    }

    @Test
    void theDemoProfileRunsAloneAndNeverBesideProduction() {
        String[] demo = {"--spring.profiles.active=demo"};
        assertThat(AppEnvironment.additionalProfiles(Map.of(), demo)).isEmpty();
        assertThat(AppEnvironment.additionalProfiles(Map.of("SPRING_PROFILES_ACTIVE", "demo"), NO_ARGS)).isEmpty();
        assertThatThrownBy(() -> AppEnvironment.additionalProfiles(Map.of("APP_ENV", "production"), demo))
                .hasMessageContaining("demo profile cannot run with APP_ENV=production");
    }
}
