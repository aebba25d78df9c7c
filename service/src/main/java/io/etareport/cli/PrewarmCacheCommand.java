package io.etareport.cli;

import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;

import io.etareport.audit.AuditLog;
import io.etareport.buz.Instance;
import io.etareport.db.DatabaseMigrator;
import io.etareport.schedule.CacheWarmUp;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "prewarm-cache", mixinStandardHelpOptions = true,
        description = "Fetch every configured customer's open orders live and store them, so the cache is full"
                + " before the supplier's daily blackout. Exits non-zero if any could not be refreshed.",
        footer = {"", "Examples:", "  java -jar eta-report.jar prewarm-cache", "  java -jar eta-report.jar prewarm-cache --instance DD"})
class PrewarmCacheCommand implements Callable<Integer> {

    @Option(names = "--instance", paramLabel = "DD|CBR",
            description = "An instance to warm; repeat for both (default: both).")
    java.util.List<Instance> instances;

    @Spec
    CommandSpec spec;

    private final DatabaseMigrator migrator;
    private final CacheWarmUp warmUp;
    private final AuditLog audit;

    PrewarmCacheCommand(DatabaseMigrator migrator, CacheWarmUp warmUp, AuditLog audit) {
        this.migrator = migrator;
        this.warmUp = warmUp;
        this.audit = audit;
    }

    @Override
    public Integer call() {
        migrator.migrate();
        PrintWriter out = spec.commandLine().getOut();
        Set<Instance> chosen = instances == null || instances.isEmpty()
                ? EnumSet.allOf(Instance.class) : EnumSet.copyOf(instances);
        // Operators run this by hand or from cron: the names are for them, and never logged.
        CacheWarmUp.Summary summary = warmUp.run(chosen, out::println);
        out.println(summary.describe());
        audit.record(CommandLineActor.name(), "cache", null, "prewarm", null, AuditLog.fields("instances",
                chosen.stream().map(Instance::name).sorted().toList(), "refreshed", summary.refreshed(),
                "stale", summary.stale(), "failed", summary.failed()));
        return summary.stale() + summary.failed() == 0 ? 0 : 1;
    }
}
