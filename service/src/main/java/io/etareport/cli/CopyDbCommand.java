package io.etareport.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

import io.etareport.db.DatabaseCopy;
import io.etareport.db.DatabaseException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "copy-db", mixinStandardHelpOptions = true,
        description = "Copy the SQLite database at DATABASE (adopted and migrated first) into an EMPTY PostgreSQL"
                + " schema, and check every table's row count. The password comes from DATABASE_PASSWORD, never"
                + " from the command line. Refuses a schema that already has tables.",
        footer = {"", "Examples:", "  DATABASE=/var/lib/eta-report/eta.db DATABASE_PASSWORD=... \\", "    java -jar eta-report.jar copy-db --to jdbc:postgresql://db:5432/eta --user eta"})
class CopyDbCommand implements Callable<Integer> {

    @Option(names = "--to", required = true, paramLabel = "JDBC-URL",
            description = "The target, jdbc:postgresql://host:5432/database")
    String to;

    @Option(names = "--user", description = "PostgreSQL user (default: DATABASE_USERNAME).")
    String user;

    @Spec
    CommandSpec spec;

    private final DatabaseCopy copy;

    CopyDbCommand(DatabaseCopy copy) {
        this.copy = copy;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String username = user != null ? user : System.getenv("DATABASE_USERNAME");
        try {
            DatabaseCopy.Result result = copy.copyTo(to, username, System.getenv("DATABASE_PASSWORD"));
            for (Map.Entry<String, Integer> table : result.rows().entrySet()) {
                out.println(table.getKey() + ": " + table.getValue() + " rows");
            }
            out.println("Copied; every table's row count matches. Set DATABASE_URL to the target to use it.");
            return 0;
        } catch (DatabaseException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 1;
        }
    }
}
