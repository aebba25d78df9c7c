package io.etareport.cli;

import java.time.Duration;
import java.util.concurrent.Callable;

import io.etareport.db.DatabaseMigrator;
import io.etareport.jobs.ReportJobs;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "purge-jobs", mixinStandardHelpOptions = true,
        description = "Delete finished report jobs older than N days. Without --confirm, only says how many.")
class PurgeJobsCommand implements Callable<Integer> {

    @Option(names = "--days", defaultValue = "30", description = "Age in days (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--confirm", description = "Really delete.")
    boolean confirm;

    @Spec
    CommandSpec spec;

    private final DatabaseMigrator migrator;
    private final ReportJobs jobs;

    PurgeJobsCommand(DatabaseMigrator migrator, ReportJobs jobs) {
        this.migrator = migrator;
        this.jobs = jobs;
    }

    @Override
    public Integer call() {
        if (days < 0) {
            spec.commandLine().getErr().println("error: --days must be 0 or more");
            return 2;
        }
        migrator.migrate();
        int count = jobs.purgeFinished(Duration.ofDays(days), confirm);
        spec.commandLine().getOut().println(confirm
                ? "Deleted " + count + " finished jobs older than " + days + " days."
                : count + " finished jobs are older than " + days + " days. Run again with --confirm to delete them.");
        return 0;
    }
}
