package io.etareport.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How dates are written for customers: {@code 05 Jan 2025}. */
public final class Dates {

    // Locale.ENGLISH, not the JVM's: the server's locale must not change the page, and en-AU/en-GB write "Sept".
    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("dd MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private Dates() {
    }

    /** {@code 05 Jan 2025}, or {@code N/A} when there is no date. */
    public static String display(LocalDate date) {
        return date == null ? "N/A" : DISPLAY.format(date);
    }

    /** {@code 12 May}: a recent date, where the year goes without saying. */
    public static String dayMonth(LocalDate date) {
        return date == null ? "no date" : DAY_MONTH.format(date);
    }

    /**
     * The window around an expected date, {@code businessDays} business days (Monday to Friday) either side:
     * {@code 07 Jan 2025 – 09 Jan 2025}; null without a date or a window.
     */
    public static String window(LocalDate expected, int businessDays) {
        if (expected == null || businessDays <= 0) {
            return null;
        }
        return display(businessDaysFrom(expected, -businessDays)) + " – "
                + display(businessDaysFrom(expected, businessDays));
    }

    static LocalDate businessDaysFrom(LocalDate date, int days) {
        int step = days < 0 ? -1 : 1;
        LocalDate day = date;
        for (int left = Math.abs(days); left > 0; ) {
            day = day.plusDays(step);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return day;
    }

    /** How customers know a time zone: {@code Sydney} for {@code Australia/Sydney}. */
    public static String placeName(ZoneId zone) {
        String id = zone.getId();
        return id.substring(id.lastIndexOf('/') + 1).replace('_', ' ');
    }
}
