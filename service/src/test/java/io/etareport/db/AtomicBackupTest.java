package io.etareport.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

import io.etareport.EtaReportApplication;
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
        backup = new DatabaseBackup(properties, Clock.systemUTC(), ZoneId.of("Australia/Sydney"));
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
                assertThat(Cli.run(EtaReportApplication.class,
                        new String[] {"db-backup", "--dir", dir.resolve("b").toString()})).isZero();
            }
            assertThat(Cli.run(EtaReportApplication.class,
                    new String[] {"db-backup", "--dir", dir.resolve("b").toString(), "--keep", "2"}))
                    .isZero();
            assertThat(Cli.run(EtaReportApplication.class, new String[] {"db-backup", "--keep", "0"})).isNotZero();
        } finally {
            System.clearProperty("DATABASE");
        }

        assertThat(names(dir.resolve("b"))).hasSize(2).allMatch(name -> name.startsWith("db-backup-"));
    }
}
