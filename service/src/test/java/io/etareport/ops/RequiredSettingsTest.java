package io.etareport.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
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
    void theFailureIsReportedAsOnePlainMessageWithoutAStackTrace() {
        var failure = new IllegalStateException("wrapped",
                new RequiredSettings.MissingSettingsException(List.of("DATABASE", "FLASK_SECRET")));

        FailureAnalysis analysis = new StartupFailureAnalyzer().analyze(failure);

        assertThat(analysis.getDescription()).isEqualTo("Missing required environment variables: DATABASE, FLASK_SECRET");
        assertThat(analysis.getCause()).isNull();
    }

    private static MockEnvironment all() {
        MockEnvironment environment = new MockEnvironment();
        for (String name : RequiredSettings.SERVICE) {
            environment.setProperty(name, "set");
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
