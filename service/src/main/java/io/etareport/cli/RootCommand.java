package io.etareport.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "eta-report", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "Operator commands. Without a command, java -jar eta-report.jar serves the ETA report.",
        subcommands = {CommandLine.HelpCommand.class, InitDbCommand.class, DbBackupCommand.class,
                PrewarmCacheCommand.class, ClearCacheCommand.class, PurgeJobsCommand.class, AddUserCommand.class,
                ApiKeyCommand.class, CopyDbCommand.class, SendUpdatesCommand.class},
        footer = {"", "Examples:",
                "  java -jar eta-report.jar                  serve the report (settings: docs/configuration.md)",
                "  java -jar eta-report.jar --version",
                "  java -jar eta-report.jar help db-backup",
                "  java -jar eta-report.jar init-db",
                "  java -jar eta-report.jar send-updates"})
class RootCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
