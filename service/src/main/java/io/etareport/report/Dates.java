package io.etareport.report;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How dates are written for customers: {@code 05 Jan 2025}. */
public final class Dates {

    // Locale.ENGLISH, not the JVM's: the server's locale must not change the page, and en-AU/en-GB write "Sept".
    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("dd MMM yyyy", Locale.ENGLISH);

    private Dates() {
    }

    /** {@code 05 Jan 2025}, or {@code N/A} when there is no date. */
    public static String display(LocalDate date) {
        return date == null ? "N/A" : DISPLAY.format(date);
    }

    /** How customers know a time zone: {@code Sydney} for {@code Australia/Sydney}. */
    public static String placeName(ZoneId zone) {
        String id = zone.getId();
        return id.substring(id.lastIndexOf('/') + 1).replace('_', ' ');
    }
}
