package io.etareport.db;

import java.nio.file.Path;

/** What a migration run did, for the start-up log and {@code init-db}. */
public record MigrationOutcome(Kind kind, String version, int applied, Path backup) {

    public enum Kind {
        CREATED, ADOPTED, MIGRATED, UP_TO_DATE
    }

    public String describe() {
        String what = switch (kind) {
            case CREATED -> "created a new database";
            case ADOPTED -> "adopted the original service's database";
            case MIGRATED -> "migrated the database";
            case UP_TO_DATE -> "the database is up to date";
        };
        return what + "; schema version " + version + ", " + applied + " migration(s) applied"
                + (backup == null ? "" : "; backup written to " + backup);
    }
}
