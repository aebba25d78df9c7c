package io.etareport.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.etareport.db.DatabaseBackup;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "db-backup", mixinStandardHelpOptions = true,
        description = "Write a consistent copy of the database (safe while the service runs) and print its path.")
class DbBackupCommand implements Callable<Integer> {

    @Option(names = "--dir", paramLabel = "D", description = "Folder for the copy (default: beside the database).")
    Path dir;

    private final DatabaseBackup backup;

    DbBackupCommand(DatabaseBackup backup) {
        this.backup = backup;
    }

    @Override
    public Integer call() {
        System.out.println(backup.writeInto(dir));
        return 0;
    }
}
