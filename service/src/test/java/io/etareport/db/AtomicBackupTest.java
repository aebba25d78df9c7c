package io.etareport.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import io.etareport.cli.Cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backup is written under a temporary name, checked, then renamed: nothing half-written looks like a backup. */
class AtomicBackupTest {

    @TempDir
    Path dir;

    private Path file;
    private DatabaseProperties properties;
    private DatabaseBackup backup;

    @BeforeEach
    void database() {
        file = dir.resolve("eta.db");
        properties = new DatabaseProperties(file.toString(), 2, Duration.ofSeconds(10), true);
        backup = new DatabaseBackup(properties, Clock.systemUTC());
        new DatabaseMigrator(properties, backup).migrate();
    }

    private List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(each -> each.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFinishedBackupLeavesOnlyTheCheckedCopyBehind() throws Exception {
        Path copy = backup.writeInto(dir.resolve("backups"));

        assertThat(names(dir.resolve("backups"))).containsExactly(copy.getFileName().toString());
        assertThat(DatabaseMigratorTest.pragma(copy, "integrity_check")).isEqualTo("ok");
    }

    @Test
    void keepPrunesAllButTheNewestBackupsAndNothingElse() throws Exception {
        Path folder = dir.resolve("backups");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("notes.txt"), "keep me");
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        List<Path> oldestFirst = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Path copy = backup.writeInto(folder);
            Files.setLastModifiedTime(copy, FileTime.from(base.plus(Duration.ofDays(i))));
            oldestFirst.add(copy);
        }
        List<String> before = names(folder).stream().filter(name -> name.startsWith("db-backup-")).toList();
        assertThat(before).hasSize(4);

        List<Path> removed = backup.prune(folder, 2);

        assertThat(removed).containsExactlyInAnyOrder(oldestFirst.get(0), oldestFirst.get(1));
        assertThat(oldestFirst.get(2)).exists();
        assertThat(oldestFirst.get(3)).exists();
        assertThat(names(folder)).contains("notes.txt").filteredOn(name -> name.startsWith("db-backup-")).hasSize(2);
    }

    @Test
    void keepWorksFromTheCommandLine() throws Exception {
        System.setProperty("DATABASE", file.toString());
        try {
            for (int i = 0; i < 3; i++) {
                assertThat(Cli.run(new String[] {"db-backup", "--dir", dir.resolve("b").toString()})).isZero();
            }
            assertThat(Cli.run(new String[] {"db-backup", "--dir", dir.resolve("b").toString(), "--keep", "2"}))
                    .isZero();
            assertThat(Cli.run(new String[] {"db-backup", "--keep", "0"})).isNotZero();
        } finally {
            System.clearProperty("DATABASE");
        }

        assertThat(names(dir.resolve("b"))).hasSize(2).allMatch(name -> name.startsWith("db-backup-"));
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
