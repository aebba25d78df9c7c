package io.etareport.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

/**
 * Consistent copies of the database file, taken with {@code VACUUM INTO} so they are safe while
 * the service is writing. A copy is written under a temporary name in the target folder, checked
 * with {@code PRAGMA integrity_check}, and only then renamed to {@code db-backup-<stamp>.sqlite3}:
 * a backup interrupted at any point (killed, disk full) leaves no file named like a good one.
 */
@Component
public class DatabaseBackup {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    /** Not {@code db-backup-}: a half-written copy must never be taken for a backup. */
    static final String TEMPORARY_PREFIX = ".partial-backup-";

    private final DatabaseProperties properties;
    private final Clock clock;
    private final ZoneId zone;

    /** @param zone the service's time zone, for the stamp in the file name */
    public DatabaseBackup(DatabaseProperties properties, Clock clock, ZoneId zone) {
        this.properties = properties;
        this.clock = clock;
        this.zone = zone;
    }

    /** Writes a copy into {@code folder} (the database's own folder when null) and returns its path. */
    public Path writeInto(Path folder) {
        if (properties.postgres()) {
            throw new DatabaseException("db-backup copies the SQLite file; on PostgreSQL (DATABASE_URL) use"
                    + " pg_dump or the database host's backups.");
        }
        Path source = properties.file();
        if (!DatabaseFile.exists(source)) {
            throw new DatabaseException("There is no database at " + source + " to back up.");
        }
        DatabaseFile.checkUsable(source);
        Path dir = folder == null ? source.getParent() : folder.toAbsolutePath().normalize();
        Path temporary = null;
        try {
            Files.createDirectories(dir);
            removeAbandoned(dir);
            // Same folder as the final name, so the rename below is atomic on one file system.
            temporary = dir.resolve(TEMPORARY_PREFIX + UUID.randomUUID() + ".tmp");
            try (Connection connection = DriverManager.getConnection(DatabaseConfig.url(source, properties));
                 Statement statement = connection.createStatement()) {
                statement.execute("VACUUM INTO '" + temporary.toString().replace("'", "''") + "'");
            }
            verify(temporary);
            Path target = freeName(dir);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (SQLException | IOException e) {
            throw new DatabaseException("The backup could not be written to " + dir + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    /**
     * Keeps the {@code keep} newest backups in {@code folder} (the database's folder when null)
     * and deletes the older ones; returns the deleted files.
     */
    public List<Path> prune(Path folder, int keep) {
        if (keep < 1) {
            throw new DatabaseException("--keep must be at least 1, so the backup just written stays.");
        }
        Path dir = folder == null ? properties.file().getParent() : folder.toAbsolutePath().normalize();
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> newestFirst = files.filter(DatabaseBackup::isBackup)
                    .sorted(Comparator.comparing(DatabaseBackup::modified).thenComparing(Path::toString).reversed())
                    .toList();
            List<Path> old = newestFirst.subList(Math.min(keep, newestFirst.size()), newestFirst.size());
            for (Path file : old) {
                Files.deleteIfExists(file);
            }
            return old;
        } catch (IOException e) {
            throw new DatabaseException("Old backups in " + dir + " could not be removed: " + e.getMessage(), e);
        }
    }

    private static boolean isBackup(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith("db-backup-") && name.endsWith(".sqlite3") && Files.isRegularFile(file);
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /** Temporary copies left by a backup killed mid-way; a day old, so never one still being written. */
    private void removeAbandoned(Path dir) throws IOException {
        long before = clock.millis() - Duration.ofDays(1).toMillis();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(file -> file.getFileName().toString().startsWith(TEMPORARY_PREFIX))
                    .filter(file -> modified(file).toMillis() < before)
                    .forEach(DatabaseBackup::deleteQuietly);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Left for the next backup's clean-up; its name never passes for a backup.
        }
    }

    private Path freeName(Path dir) {
        String stamp = STAMP.format(clock.instant().atZone(zone));
        Path candidate = dir.resolve("db-backup-" + stamp + ".sqlite3");
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = dir.resolve("db-backup-" + stamp + "-" + n + ".sqlite3");
        }
        return candidate;
    }

    private static void verify(Path copy) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + copy);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("PRAGMA integrity_check")) {
            String verdict = result.next() ? result.getString(1) : "no answer";
            if (!"ok".equals(verdict)) {
                throw new SQLException("the copy failed its integrity check: " + verdict);
            }
        }
    }
}
