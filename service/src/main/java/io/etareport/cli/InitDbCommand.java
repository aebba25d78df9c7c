package io.etareport.cli;

import java.util.concurrent.Callable;

import io.etareport.db.DatabaseMigrator;

import picocli.CommandLine.Command;

@Command(name = "init-db", mixinStandardHelpOptions = true,
        description = "Create the database, or adopt and migrate an existing one, and print the schema version.",
        footer = {"", "Examples:", "  DATABASE=/var/lib/eta-report/eta.db java -jar eta-report.jar init-db", "  DATABASE_URL=jdbc:postgresql://db:5432/eta java -jar eta-report.jar init-db"})
class InitDbCommand implements Callable<Integer> {

    private final DatabaseMigrator migrator;

    InitDbCommand(DatabaseMigrator migrator) {
        this.migrator = migrator;
    }

    @Override
    public Integer call() {
        System.out.println(migrator.migrate().describe());
        return 0;
    }
}
