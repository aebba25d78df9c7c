package io.etareport.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Staging and production log one JSON object per event with Boot's structured logging (ECS), stack traces inside
 * it, instead of a hand-made pattern that folds lines; development and the demo keep human-readable lines.
 */
class LoggingSettingsTest {

    @ParameterizedTest
    @ValueSource(strings = {"application-prod.yml", "application-staging.yml"})
    void stagingAndProductionLogStructuredJson(String file) throws Exception {
        assertThat(property(file, "logging.structured.format.console")).isEqualTo("ecs");
    }

    @Test
    void noHandMadePatternFoldsLinesAnyMore() throws Exception {
        for (String file : List.of("application.yml", "application-prod.yml", "application-staging.yml",
                "application-dev.yml")) {
            Object pattern = property(file, "logging.pattern.console");
            assertThat(pattern == null ? "" : pattern.toString()).as(file).doesNotContain("%replace");
        }
        assertThat(property("application-dev.yml", "logging.structured.format.console")).isNull();
    }

    private static Object property(String file, String name) throws Exception {
        for (PropertySource<?> source : new YamlPropertySourceLoader().load(file, new ClassPathResource(file))) {
            Object value = source.getProperty(name);
            if (value != null) {
                return value.toString();
            }
        }
        return null;
    }
}
