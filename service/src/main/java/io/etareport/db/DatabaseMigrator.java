package io.etareport.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Brings the database file to our schema. A new file gets the original's schema and ours; a file
 * the original service wrote (user_version 7) is adopted in place: Flyway baselines it at version
 * 1 (the original schema) and only adds our tables. Anything else is refused before a byte of it
 * changes, and an existing file is copied before any migration touches it.
 */
@Component
public class DatabaseMigrator {

    /** The original's schema version that we know how to adopt. */
    static final int ORIGINAL_VERSION = 7;
    private static final Set<String> ORIGINAL_TABLES = Set.of("customers", "users", "status_mapping", "jobs", "cache");

    private static final Logger log = LoggerFactory.getLogger(DatabaseMigrator.class);

    private final DatabaseProperties properties;
    private final DatabaseBackup backup;
    private final List<JavaMigration> javaMigrations;

    public DatabaseMigrator(DatabaseProperties properties, DatabaseBackup backup) {
        this(properties, backup, List.of());
    }

    /**
     * @param javaMigrations migrations written in Java because they need the application's configuration;
     *                       Spring beans, versioned like the SQL scripts beside them
     */
    @Autowired
    public DatabaseMigrator(DatabaseProperties properties, DatabaseBackup backup, List<JavaMigration> javaMigrations) {
        this.properties = properties;
        this.backup = backup;
        this.javaMigrations = List.copyOf(javaMigrations);
    }

    public MigrationOutcome migrate() {
        if (properties.postgres()) {
            return migratePostgres();
        }
        Path file = properties.file();
        DatabaseFile.checkUsable(file);
        String url = DatabaseConfig.url(file, properties);
        Contents contents = inspect(url);
        contents.refuseIfUnknown(file);

        Flyway flyway = Flyway.configure()
                .dataSource(url, null, null)
                .locations("classpath:db/migration/sqlite")
                .baselineOnMigrate(true)
                .baselineVersion("1")
                .baselineDescription("original schema, user_version 7")
                .javaMigrations(javaMigrations.toArray(JavaMigration[]::new))
                .load();
        int pending = flyway.info().pending().length;
        Path copy = null;
        if (!contents.tables().isEmpty() && pending > 0) {
            copy = backup.writeInto(null);
            log.info("Database copied to {} before migrating", copy);
        }
        enableWal(url);
        MigrateResult result = flyway.migrate();
        String version = flyway.info().current() == null ? "none" : flyway.info().current().getVersion().getVersion();
        MigrationOutcome.Kind kind = contents.tables().isEmpty() ? MigrationOutcome.Kind.CREATED
                : contents.adoptable() ? MigrationOutcome.Kind.ADOPTED
                : result.migrationsExecuted > 0 ? MigrationOutcome.Kind.MIGRATED
                : MigrationOutcome.Kind.UP_TO_DATE;
        log.info("Database schema at version {} ({}, {} migrations applied)", version, kind, result.migrationsExecuted);
        return new MigrationOutcome(kind, version, result.migrationsExecuted, copy);
    }

    /**
     * PostgreSQL: no adoption (the original never ran on it) and no file copy (operators back it up with their
     * own tools). A schema holding tables that are not ours is refused untouched. Flyway's lock makes nodes
     * that start together migrate one after the other.
     */
    private MigrationOutcome migratePostgres() {
        String user = DatabaseConfig.blankToNull(properties.username());
        String password = DatabaseConfig.blankToNull(properties.password());
        Set<String> tables = new TreeSet<>();
        try (Connection connection = DriverManager.getConnection(properties.url(), user, password);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables"
                     + " WHERE table_schema = current_schema()")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new DatabaseException("Cannot connect to the PostgreSQL database at DATABASE_URL: " + e.getMessage(), e);
        }
        if (!tables.isEmpty() && !tables.contains("flyway_schema_history")) {
            throw new DatabaseException("The PostgreSQL schema at DATABASE_URL holds tables eta-report does not"
                    + " recognise (" + String.join(", ", tables) + "). Point DATABASE_URL at an empty database or"
                    + " one eta-report created. Nothing has been changed.");
        }
        Flyway flyway = Flyway.configure()
                .dataSource(properties.url(), user, password)
                .locations("classpath:db/migration/postgresql")
                .javaMigrations(javaMigrations.toArray(JavaMigration[]::new))
                .load();
        MigrateResult result = flyway.migrate();
        String version = flyway.info().current() == null ? "none" : flyway.info().current().getVersion().getVersion();
        MigrationOutcome.Kind kind = tables.isEmpty() ? MigrationOutcome.Kind.CREATED
                : result.migrationsExecuted > 0 ? MigrationOutcome.Kind.MIGRATED
                : MigrationOutcome.Kind.UP_TO_DATE;
        log.info("PostgreSQL schema at version {} ({}, {} migrations applied)", version, kind, result.migrationsExecuted);
        return new MigrationOutcome(kind, version, result.migrationsExecuted, null);
    }

    private static void enableWal(String url) {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
        } catch (SQLException e) {
            throw new DatabaseException("Cannot switch the database to WAL mode: " + e.getMessage(), e);
        }
    }

    private static Contents inspect(String url) {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            Set<String> tables = new TreeSet<>();
            try (ResultSet rows = statement.executeQuery(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            int userVersion;
            try (ResultSet rows = statement.executeQuery("PRAGMA user_version")) {
                userVersion = rows.next() ? rows.getInt(1) : 0;
            }
            return new Contents(tables, userVersion);
        } catch (SQLException e) {
            throw new DatabaseException("Cannot read the database: " + e.getMessage()
                    + ". It has not been changed.", e);
        }
    }

    /** What a file holds before we touch it. */
    private record Contents(Set<String> tables, int userVersion) {

        boolean ours() {
            return tables.contains("flyway_schema_history");
        }

        boolean adoptable() {
            return !ours() && tables.containsAll(ORIGINAL_TABLES) && userVersion == ORIGINAL_VERSION;
        }

        void refuseIfUnknown(Path file) {
            if (tables.isEmpty() || ours() || adoptable()) {
                return;
            }
            if (tables.contains("customers") && userVersion < ORIGINAL_VERSION) {
                throw new DatabaseException("The database at " + file + " was written by an older version of the"
                        + " original ETA service (schema version " + userVersion + "; version " + ORIGINAL_VERSION
                        + " is needed). Upgrade it by running the original service's `flask init-db` against it"
                        + " once, then start eta-report again. The file has not been changed.");
            }
            if (tables.contains("customers") && userVersion > ORIGINAL_VERSION) {
                throw new DatabaseException("The database at " + file + " has schema version " + userVersion
                        + ", newer than the original service's " + ORIGINAL_VERSION + " that eta-report can adopt."
                        + " The file has not been changed.");
            }
            throw new DatabaseException("The database at " + file + " holds tables eta-report does not recognise ("
                    + String.join(", ", tables) + "). Point DATABASE at the ETA service's database."
                    + " The file has not been changed.");
        }
    }
}
