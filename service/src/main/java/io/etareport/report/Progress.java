package io.etareport.report;

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
     * Replaces the stage shown without adding to the log: for notes repeated while waiting
     * ("Still waiting for DD, 25 s so far"). Must not throw either.
     */
    default void note(String message) {
    }
}
