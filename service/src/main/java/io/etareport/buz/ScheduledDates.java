package io.etareport.buz;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.HashMap;
import java.util.Map;

/**
 * The latest {@code DateScheduled} of each order. Values are compared as instants, and the
 * winner is shown as the calendar date written in it, in its own offset: a date carried in a
 * timestamp must not move a day because of a zone conversion. Anything unparseable is ignored,
 * never thrown.
 */
final class ScheduledDates {

    /** A date-time with an optional offset ({@code Z}, {@code +10:00}, {@code +1000}, {@code +10}). */
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);

    /** Years before this are placeholders (0001-01-01 and the like), not schedules. */
    private static final int EARLIEST_YEAR = 1900;

    private final Map<String, Scheduled> latest = new HashMap<>();

    /** Takes one line's value into account for its order. */
    void add(String orderKey, Object rawValue) {
        Scheduled value = parse(rawValue);
        if (value != null) {
            latest.merge(orderKey, value, ScheduledDates::later);
        }
    }

    /** The order's latest scheduled date, or null when none of its lines had a parseable one. */
    LocalDate dateOf(String orderKey) {
        Scheduled value = latest.get(orderKey);
        return value == null ? null : value.date();
    }

    /** One parsed value: the instant it compares by, and the calendar date it shows. */
    record Scheduled(Instant instant, LocalDate date) {
    }

    /** Null for null, blank, placeholder or unparseable values. */
    static Scheduled parse(Object rawValue) {
        if (!(rawValue instanceof String raw)) {
            return null;
        }
        String text = raw.trim();
        if (text.length() > 10 && text.charAt(10) == ' ') {
            text = text.substring(0, 10) + 'T' + text.substring(11);
        }
        try {
            Scheduled value = text.length() == 10 ? dateOnly(text) : dateTime(text);
            return value.date().getYear() < EARLIEST_YEAR ? null : value;
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static Scheduled dateOnly(String text) {
        LocalDate date = LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
        return new Scheduled(date.atStartOfDay().toInstant(ZoneOffset.UTC), date);
    }

    private static Scheduled dateTime(String text) {
        TemporalAccessor parsed = DATE_TIME.parse(text);
        LocalDateTime local = LocalDateTime.from(parsed);
        // Without an offset the value is read as UTC, like a date-only value.
        ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS) ? ZoneOffset.from(parsed) : ZoneOffset.UTC;
        return new Scheduled(local.toInstant(offset), local.toLocalDate());
    }

    /** The later instant; on a tie the later calendar date, so the result never depends on row order. */
    private static Scheduled later(Scheduled a, Scheduled b) {
        int byInstant = a.instant().compareTo(b.instant());
        if (byInstant != 0) {
            return byInstant > 0 ? a : b;
        }
        return a.date().isAfter(b.date()) ? a : b;
    }
}
