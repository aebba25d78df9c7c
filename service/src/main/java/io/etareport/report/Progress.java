package io.etareport.report;

import java.time.Instant;
import java.util.List;

import io.etareport.buz.Instance;

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
     * The supplier is slow: the build has been waiting for these instances since {@code since}. A state, not a
     * sentence: where it is shown, it is worded there (with the names customers know the factories by). Repeated
     * while the wait lasts; the next {@link #update} ends it. Must not throw either.
     */
    default void waitingFor(List<Instance> instances, Instant since) {
    }
}
