package io.etareport.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/**
 * Consistent copies of the database file, taken with {@code VACUUM INTO} so they are safe while
 * the service is writing. Each copy is checked with {@code PRAGMA integrity_check} before it is
 * reported as written.
 */
@Component
public class DatabaseBackup {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

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
        Path target = freeName(dir);
        try {
            Files.createDirectories(dir);
            try (Connection connection = DriverManager.getConnection(DatabaseConfig.url(source, properties));
                 Statement statement = connection.createStatement()) {
                statement.execute("VACUUM INTO '" + target.toString().replace("'", "''") + "'");
            }
            verify(target);
            return target;
        } catch (SQLException | java.io.IOException e) {
            throw new DatabaseException("The backup could not be written to " + dir + ": " + e.getMessage(), e);
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
