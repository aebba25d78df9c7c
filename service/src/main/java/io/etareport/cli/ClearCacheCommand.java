package io.etareport.cli;

import java.time.Duration;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

import io.etareport.audit.AuditLog;
import io.etareport.cache.CacheStore;
import io.etareport.db.DatabaseMigrator;
import io.etareport.jobs.ReportJobs;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "clear-cache", mixinStandardHelpOptions = true,
        description = "Delete the stored copies of upstream results (and, with --jobs, finished report jobs)."
                + " Without --confirm, only says what would be deleted.",
        footer = {"", "Examples:", "  java -jar eta-report.jar clear-cache            (says what would go)", "  java -jar eta-report.jar clear-cache --confirm", "  java -jar eta-report.jar clear-cache --jobs --confirm"})
class ClearCacheCommand implements Callable<Integer> {

    @Option(names = "--confirm", description = "Really delete.")
    boolean confirm;

    @Option(names = "--jobs", description = "Also delete completed and failed report jobs and their logs.")
    boolean jobs;

    @Spec
    CommandSpec spec;

    private final DatabaseMigrator migrator;
    private final CacheStore cache;
    private final ReportJobs reportJobs;
    private final AuditLog audit;

    ClearCacheCommand(DatabaseMigrator migrator, CacheStore cache, ReportJobs reportJobs, AuditLog audit) {
        this.migrator = migrator;
        this.cache = cache;
        this.reportJobs = reportJobs;
        this.audit = audit;
    }

    @Override
    public Integer call() {
        migrator.migrate();
        PrintWriter out = spec.commandLine().getOut();
        if (!confirm) {
            out.println("Would delete " + entries(cache.count()) + (jobs ? " and " + jobs(reportJobs.purgeFinished(Duration.ZERO, false)) : "")
                    + ". Nothing was deleted: run again with --confirm to delete.");
            return 0;
        }
        int deletedEntries = cache.deleteAll();
        int deletedJobs = jobs ? reportJobs.purgeFinished(Duration.ZERO, true) : 0;
        audit.record(CommandLineActor.name(), "cache", null, "clear", null, jobs
                ? AuditLog.fields("cache_entries", deletedEntries, "finished_jobs", deletedJobs)
                : AuditLog.fields("cache_entries", deletedEntries));
        out.println("Deleted " + entries(deletedEntries) + (jobs ? " and " + jobs(deletedJobs) : "") + ".");
        return 0;
    }

    private static String entries(int n) {
        return n + (n == 1 ? " cache entry" : " cache entries");
    }

    private static String jobs(int n) {
        return n + (n == 1 ? " finished report job" : " finished report jobs");
    }
}
