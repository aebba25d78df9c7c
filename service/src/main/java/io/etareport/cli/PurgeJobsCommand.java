package io.etareport.cli;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import io.etareport.audit.AuditLog;
import io.etareport.db.DatabaseMigrator;
import io.etareport.schedule.Purges;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The scheduled purge's list, run by hand: the same {@link Purges}, so the two never differ. */
@Command(name = "purge-jobs", mixinStandardHelpOptions = true,
        description = "Delete finished report jobs, copies of staff order look-ups and replaced links older than N"
                + " days, and every other kind of old row the scheduled purge deletes (audit entries, expected-date"
                + " moves, API calls, link opens, update mail records, webhook deliveries, expired unconfirmed update mail addresses), each"
                + " after its own keep setting. Without --confirm, only says how many.",
        footer = {"", "Examples:", "  java -jar eta-report.jar purge-jobs               (says how many)",
                "  java -jar eta-report.jar purge-jobs --days 7 --confirm"})
class PurgeJobsCommand implements Callable<Integer> {

    @Option(names = "--days", defaultValue = "30", description = "Age in days (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--confirm", description = "Really delete.")
    boolean confirm;

    @Spec
    CommandSpec spec;

    private final DatabaseMigrator migrator;
    private final Purges purges;
    private final AuditLog audit;

    PurgeJobsCommand(DatabaseMigrator migrator, Purges purges, AuditLog audit) {
        this.migrator = migrator;
        this.purges = purges;
        this.audit = audit;
    }

    @Override
    public Integer call() {
        if (days < 0) {
            spec.commandLine().getErr().println("error: --days must be 0 or more");
            return 2;
        }
        migrator.migrate();
        List<Purges.Purged> purged = purges.run(Duration.ofDays(days), confirm);
        purged.forEach(each -> spec.commandLine().getOut().println(each.describe(confirm)));
        if (confirm) {
            Object[] fields = new Object[2 + 2 * purged.size()];
            fields[0] = "days";
            fields[1] = days;
            for (int i = 0; i < purged.size(); i++) {
                fields[2 + 2 * i] = purged.get(i).what();
                fields[3 + 2 * i] = purged.get(i).count();
            }
            audit.record(CommandLineActor.name(), "jobs", null, "purge", null, AuditLog.fields(fields));
        }
        return 0;
    }
}
