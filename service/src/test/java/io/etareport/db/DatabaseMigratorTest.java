package io.etareport.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseMigratorTest {

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-04T01:02:03Z"), ZoneOffset.UTC);

    private DatabaseMigrator migrator(Path file) {
        DatabaseProperties properties = new DatabaseProperties(file.toString(), 2, Duration.ofSeconds(5), true);
        return new DatabaseMigrator(properties, new DatabaseBackup(properties, clock, java.time.ZoneId.of("Australia/Sydney")));
    }

    @Test
    void aNewFileGetsTheOriginalSchemaAndOursAndASecondRunChangesNothing() throws Exception {
        Path file = dir.resolve("nested/folder/eta.db");

        MigrationOutcome first = migrator(file).migrate();

        assertThat(first.kind()).isEqualTo(MigrationOutcome.Kind.CREATED);
        assertThat(first.backup()).isNull();
        assertThat(tables(file)).contains("customers", "users", "status_mapping", "jobs", "cache",
                "buz_cache", "report_job", "report_job_log", "flyway_schema_history");
        assertThat(pragma(file, "user_version")).isEqualTo("7");
        assertThat(pragma(file, "journal_mode")).isEqualTo("wal");

        MigrationOutcome second = migrator(file).migrate();

        assertThat(second.kind()).isEqualTo(MigrationOutcome.Kind.UP_TO_DATE);
        assertThat(second.applied()).isZero();
        assertThat(second.version()).isEqualTo(first.version());
        assertThat(backups()).isEmpty();
    }

    @Test
    void theNewSchemaKeepsTheOriginalsFieldTypeRule() throws Exception {
        Path file = dir.resolve("eta.db");
        migrator(file).migrate();

        assertThatThrownBy(() -> execute(file, "INSERT INTO customers (dd_name, obfuscated_id, field_type)"
                + " VALUES ('x', '0123456789abcdef0123456789abcdef', 'Customer Nmae')"))
                .hasMessageContaining("field_type");
    }

    @Test
    void aFileFromTheOriginalIsAdoptedInPlaceWithEveryRowUnchangedAndABackupFirst() throws Exception {
        Path file = dir.resolve("prod.db");
        OriginalDatabase.create(file, 7);
        List<String> before = OriginalDatabase.dump(file);

        MigrationOutcome outcome = migrator(file).migrate();

        assertThat(outcome.kind()).isEqualTo(MigrationOutcome.Kind.ADOPTED);
        assertThat(OriginalDatabase.dump(file)).containsExactlyElementsOf(before);
        assertThat(tables(file)).contains("buz_cache", "report_job", "report_job_log");
        assertThat(pragma(file, "user_version")).isEqualTo("7");

        assertThat(outcome.backup()).exists().hasFileName("db-backup-20260304-120203.sqlite3");
        assertThat(outcome.backup().getParent()).isEqualTo(file.getParent());
        assertThat(pragma(outcome.backup(), "integrity_check")).isEqualTo("ok");
        assertThat(OriginalDatabase.dump(outcome.backup())).containsExactlyElementsOf(before);
        assertThat(tables(outcome.backup())).doesNotContain("buz_cache");

        assertThat(migrator(file).migrate().kind()).isEqualTo(MigrationOutcome.Kind.UP_TO_DATE);
        assertThat(backups()).hasSize(1);
    }

    @Test
    void aFileFromAnOlderOriginalIsRefusedAndLeftByteForByte() throws Exception {
        Path file = dir.resolve("old.db");
        OriginalDatabase.create(file, 3);
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> migrator(file).migrate())
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("older version of the original")
                .hasMessageContaining("schema version 3")
                .hasMessageContaining("flask init-db")
                .hasMessageContaining("has not been changed");

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(backups()).isEmpty();
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedAndLeftByteForByte() throws Exception {
        Path file = dir.resolve("eta.db");
        byte[] garbage = "PK\3\4 this is a zip file, or a log, or anything else\n".repeat(300).getBytes();
        Files.write(file, garbage);

        assertThatThrownBy(() -> migrator(file).migrate())
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("is not a SQLite database");

        assertThat(Files.readAllBytes(file)).isEqualTo(garbage);
        assertThat(Files.list(dir)).containsExactly(file);
    }

    @Test
    void aDatabaseOfSomeOtherApplicationIsRefused() throws Exception {
        Path file = dir.resolve("other.db");
        execute(file, "CREATE TABLE invoices (id INTEGER PRIMARY KEY)");
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> migrator(file).migrate())
                .hasMessageContaining("does not recognise (invoices)");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    private List<Path> backups() throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("db-backup-")).toList();
        }
    }

    static List<String> tables(Path file) throws SQLException {
        return query(file, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    }

    static String pragma(Path file, String pragma) throws SQLException {
        return query(file, "PRAGMA " + pragma).get(0);
    }

    static List<String> query(Path file, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            List<String> values = new java.util.ArrayList<>();
            while (result.next()) {
                values.add(result.getString(1));
            }
            return values;
        }
    }

    static void execute(Path file, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
