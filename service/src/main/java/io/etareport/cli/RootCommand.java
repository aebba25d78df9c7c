package io.etareport.cli;

import picocli.CommandLine.Command;

@Command(name = "eta-report", mixinStandardHelpOptions = true,
        description = "Operator commands. Without a command, java -jar eta-report.jar serves the ETA report.",
        subcommands = {InitDbCommand.class, DbBackupCommand.class, PrewarmCacheCommand.class,
                ClearCacheCommand.class, PurgeJobsCommand.class, AddUserCommand.class, ApiKeyCommand.class,
                CopyDbCommand.class, SendUpdatesCommand.class})
class RootCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
