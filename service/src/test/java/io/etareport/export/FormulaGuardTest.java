package io.etareport.export;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class FormulaGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://x\",\"y\")", "+1", "-2", "@SUM(A1)", "\tline", "\r5", "="})
    void textThatASpreadsheetWouldRunGetsALeadingQuote(String hostile) {
        assertThat(FormulaGuard.guard(hostile)).isEqualTo("'" + hostile);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SO-1", "Kitchen", "<script>alert(1)</script>", " =1", "1-2", "'quoted"})
    void otherTextIsLeftAlone(String text) {
        assertThat(FormulaGuard.guard(text)).isEqualTo(text);
    }

    @Test
    void nothingStaysNothing() {
        assertThat(FormulaGuard.guard(null)).isNull();
        assertThat(FormulaGuard.guard("")).isEmpty();
    }
}
