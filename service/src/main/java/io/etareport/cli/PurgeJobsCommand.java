package io.etareport.cli;

import java.time.Duration;
import java.util.concurrent.Callable;

import io.etareport.db.DatabaseMigrator;
import io.etareport.schedule.Purges;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The scheduled purge's list, run by hand: the same {@link Purges}, so the two never differ. */
@Command(name = "purge-jobs", mixinStandardHelpOptions = true,
        description = "Delete finished report jobs older than N days, and every other kind of old row the"
                + " scheduled purge deletes (audit entries, expected-date moves, API calls, link opens), each"
                + " after its own keep setting. Without --confirm, only says how many.")
class PurgeJobsCommand implements Callable<Integer> {

    @Option(names = "--days", defaultValue = "30", description = "Age in days (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--confirm", description = "Really delete.")
    boolean confirm;

    @Spec
    CommandSpec spec;

    private final DatabaseMigrator migrator;
    private final Purges purges;

    PurgeJobsCommand(DatabaseMigrator migrator, Purges purges) {
        this.migrator = migrator;
        this.purges = purges;
    }

    @Override
    public Integer call() {
        if (days < 0) {
            spec.commandLine().getErr().println("error: --days must be 0 or more");
            return 2;
        }
        migrator.migrate();
        purges.run(Duration.ofDays(days), confirm)
                .forEach(purged -> spec.commandLine().getOut().println(purged.describe(confirm)));
        return 0;
    }
}
