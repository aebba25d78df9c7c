package io.etareport.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import io.etareport.cache.Source;

/**
 * What a reader is told when a factory's data is a saved copy or missing: one wording for the customer's page and
 * the staff's order look-up.
 */
public final class SavedCopyNotice {

    private static final DateTimeFormatter UPDATED = DateTimeFormatter.ofPattern("d MMM yyyy, h:mm a", Locale.ENGLISH);

    private SavedCopyNotice() {
    }

    /**
     * The notice for one factory's data, or empty when it is live.
     *
     * @param shownAt when the data is shown (a stored report's build time, so it reads the same later)
     */
    public static Optional<String> of(InstanceSource source, Instant shownAt, ZoneId zone) {
        return of(source, shownAt, zone, source.instance().name());
    }

    /** As {@link #of(InstanceSource, Instant, ZoneId)}, naming the factory as customers know it. */
    public static Optional<String> of(InstanceSource source, Instant shownAt, ZoneId zone, String factory) {
        if (source.unavailable()) {
            return Optional.of("Orders from " + factory + " are missing: the supplier's system could not be"
                    + " reached and there is no saved copy yet, so please try again later.");
        }
        if (!source.fromCache()) {
            return Optional.empty();
        }
        return Optional.of("Orders from " + factory + " come from a saved copy, last refreshed "
                + (source.refreshedAt() == null ? "at an unknown time"
                : age(source.refreshedAt(), shownAt) + " ("
                + UPDATED.format(source.refreshedAt().atZone(zone)) + " " + Dates.placeName(zone) + " time)")
                + ": " + why(source.kind()));
    }

    /** Why a saved copy was shown, from the cache's label. */
    private static String why(Source kind) {
        return switch (kind) {
            case CACHE_SLOW -> "the supplier's system is slow right now, and a fresh copy is on its way.";
            case CACHE_BLACKOUT -> "the supplier's system is switched off for maintenance at this time of day.";
            case CACHE_BREAKER -> "the supplier's system is having problems right now, and we check it again"
                    + " shortly.";
            case CACHE_TIMEOUT -> "the supplier's system is not responding right now.";
            case CACHE_CONNECTION -> "we cannot connect to the supplier's system right now.";
            default -> "the supplier's system is not available right now.";
        };
    }

    /** "3 hours ago", measured up to {@code shownAt}. */
    public static String age(Instant saved, Instant shownAt) {
        long minutes = Math.max(0, Duration.between(saved, shownAt).toMinutes());
        if (minutes < 1) {
            return "less than a minute ago";
        }
        if (minutes < 60) {
            return plural(minutes, "minute") + " ago";
        }
        long hours = minutes / 60;
        if (hours < 48) {
            return plural(hours, "hour") + " ago";
        }
        return plural(hours / 24, "day") + " ago";
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
