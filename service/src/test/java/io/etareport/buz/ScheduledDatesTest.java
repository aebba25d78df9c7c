package io.etareport.buz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ScheduledDatesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            2025-01-02T00:00:00Z              | 2025-01-02T00:00:00Z | 2025-01-02
            2025-01-02T00:00:00+10:00         | 2025-01-01T14:00:00Z | 2025-01-02
            2025-01-05T23:30:00-05:00         | 2025-01-06T04:30:00Z | 2025-01-05
            2025-03-04T10:11:12.1234567Z      | 2025-03-04T10:11:12.1234567Z | 2025-03-04
            2025-03-04T10:11:12.5+09:30       | 2025-03-04T00:41:12.5Z | 2025-03-04
            2025-03-04T10:11Z                 | 2025-03-04T10:11:00Z | 2025-03-04
            2025-02-03                        | 2025-02-03T00:00:00Z | 2025-02-03
            2025-01-02T10:00:00               | 2025-01-02T10:00:00Z | 2025-01-02
            2025-01-02 10:00:00               | 2025-01-02T10:00:00Z | 2025-01-02
            2025-01-02T08:00:00+1000          | 2025-01-01T22:00:00Z | 2025-01-02
            2025-01-02T08:00:00+10            | 2025-01-01T22:00:00Z | 2025-01-02
            '  2025-01-02T00:00:00Z  '        | 2025-01-02T00:00:00Z | 2025-01-02
            2025-01-02t00:00:00z              | 2025-01-02T00:00:00Z | 2025-01-02
            """)
    void readsTheFormatsBuzSends(String raw, String instant, String date) {
        ScheduledDates.Scheduled parsed = ScheduledDates.parse(raw);

        assertThat(parsed).isNotNull();
        assertThat(parsed.instant()).isEqualTo(Instant.parse(instant));
        assertThat(parsed.date()).isEqualTo(LocalDate.parse(date));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "garbage", "2025-13-45", "2025-02-30", "05/01/2025", "2025-01-02T25:00:00Z",
            "2025-01-02T00:00:00Zjunk", "2025-02-30T00:00:00Z", "2025-02-29T00:00:00+10:00", "0001-01-01T00:00:00", "0001-01-01"})
    void ignoresWhatIsNotADate(String raw) {
        assertThat(ScheduledDates.parse(raw)).isNull();
    }

    @Test
    void ignoresValuesThatAreNotText() {
        assertThat(ScheduledDates.parse(20250102)).isNull();
        assertThat(ScheduledDates.parse(Boolean.TRUE)).isNull();
    }

    @Test
    void theLatestInstantWinsAndShowsItsOwnCalendarDate() {
        // 23:30 at -05:00 is 04:30Z on the 6th; 01:00 at +10:00 is 15:00Z on the 5th.
        ScheduledDates dates = datesOf("A", "2025-01-06T01:00:00+10:00", "2025-01-05T23:30:00-05:00");

        assertThat(dates.dateOf("A")).isEqualTo(LocalDate.of(2025, 1, 5));
    }

    @Test
    void theWinnerDoesNotDependOnRowOrder() {
        assertThat(datesOf("A", "2025-01-05T23:30:00-05:00", "2025-01-06T01:00:00+10:00").dateOf("A"))
                .isEqualTo(LocalDate.of(2025, 1, 5));
    }

    @Test
    void aDateOnlyValueComparesAsMidnightUtc() {
        // 2025-02-02T23:00-02:00 is 01:00Z on the 3rd: later than the 3rd at 00:00Z.
        assertThat(datesOf("A", "2025-02-03", "2025-02-02T23:00:00-02:00").dateOf("A"))
                .isEqualTo(LocalDate.of(2025, 2, 2));
        // 2025-02-02T23:00+02:00 is 21:00Z on the 2nd: earlier.
        assertThat(datesOf("B", "2025-02-02T23:00:00+02:00", "2025-02-03").dateOf("B"))
                .isEqualTo(LocalDate.of(2025, 2, 3));
    }

    @Test
    void onTheSameInstantTheLaterCalendarDateWinsWhateverTheOrder() {
        // Both are 2025-01-06T04:30Z.
        assertThat(datesOf("A", "2025-01-05T23:30:00-05:00", "2025-01-06T14:30:00+10:00").dateOf("A"))
                .isEqualTo(LocalDate.of(2025, 1, 6));
        assertThat(datesOf("A", "2025-01-06T14:30:00+10:00", "2025-01-05T23:30:00-05:00").dateOf("A"))
                .isEqualTo(LocalDate.of(2025, 1, 6));
    }

    @Test
    void fractionsOfASecondDecide() {
        assertThat(datesOf("A", "2025-01-03T23:59:59.9999999-01:00", "2025-01-04T00:59:59.9999998Z").dateOf("A"))
                .isEqualTo(LocalDate.of(2025, 1, 3));
    }

    @Test
    void unparseableValuesAreSkippedNotFatal() {
        assertThat(datesOf("A", "garbage", null, "2025-01-02T00:00:00Z", "", "2025-01-09T00:00:00Z", "nope")
                .dateOf("A")).isEqualTo(LocalDate.of(2025, 1, 9));
    }

    @Test
    void anOrderWithoutAnyDateHasNone() {
        ScheduledDates dates = datesOf("A", "garbage", null, "");

        assertThat(dates.dateOf("A")).isNull();
        assertThat(dates.dateOf("never seen")).isNull();
    }

    @Test
    void ordersAreDatedSeparately() {
        ScheduledDates dates = new ScheduledDates();
        dates.add("A", "2025-01-02T00:00:00Z");
        dates.add("B", "2025-03-01T00:00:00Z");
        dates.add("A", "2025-01-01T00:00:00Z");

        assertThat(dates.dateOf("A")).isEqualTo(LocalDate.of(2025, 1, 2));
        assertThat(dates.dateOf("B")).isEqualTo(LocalDate.of(2025, 3, 1));
    }

    private static ScheduledDates datesOf(String order, String... values) {
        ScheduledDates dates = new ScheduledDates();
        List<String> list = Arrays.asList(values);
        list.forEach(value -> dates.add(order, value));
        return dates;
    }
}
