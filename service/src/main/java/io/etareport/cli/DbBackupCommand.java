package io.etareport.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.etareport.db.DatabaseBackup;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "db-backup", mixinStandardHelpOptions = true,
        description = "Write a consistent copy of the database (safe while the service runs) and print its path;"
                + " optionally delete older backups.",
        footer = {"", "Examples:", "  java -jar eta-report.jar db-backup", "  java -jar eta-report.jar db-backup --dir /var/backups/eta-report --keep 14"})
class DbBackupCommand implements Callable<Integer> {

    @Option(names = "--dir", paramLabel = "D", description = "Folder for the copy (default: beside the database).")
    Path dir;

    @Option(names = "--keep", paramLabel = "N",
            description = "After writing, keep only the N newest backups in the folder and delete the older ones.")
    Integer keep;

    private final DatabaseBackup backup;

    DbBackupCommand(DatabaseBackup backup) {
        this.backup = backup;
    }

    @Override
    public Integer call() {
        if (keep != null && keep < 1) {
            throw new IllegalArgumentException("--keep must be at least 1, so the backup just written stays.");
        }
        System.out.println(backup.writeInto(dir));
        if (keep != null) {
            backup.prune(dir, keep).forEach(old -> System.out.println("removed " + old));
        }
        return 0;
    }
}
