package io.etareport.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class LabelsTest {

    @ParameterizedTest(name = "\"{0}\" is shown as \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            in production                          | In Production
            IN PRODUCTION                          | In Production
            '  in    production '                  | In Production
            Invoice ex GST fees - not in Xero      | Invoice Ex GST Fees - Not In Xero
            QC check                               | QC Check
            roller/venetian blinds                 | Roller/Venetian Blinds
            re-make (urgent)                       | Re-Make (Urgent)
            stage 2                                | Stage 2
            """)
    void titleCaseCapitalisesEachWordAndKeepsAbbreviations(String raw, String shown) {
        assertThat(Labels.titleCase(raw)).isEqualTo(shown);
    }

    @Test
    void tidyTrimsAndJoinsWhitespaceRunsIntoOneSpace() {
        assertThat(Labels.tidy("  a \t\n b  c d ")).isEqualTo("a b c d");
        assertThat(Labels.tidy("a\tb")).isEqualTo("a b");
        assertThat(Labels.tidy("already tidy")).isEqualTo("already tidy");
        assertThat(Labels.tidy(null)).isEmpty();
    }

    @Test
    void labelsDifferingOnlyInCaseOrSpacingHaveOneKey() {
        assertThat(Labels.key(" In  Production")).isEqualTo(Labels.key("in production")).isEqualTo("in production");
    }

    @Test
    void blankAndNotApplicableMeanNoValue() {
        assertThat(Labels.isBlank(null)).isTrue();
        assertThat(Labels.isBlank("  ")).isTrue();
        assertThat(Labels.isBlank(" n/a ")).isTrue();
        assertThat(Labels.isBlank("NA")).isFalse();
    }
}
