package io.etareport.ops;

import io.etareport.db.DatabaseException;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/** Prints the start-up problems an operator can fix as one plain message, without a stack trace. */
class StartupFailureAnalyzer implements FailureAnalyzer {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequiredSettings.MissingSettingsException missing) {
                return new FailureAnalysis(missing.getMessage(),
                        "Set them in the service's environment (see README, Configuration).", null);
            }
            if (cause instanceof DatabaseException database) {
                return new FailureAnalysis(database.getMessage(), "See README, Database.", null);
            }
        }
        return null;
    }
}
