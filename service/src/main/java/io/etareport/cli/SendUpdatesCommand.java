package io.etareport.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import io.etareport.db.DatabaseMigrator;
import io.etareport.notify.Updates;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "send-updates", mixinStandardHelpOptions = true,
        description = "Fetch every customer with update subscribers live, record what changed and send every update"
                + " mail that is due now, daily digests included whatever the time. Needs the mail settings"
                + " (SPRING_MAIL_HOST ...).",
        footer = {"", "Examples:", "  java -jar eta-report.jar send-updates"})
class SendUpdatesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private final DatabaseMigrator migrator;
    private final Updates updates;

    SendUpdatesCommand(DatabaseMigrator migrator, Updates updates) {
        this.migrator = migrator;
        this.updates = updates;
    }

    @Override
    public Integer call() {
        migrator.migrate();
        PrintWriter out = spec.commandLine().getOut();
        // Operators run this by hand or from cron: the names are for them, and never logged.
        Updates.Summary summary = updates.run(true, out::println);
        out.println(summary.describe());
        out.println(updates.deliverDue() + " mails sent.");
        return 0;
    }
}
