package io.etareport.report;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NaturalOrderTest {

    private static List<String> sorted(String... values) {
        List<String> list = new ArrayList<>(Arrays.asList(values));
        list.sort(NaturalOrder.INSTANCE);
        return list;
    }

    @Test
    void numbersCompareByValue() {
        assertThat(sorted("10", "9", "100", "1")).containsExactly("1", "9", "10", "100");
    }

    @Test
    void numbersInsideTextCompareByValue() {
        assertThat(sorted("SO-100", "SO-99", "SO-9", "SO-1000")).containsExactly("SO-9", "SO-99", "SO-100", "SO-1000");
    }

    @Test
    void numbersTooLongForALongStillCompareByValue() {
        assertThat(sorted("123456789012345678901234567890", "99999999999999999999999999999"))
                .containsExactly("99999999999999999999999999999", "123456789012345678901234567890");
    }

    @Test
    void textComparesIgnoringCaseAndShorterFirst() {
        assertThat(sorted("b", "A", "a1", "B2")).containsExactly("A", "a1", "b", "B2");
    }

    @Test
    void mixedTextFallsBackToCharacterOrderWithDigitsBeforeLetters() {
        assertThat(sorted("SO-5", "5", "Q-12", "Q-3")).containsExactly("5", "Q-3", "Q-12", "SO-5");
    }

    @Test
    void nullComesFirst() {
        assertThat(sorted("2", null, "1")).containsExactly(null, "1", "2");
    }

    @Test
    void textEqualButForCaseOrLeadingZerosStillHasAnOrder() {
        assertThat(NaturalOrder.INSTANCE.compare("007", "7")).isNotZero();
        assertThat(NaturalOrder.INSTANCE.compare("a", "A")).isNotZero();
        assertThat(Integer.signum(NaturalOrder.INSTANCE.compare("007", "7")))
                .isEqualTo(-Integer.signum(NaturalOrder.INSTANCE.compare("7", "007")));
        assertThat(NaturalOrder.INSTANCE.compare("SO-7", "SO-7")).isZero();
    }
}
