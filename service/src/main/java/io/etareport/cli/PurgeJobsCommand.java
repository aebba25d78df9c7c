package io.etareport.cli;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;

import io.etareport.audit.AuditLog;
import io.etareport.cache.CacheStore;
import io.etareport.customers.CustomerLinks;
import io.etareport.report.EtaHistory;
import io.etareport.db.DatabaseMigrator;
import io.etareport.jobs.ReportJobs;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "purge-jobs", mixinStandardHelpOptions = true,
        description = "Delete finished report jobs, copies of staff order look-ups and replaced links older than"
                + " N days, and audit log entries older than eta.audit.keep (2 years). Without --confirm, only says"
                + " how many.",
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
    private final CacheStore cache;
    private final CustomerLinks links;
    private final Clock clock;

    PurgeJobsCommand(DatabaseMigrator migrator, ReportJobs jobs, AuditLog audit, EtaHistory history, CacheStore cache,
                     CustomerLinks links, Clock clock) {
        this.migrator = migrator;
        this.jobs = jobs;
        this.audit = audit;
        this.history = history;
        this.cache = cache;
        this.links = links;
        this.clock = clock;
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
        int lookups = cache.purgeOrderLookups(clock.instant().minus(Duration.ofDays(days)), confirm);
        int retired = links.purgeRetired(Duration.ofDays(days), confirm);
        spec.commandLine().getOut().println(confirm
                ? "Deleted " + count + " finished jobs older than " + days + " days."
                : count + " finished jobs are older than " + days + " days. Run again with --confirm to delete them.");
        spec.commandLine().getOut().println(confirm
                ? "Deleted " + entries + " audit log entries older than " + kept + "."
                : entries + " audit log entries are older than " + kept + ". Run again with --confirm to delete them.");
        spec.commandLine().getOut().println(confirm
                ? "Deleted " + moves + " expected-date moves older than " + movesKept + "."
                : moves + " expected-date moves are older than " + movesKept + ". Run again with --confirm to delete them.");
        spec.commandLine().getOut().println(confirm
                ? "Deleted " + lookups + " copies of staff order look-ups older than " + days + " days."
                : lookups + " copies of staff order look-ups are older than " + days + " days. Run again with --confirm"
                        + " to delete them.");
        spec.commandLine().getOut().println(confirm
                ? "Deleted " + retired + " replaced links older than " + days + " days."
                : retired + " replaced links are older than " + days + " days. Run again with --confirm to delete"
                        + " them.");
        if (confirm) {
            audit.record(CommandLineActor.name(), "jobs", null, "purge", null, AuditLog.fields("days", days,
                    "finished_jobs", count, "audit_entries", entries, "date_moves", moves, "order_lookups", lookups,
                    "replaced_links", retired));
        }
        return 0;
    }
}
