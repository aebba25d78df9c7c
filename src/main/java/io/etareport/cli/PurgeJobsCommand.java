package io.etareport.cli;

import java.time.Duration;
import java.util.concurrent.Callable;

import io.etareport.db.DatabaseMigrator;
import io.etareport.jobs.ReportJobs;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "purge-jobs", mixinStandardHelpOptions = true,
        description = "Delete finished report jobs older than N days. Without --confirm, only says how many.")
class PurgeJobsCommand implements Callable<Integer> {

    @Option(names = "--days", defaultValue = "30", description = "Age in days (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--confirm", description = "Really delete.")
    boolean confirm;

    private final DatabaseMigrator migrator;
    private final ReportJobs jobs;

    PurgeJobsCommand(DatabaseMigrator migrator, ReportJobs jobs) {
        this.migrator = migrator;
        this.jobs = jobs;
    }

    @Override
    public Integer call() {
        if (days < 0) {
            System.err.println("error: --days must be 0 or more");
            return 2;
        }
        migrator.migrate();
        int count = jobs.purgeFinished(Duration.ofDays(days), confirm);
        System.out.println(confirm
                ? "Deleted " + count + " finished jobs older than " + days + " days."
                : count + " finished jobs are older than " + days + " days. Run again with --confirm to delete them.");
        return 0;
    }
}
