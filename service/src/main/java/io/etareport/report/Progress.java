package io.etareport.report;

import java.time.Duration;
import java.util.List;

/** Where a report build is up to, for the loading page. */
@FunctionalInterface
public interface Progress {

    Progress NONE = (percent, message) -> {
    };

    /**
     * Records a stage. Implementations must not throw: a failing progress update must never
     * break the build it reports on.
     */
    void update(int percent, String message);

    /**
     * The supplier is slow: the build has been waiting {@code soFar} for these instances (their codes). A state, not
     * a sentence: where it is shown, it is worded there. Repeated while the wait lasts; the next {@link #update}
     * ends it. Must not throw either.
     */
    default void waitingFor(List<String> instances, Duration soFar) {
    }
}
