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
    void blankAndNotApplicableMeanNoValue() {
        assertThat(Labels.isBlank(null)).isTrue();
        assertThat(Labels.isBlank("  ")).isTrue();
        assertThat(Labels.isBlank(" n/a ")).isTrue();
        assertThat(Labels.isBlank("NA")).isFalse();
    }
}
