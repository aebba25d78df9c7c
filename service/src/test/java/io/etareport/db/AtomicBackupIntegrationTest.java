package io.etareport.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup killed mid-way, in a separate JVM over a large database (hundreds of megabytes, so it belongs with the
 * integration tests): nothing it leaves behind is named like a backup.
 */
class AtomicBackupIntegrationTest {

    @TempDir
    Path dir;

    private Path file;
    private DatabaseBackup backup;

    @BeforeEach
    void database() {
        file = dir.resolve("eta.db");
        DatabaseProperties properties = new DatabaseProperties(file.toString(), 2, Duration.ofSeconds(10), true);
        backup = new DatabaseBackup(properties, Clock.systemUTC(), ZoneId.of("Australia/Sydney"));
        new DatabaseMigrator(properties, backup).migrate();
    }

    private List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(each -> each.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aBackupKilledMidwayLeavesNoFileNamedLikeABackup() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            // About 400 MB, so that copying it takes long enough to be interrupted.
            statement.execute("CREATE TABLE ballast (n INTEGER, data BLOB)");
            statement.execute("WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 50000)"
                    + " INSERT INTO ballast SELECT n, randomblob(8000) FROM c");
        }
        Path folder = dir.resolve("backups");
        Files.createDirectories(folder);
        ProcessBuilder command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.etareport.EtaReportApplication",
                "db-backup", "--dir", folder.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("backup.log").toFile());
        command.environment().put("DATABASE", file.toString());
        command.environment().put("SENTRY_DISABLED", "1");
        Process process = command.start();
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20))
                    .until(() -> !names(folder).isEmpty() || !process.isAlive());
            assertThat(process.isAlive()).as("still copying when killed; log: %s",
                    Files.exists(dir.resolve("backup.log")) ? Files.readString(dir.resolve("backup.log")) : "")
                    .isTrue();
            assertThat(names(folder)).as("only the temporary copy exists while it is written")
                    .allMatch(name -> name.startsWith(DatabaseBackup.TEMPORARY_PREFIX));
            process.destroyForcibly();
            process.waitFor();
        } finally {
            process.destroyForcibly();
        }

        List<String> left = names(folder);
        assertThat(left).noneMatch(name -> name.startsWith("db-backup-"));
        for (String name : left) {
            assertThat(name).startsWith(DatabaseBackup.TEMPORARY_PREFIX);
        }
        // A later backup writes a good copy beside whatever the killed one left.
        Path copy = backup.writeInto(folder);
        assertThat(DatabaseMigratorTest.pragma(copy, "integrity_check")).isEqualTo("ok");
        assertThat(new File(copy.toString())).exists();
    }
}
