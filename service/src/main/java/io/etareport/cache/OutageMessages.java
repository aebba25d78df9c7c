package io.etareport.cache;

import java.time.Instant;

import io.etareport.buz.BuzException;

/** What customers are told when the supplier's system failed and we have nothing stored to show. */
final class OutageMessages {

    private static final String AGAIN = " Please try again in a few minutes.";

    private final BlackoutWindow blackout;

    OutageMessages(BlackoutWindow blackout) {
        this.blackout = blackout;
    }

    String forKind(BuzException.Kind kind, Instant now) {
        if (kind == null) {
            return "The supplier's system ran into an error." + AGAIN;
        }
        return switch (kind) {
            case UNAVAILABLE -> unavailable(now);
            case SERVER_ERROR -> "The supplier's system ran into an error." + AGAIN;
            case TIMEOUT -> "The supplier's system is not responding right now." + AGAIN;
            case CONNECTION -> "We cannot connect to the supplier's system right now." + AGAIN;
            case BAD_DATA -> "The supplier's system sent data we could not read." + AGAIN;
            case THROTTLED -> "The supplier's system is too busy to answer right now." + AGAIN;
            case REJECTED -> "The supplier's system refused our request, so we cannot show this information right"
                    + " now. We have logged the problem; please try again later, or contact us if it keeps happening.";
        };
    }

    // The daily switch-off is mentioned only while it is on: at 2 am it would only mislead.
    private String unavailable(Instant now) {
        if (blackout.enabled() && blackout.contains(now)) {
            return "The supplier's system is switched off for maintenance " + blackout.describe()
                    + ", and we have no saved copy of this information yet. Please try again after "
                    + blackout.end() + ".";
        }
        return "The supplier's system is unavailable right now." + AGAIN;
    }
}
