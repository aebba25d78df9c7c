package io.etareport.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Checks a database path before any SQLite connection can touch it. */
final class DatabaseFile {

    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private DatabaseFile() {
    }

    /**
     * Refuses anything at {@code file} that is not a SQLite database, so that a wrong path can
     * never be overwritten; creates the folder for a new file.
     */
    static void checkUsable(Path file) {
        if (Files.isDirectory(file)) {
            throw new DatabaseException("DATABASE points at a folder, not a file: " + file);
        }
        if (exists(file)) {
            if (!hasSqliteHeader(file)) {
                throw new DatabaseException("The file at " + file + " is not a SQLite database (it may be corrupt or"
                        + " a different file). It has not been changed; point DATABASE at the right file.");
            }
            return;
        }
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new DatabaseException("Cannot create the folder for the database: " + file.getParent(), e);
        }
    }

    /** True when there is a non-empty file (SQLite treats an empty file as a new database). */
    static boolean exists(Path file) {
        try {
            return Files.isRegularFile(file) && Files.size(file) > 0;
        } catch (IOException e) {
            throw new DatabaseException("Cannot read the database file " + file, e);
        }
    }

    private static boolean hasSqliteHeader(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(SQLITE_HEADER.length), SQLITE_HEADER);
        } catch (IOException e) {
            throw new DatabaseException("Cannot read the database file " + file, e);
        }
    }
}
