package io.etareport.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseBackupTest {

    @TempDir
    Path dir;

    @Test
    void aBackupTakenWhileAnotherConnectionWritesIsConsistent() throws Exception {
        Path file = dir.resolve("eta.db");
        DatabaseProperties properties = new DatabaseProperties(file.toString(), 2, Duration.ofSeconds(10), true);
        DatabaseBackup backup = new DatabaseBackup(properties, Clock.systemUTC(), java.time.ZoneId.of("Australia/Sydney"));
        new DatabaseMigrator(properties, backup).migrate();

        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger written = new AtomicInteger();
        Thread writer = new Thread(() -> {
            try (Connection connection = DriverManager.getConnection(DatabaseConfig.url(file, properties));
                 PreparedStatement insert = connection.prepareStatement(
                         "INSERT INTO status_mapping (odata_status, custom_status) VALUES (?, ?)")) {
                while (writing.get()) {
                    int n = written.incrementAndGet();
                    insert.setString(1, "status " + n);
                    insert.setString(2, "x".repeat(500));
                    insert.executeUpdate();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        await("200 rows written").atMost(Duration.ofSeconds(60)).until(() -> written.get() >= 200);

        Path copy = backup.writeInto(dir.resolve("backups"));
        writing.set(false);
        writer.join();

        assertThat(copy).exists().hasParent(dir.resolve("backups"));
        assertThat(copy.getFileName().toString()).matches("db-backup-\\d{8}-\\d{6}\\.sqlite3");
        assertThat(DatabaseMigratorTest.pragma(copy, "integrity_check")).isEqualTo("ok");
        int copied = Integer.parseInt(DatabaseMigratorTest.query(copy, "SELECT count(*) FROM status_mapping").get(0));
        assertThat(copied).isGreaterThanOrEqualTo(200).isLessThanOrEqualTo(written.get());
    }

    @Test
    void twoBackupsInTheSameSecondGetDistinctNames() throws Exception {
        Path file = dir.resolve("eta.db");
        DatabaseProperties properties = new DatabaseProperties(file.toString(), 2, Duration.ofSeconds(10), true);
        DatabaseBackup backup = new DatabaseBackup(properties,
                Clock.fixed(java.time.Instant.parse("2026-01-01T00:00:00Z"), java.time.ZoneOffset.UTC),
                java.time.ZoneId.of("Australia/Sydney"));
        new DatabaseMigrator(properties, backup).migrate();

        assertThat(backup.writeInto(null)).isNotEqualTo(backup.writeInto(null));
    }
}
