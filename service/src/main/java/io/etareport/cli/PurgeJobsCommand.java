package io.etareport.cli;

import java.time.Duration;
import java.util.concurrent.Callable;

import io.etareport.audit.AuditLog;
import io.etareport.report.EtaHistory;
import io.etareport.db.DatabaseMigrator;
import io.etareport.jobs.ReportJobs;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "purge-jobs", mixinStandardHelpOptions = true,
        description = "Delete finished report jobs older than N days, and audit log entries older than"
                + " eta.audit.keep (2 years). Without --confirm, only says how many.",
        footer = {"", "Examples:", "  java -jar eta-report.jar purge-jobs               (says how many)", "  java -jar eta-report.jar purge-jobs --days 7 --confirm"})
class PurgeJobsCommand implements Callable<Integer> {

    @Option(names = "--days", defaultValue = "30", description = "Age in days (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--confirm", description = "Really delete.")
    boolean confirm;

    @Spec
    CommandSpec spec;

    private final DatabaseMigrator migrator;
    private final ReportJobs jobs;
    private final AuditLog audit;
    private final EtaHistory history;

    PurgeJobsCommand(DatabaseMigrator migrator, ReportJobs jobs, AuditLog audit, EtaHistory history) {
        this.migrator = migrator;
        this.jobs = jobs;
        this.audit = audit;
        this.history = history;
    }

    @Override
    public Integer call() {
        if (days < 0) {
            spec.commandLine().getErr().println("error: --days must be 0 or more");
            return 2;
        }
        migrator.migrate();
        int count = jobs.purgeFinished(Duration.ofDays(days), confirm);
        int entries = audit.purgeExpired(confirm);
        String kept = audit.keep().toDays() + " days";
        int moves = history.purgeExpired(confirm);
        String movesKept = history.keep().toDays() + " days";
        spec.commandLine().getOut().println(confirm
                ? "Deleted " + count + " finished jobs older than " + days + " days."
                : count + " finished jobs are older than " + days + " days. Run again with --confirm to delete them.");
        spec.commandLine().getOut().println(confirm
                ? "Deleted " + entries + " audit log entries older than " + kept + "."
                : entries + " audit log entries are older than " + kept + ". Run again with --confirm to delete them.");
        spec.commandLine().getOut().println(confirm
                ? "Deleted " + moves + " expected-date moves older than " + movesKept + "."
                : moves + " expected-date moves are older than " + movesKept + ". Run again with --confirm to delete them.");
        return 0;
    }
}
