package io.etareport.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Moves the SQLite database (adopted and migrated first) into an empty PostgreSQL schema: the schema is
 * created by our PostgreSQL migrations, then every table is copied row by row in one transaction and the
 * row counts compared before it commits. A schema with any table in it is refused untouched, so a copy can
 * never overwrite or mix with a database in use.
 */
@Component
public class DatabaseCopy {

    /** Our tables, parents before children. Flyway's history is not copied: the target writes its own. */
    static final List<String> TABLES = List.of("customers", "users", "status_mapping", "jobs", "cache", "buz_cache",
            "report_job", "report_job_log", "buz_column", "buz_column_decision", "retired_link", "paused_customer",
            "audit_log", "api_key", "api_call", "eta_seen", "eta_change", "status_stage");
    /** Tables whose ids PostgreSQL generates: their sequences continue after the copied ids. */
    private static final Set<String> GENERATED_IDS = Set.of("customers", "users", "status_mapping", "report_job_log",
            "audit_log", "api_key", "api_call", "eta_change");
    private static final int BATCH = 500;

    private final DatabaseProperties source;
    private final DatabaseMigrator sourceMigrator;
    private final List<JavaMigration> javaMigrations;

    public DatabaseCopy(DatabaseProperties source, DatabaseMigrator sourceMigrator, List<JavaMigration> javaMigrations) {
        this.source = source;
        this.sourceMigrator = sourceMigrator;
        this.javaMigrations = List.copyOf(javaMigrations);
    }

    /** Rows copied per table, in copy order. */
    public record Result(Map<String, Integer> rows) {
    }

    public Result copyTo(String url, String username, String password) {
        if (source.postgres()) {
            throw new DatabaseException("copy-db copies the SQLite file at DATABASE; unset DATABASE_URL to run it.");
        }
        DatabaseProperties target = new DatabaseProperties(null, 1, source.busyTimeout(), true, url, username,
                password, 1, 1);
        target.postgres();
        refuseIfNotEmpty(target);
        sourceMigrator.migrate();
        new DatabaseMigrator(target, new DatabaseBackup(target, java.time.Clock.systemUTC(), java.time.ZoneOffset.UTC),
                javaMigrations).migrate();

        Properties settings = new Properties();
        if (DatabaseConfig.blankToNull(username) != null) {
            settings.setProperty("user", username);
        }
        if (DatabaseConfig.blankToNull(password) != null) {
            settings.setProperty("password", password);
        }
        // SQLite keeps a value's own type, whatever the column says: let PostgreSQL convert text it is given.
        settings.setProperty("stringtype", "unspecified");
        try (Connection from = DriverManager.getConnection(DatabaseConfig.url(source.file(), source));
             Connection to = DriverManager.getConnection(url, settings)) {
            to.setAutoCommit(false);
            Map<String, Integer> copied = new LinkedHashMap<>();
            for (String table : TABLES) {
                copied.put(table, copy(table, from, to));
            }
            for (String table : TABLES) {
                int expected = count(from, table);
                int actual = count(to, table);
                if (expected != actual) {
                    to.rollback();
                    throw new DatabaseException("The copy of " + table + " has " + actual + " rows instead of "
                            + expected + "; nothing was committed.");
                }
            }
            for (String table : GENERATED_IDS) {
                try (Statement statement = to.createStatement()) {
                    statement.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'),"
                            + " coalesce((SELECT max(id) FROM " + table + "), 0) + 1, false)");
                }
            }
            to.commit();
            return new Result(copied);
        } catch (SQLException e) {
            throw new DatabaseException("The copy failed and nothing was committed: " + e.getMessage(), e);
        }
    }

    private static void refuseIfNotEmpty(DatabaseProperties target) {
        Set<String> tables = new TreeSet<>();
        try (Connection connection = DriverManager.getConnection(target.url(),
                DatabaseConfig.blankToNull(target.username()), DatabaseConfig.blankToNull(target.password()));
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables"
                     + " WHERE table_schema = current_schema()")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new DatabaseException("Cannot connect to the target database: " + e.getMessage(), e);
        }
        if (!tables.isEmpty()) {
            throw new DatabaseException("The target schema is not empty (it has " + String.join(", ", tables)
                    + "). copy-db only fills an empty one; nothing was changed.");
        }
    }

    private static int copy(String table, Connection from, Connection to) throws SQLException {
        int rows = 0;
        try (Statement read = from.createStatement();
             ResultSet source = read.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData meta = source.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnName(i));
            }
            String insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
            try (PreparedStatement write = to.prepareStatement(insert)) {
                while (source.next()) {
                    for (int i = 1; i <= columns.size(); i++) {
                        Object value = source.getObject(i);
                        // Reports stored before compression are JSON text; PostgreSQL keeps every result as bytes.
                        if (value instanceof String text && table.equals("report_job")
                                && columns.get(i - 1).equalsIgnoreCase("result")) {
                            value = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                        }
                        write.setObject(i, value);
                    }
                    write.addBatch();
                    if (++rows % BATCH == 0) {
                        write.executeBatch();
                    }
                }
                write.executeBatch();
            }
        }
        return rows;
    }

    private static int count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT count(*) FROM " + table)) {
            result.next();
            return result.getInt(1);
        }
    }
}
