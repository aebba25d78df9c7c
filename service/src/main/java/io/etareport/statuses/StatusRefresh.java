package io.etareport.statuses;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * "Refresh from Buz": fetches the live statuses and reports, in plain words, what changed or why nothing did. Public
 * so that start-up wiring (the demo) can run the same refresh an admin's button runs.
 */
@Service
public class StatusRefresh {

    private static final Logger log = LoggerFactory.getLogger(StatusRefresh.class);

    private final LiveStatuses live;
    private final StatusMappings mappings;

    StatusRefresh(LiveStatuses live, StatusMappings mappings) {
        this.live = live;
        this.mappings = mappings;
    }

    /** The outcome, as a message for the page. */
    public Outcome run() {
        Set<String> statuses;
        try {
            statuses = live.fetch();
        } catch (RuntimeException e) {
            log.warn("Status refresh failed: {}", e.toString());
            String reason = e.getMessage() == null || e.getMessage().isBlank()
                    ? "The supplier's system did not answer." : e.getMessage().trim();
            return Outcome.failed("Could not refresh from Buz: " + reason + " Nothing was changed.");
        }
        if (statuses == null || statuses.stream().allMatch(s -> s == null || s.isBlank())) {
            // Everything would be marked inactive: more likely an upstream hiccup than a real answer.
            return Outcome.failed("Buz reported no production statuses at all, so nothing was changed. Try again later.");
        }
        StatusMappings.Refresh refresh = mappings.refresh(statuses);
        log.info("Status refresh: {} seen, {} added, {} made inactive", refresh.seen(), refresh.added(),
                refresh.deactivated());
        return Outcome.done("Refreshed from Buz: " + count(refresh.added(), "new status", "new statuses") + " added, "
                + count(refresh.deactivated(), "status", "statuses") + " no longer seen and made inactive ("
                + refresh.seen() + " seen).");
    }

    private static String count(int n, String one, String many) {
        return (n == 0 ? "no" : String.valueOf(n)) + " " + (n == 1 ? one : many);
    }

    /** @param message what changed, or why nothing did; counts only, never a status or customer name */
    public record Outcome(boolean succeeded, String message) {

        static Outcome done(String message) {
            return new Outcome(true, message);
        }

        static Outcome failed(String message) {
            return new Outcome(false, message);
        }
    }
}
