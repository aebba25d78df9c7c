package io.etareport.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

class RequiredSettingsTest {

    private final RequiredSettings settings = new RequiredSettings();

    @Test
    void productionWithNothingSetNamesEveryMissingVariableInOneMessage() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("prod");

        assertThatThrownBy(() -> settings.postProcessEnvironment(environment, null))
                .isInstanceOf(RequiredSettings.MissingSettingsException.class)
                .hasMessage("Missing required environment variables: DATABASE, GOOGLE_CLIENT_ID,"
                        + " GOOGLE_CLIENT_SECRET, BUZ_DD_USERNAME, BUZ_DD_PASSWORD, BUZ_CBR_USERNAME,"
                        + " BUZ_CBR_PASSWORD, SERVER_NAME");
    }

    @Test
    void onlyTheMissingOnesAreNamedAndBlankCountsAsMissing() {
        MockEnvironment environment = all();
        environment.setActiveProfiles("prod");
        environment.setProperty("GOOGLE_CLIENT_SECRET", "  ");
        MockEnvironment without = copyWithout(environment, "BUZ_CBR_PASSWORD");

        assertThat(RequiredSettings.missing(without)).containsExactly("GOOGLE_CLIENT_SECRET", "BUZ_CBR_PASSWORD");
    }

    @Test
    void databaseUrlStandsInForTheSqliteFile() {
        MockEnvironment environment = copyWithout(all(), "DATABASE").withProperty("DATABASE_URL", "jdbc:postgresql://db/eta");
        environment.setActiveProfiles("prod");

        assertThat(RequiredSettings.missing(environment)).isEmpty();
    }

    @Test
    void flaskSecretIsAcceptedButNotRequiredBecauseNothingUsesIt() {
        MockEnvironment environment = copyWithout(all(), "FLASK_SECRET");
        environment.setActiveProfiles("prod");
        MockEnvironment withIt = all().withProperty("FLASK_SECRET", "from-the-old-env-file");
        withIt.setActiveProfiles("prod");

        assertThat(RequiredSettings.missing(environment)).isEmpty();
        assertThat(RequiredSettings.missing(withIt)).isEmpty();
    }

    @Test
    void developmentDoesNotNeedServerName() {
        MockEnvironment environment = copyWithout(all(), "SERVER_NAME");
        environment.setActiveProfiles("dev");

        assertThat(RequiredSettings.missing(environment)).isEmpty();
    }

    @Test
    void demoAndTestsNeedNothing() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("demo");

        assertThat(RequiredSettings.missing(environment)).isEmpty();
    }

    @Test
    void operatorCommandsNeedOnlyTheDatabase() {
        MockEnvironment environment = new MockEnvironment().withProperty("eta.cli", "true");
        environment.setActiveProfiles("prod");

        assertThat(RequiredSettings.missing(environment)).containsExactly("DATABASE");
    }

    @Test
    void aValueGivenTheSpringWayCountsAndTheMessageStillNamesTheVariable() {
        // What SPRING_APPLICATION_JSON, --name=value or a relaxed ETA_DATABASE_PATH become: the bound property.
        MockEnvironment environment = new MockEnvironment()
                .withProperty("eta.database.path", "/var/lib/eta-report/eta.db")
                .withProperty("spring.security.oauth2.client.registration.google.client-id", "id.apps.example")
                .withProperty("spring.security.oauth2.client.registration.google.client-secret", "secret")
                .withProperty("eta.buz.instances.DD.username", "dd-user")
                .withProperty("eta.buz.instances.DD.password", "dd-pass")
                .withProperty("eta.buz.instances.CBR.username", "cbr-user")
                .withProperty("eta.links.server-name", "eta.example.com");
        environment.setActiveProfiles("prod");

        assertThat(RequiredSettings.missing(environment)).containsExactly("BUZ_CBR_PASSWORD");
    }

    @Test
    void theRelaxedEnvironmentVariableOfThePropertyCounts() {
        MockEnvironment environment = copyWithout(all(), "GOOGLE_CLIENT_ID");
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_GOOGLE_CLIENTID", "id")));
        environment.setActiveProfiles("prod");

        assertThat(RequiredSettings.missing(environment)).isEmpty();
    }

    @Test
    void theConfigFilesStandInForAMissingGoogleClientIdIsStillMissing() {
        MockEnvironment environment = copyWithout(all(), "GOOGLE_CLIENT_ID")
                .withProperty("spring.security.oauth2.client.registration.google.client-id", "not-set");
        environment.setActiveProfiles("prod");

        assertThat(RequiredSettings.missing(environment)).containsExactly("GOOGLE_CLIENT_ID");
    }

    @Test
    void theFailureIsReportedAsOnePlainMessageWithoutAStackTrace() {
        var failure = new IllegalStateException("wrapped",
                new RequiredSettings.MissingSettingsException(List.of("DATABASE", "FLASK_SECRET")));

        FailureAnalysis analysis = new StartupFailureAnalyzer().analyze(failure);

        assertThat(analysis.getDescription()).isEqualTo("Missing required environment variables: DATABASE, FLASK_SECRET");
        assertThat(analysis.getCause()).isNull();
    }

    private static MockEnvironment all() {
        MockEnvironment environment = new MockEnvironment();
        for (RequiredSettings.Setting setting : RequiredSettings.SERVICE) {
            environment.setProperty(setting.variable(), "set");
        }
        environment.setProperty("SERVER_NAME", "eta.example.com");
        return environment;
    }

    private static MockEnvironment copyWithout(MockEnvironment source, String name) {
        MockEnvironment copy = new MockEnvironment();
        copy.setActiveProfiles(source.getActiveProfiles());
        for (String key : List.of("DATABASE", "FLASK_SECRET", "GOOGLE_CLIENT_ID", "GOOGLE_CLIENT_SECRET",
                "BUZ_DD_USERNAME", "BUZ_DD_PASSWORD", "BUZ_CBR_USERNAME", "BUZ_CBR_PASSWORD", "SERVER_NAME")) {
            if (!key.equals(name) && source.getProperty(key) != null) {
                copy.setProperty(key, source.getProperty(key));
            }
        }
        return copy;
    }
}
