package io.etareport.buz;

import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

/** What a column's values look like as BuzManager sends them, so a download can write them as such. */
public enum ColumnKind {
    TEXT, NUMBER, DATE;

    // An ISO calendar date, alone or starting a date-time: "2025-01-02", "2025-01-02T00:00:00Z".
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(T.*)?");

    /** The kind of one value; null tells nothing (a null value). */
    static ColumnKind of(Object value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            return null;
        }
        if (value instanceof Number) {
            return NUMBER;
        }
        if (value instanceof String text && text.length() >= 10 && text.charAt(4) == '-'
                && ISO_DATE.matcher(text.trim()).matches()) {
            return DATE;
        }
        return TEXT;
    }

    /**
     * The calendar date a date column's value shows, read like {@code DateScheduled} (the date as written, in
     * its own offset); null when the text is no date.
     */
    public static LocalDate calendarDate(String text) {
        ScheduledDates.Scheduled parsed = ScheduledDates.parse(text);
        return parsed == null ? null : parsed.date();
    }

    /** Stored as lower case in {@code buz_column.kind}. */
    public static ColumnKind parse(String stored) {
        if (stored == null) {
            return TEXT;
        }
        return switch (stored) {
            case "number" -> NUMBER;
            case "date" -> DATE;
            default -> TEXT;
        };
    }

    public String stored() {
        return name().toLowerCase(Locale.ROOT);
    }
}
