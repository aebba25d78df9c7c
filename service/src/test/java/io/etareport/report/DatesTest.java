package io.etareport.report;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class DatesTest {

    @Test
    void datesAreWrittenDayAbbreviatedMonthYear() {
        assertThat(Dates.display(LocalDate.of(2025, 1, 5))).isEqualTo("05 Jan 2025");
        assertThat(Dates.display(LocalDate.of(2025, 12, 31))).isEqualTo("31 Dec 2025");
    }

    @Test
    void noDateIsNotApplicable() {
        assertThat(Dates.display(null)).isEqualTo("N/A");
    }

    @Test
    void monthsAreEnglishWhateverTheServersLocale() {
        Locale before = Locale.getDefault();
        try {
            for (Locale locale : new Locale[] {Locale.GERMANY, Locale.forLanguageTag("en-AU"), Locale.UK}) {
                Locale.setDefault(locale);
                assertThat(Dates.display(LocalDate.of(2025, 9, 3))).isEqualTo("03 Sep 2025");
                assertThat(Dates.display(LocalDate.of(2025, 3, 3))).isEqualTo("03 Mar 2025");
            }
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void theExpectedWindowCountsBusinessDaysAndSkipsWeekends() {
        // Monday 6 Jan 2025: one business day back is Friday 3 Jan.
        assertThat(Dates.window(java.time.LocalDate.of(2025, 1, 6), 1)).isEqualTo("03 Jan 2025 – 07 Jan 2025");
        // Friday 10 Jan: two forward is Tuesday 14 Jan.
        assertThat(Dates.window(java.time.LocalDate.of(2025, 1, 10), 2)).isEqualTo("08 Jan 2025 – 14 Jan 2025");
        assertThat(Dates.window(java.time.LocalDate.of(2025, 1, 10), 0)).isNull();
        assertThat(Dates.window(null, 1)).isNull();
    }
}
