package io.etareport.cache;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The supplier's daily switch-off, as a time of day in its own zone. */
final class BlackoutWindow {

    private final CacheProperties.Blackout settings;
    private final ZoneId zone;

    BlackoutWindow(CacheProperties.Blackout settings, ZoneId zone) {
        this.settings = settings;
        this.zone = zone;
    }

    boolean contains(Instant instant) {
        if (!settings.enabled()) {
            return false;
        }
        LocalTime time = instant.atZone(zone).toLocalTime();
        LocalTime start = settings.start();
        LocalTime end = settings.end();
        if (start.isBefore(end)) {
            return !time.isBefore(start) && time.isBefore(end);
        }
        // A window that runs past midnight, e.g. 22:00–02:00.
        return !time.isBefore(start) || time.isBefore(end);
    }

    boolean enabled() {
        return settings.enabled();
    }

    /** "every day from 10 am to 4 pm Sydney time", for messages to customers. */
    String describe() {
        return "every day from " + clockTime(settings.start()) + " to " + end();
    }

    /** "4 pm Sydney time". */
    String end() {
        return clockTime(settings.end()) + " " + placeName() + " time";
    }

    private static String clockTime(LocalTime time) {
        String pattern = time.getMinute() == 0 ? "h a" : "h:mm a";
        return DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH).format(time).toLowerCase(Locale.ROOT);
    }

    private String placeName() {
        String id = zone.getId();
        return id.substring(id.lastIndexOf('/') + 1).replace('_', ' ');
    }
}
