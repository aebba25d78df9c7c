package io.etareport.columns;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import io.etareport.db.DatabaseBackup;
import io.etareport.db.DatabaseMigrator;
import io.etareport.db.DatabaseProperties;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Upgrading a database the previous version wrote: no stored copy keeps serving a column that is not allowed. */
class StripUnapprovedColumnsMigrationTest {

    // As the previous version stored them: lines with every column but the sensitive-looking ones.
    private static final String OLD_LINES = """
            [{"instance":"DD","refNo":"90080","descn":"Ledger Lane - Office","dateScheduled":"2025-01-11",
              "productionLine":"Roller Blinds","inventoryItem":"Roller Blind - Blockout",
              "productionStatus":"In Production","fixedLine":"1",
              "otherColumns":{"Customer":"Ledger Lane Blinds","OrderStatus":"Work in Progress","Width":"1200",
                              "SellPrice":"412.5","LineValue":"187.25","DateOrdered":"2024-12-01T00:00:00Z"}}]""";
    private static final String OLD_ORDER_ROWS = """
            [{"RefNo":"90080","Customer":"Ledger Lane Blinds","CurrentStage":"Cutting","LineValue":187.25}]""";
    private static final String OLD_STATUSES = "[\"Cutting\",\"In Production\"]";
    private static final String OLD_REPORT = """
            {"customerName":"Ledger Lane Blinds","orders":[{"instance":"DD","refNo":"90080","descn":"Office",
              "expected":"2025-01-11","lines":[{"instance":"DD","refNo":"90080","fixedLine":"1",
              "otherColumns":{"Customer":"Ledger Lane Blinds","Width":"1200","LineValue":"187.25",
                              "SellPrice":"412.5"}}]}],
             "choices":null,"sources":[],"builtAt":"2026-03-04T01:00:00Z"}""";

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-04T01:02:03Z"), ZoneOffset.UTC);

    @Test
    void storedCopiesAndReportsLoseEveryColumnThatIsNeitherRequiredNorApprovedAfterABackup() throws Exception {
        Path file = dir.resolve("eta.db");
        String url = "jdbc:sqlite:" + file;
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration/sqlite").target("3")
                .load().migrate();
        JdbcClient db = JdbcClient.create(new DriverManagerDataSource(url));
        storeCopy(db, "open_orders:DD:customer:Ledger Lane Blinds", OLD_LINES);
        storeCopy(db, "order:DD:WorkInProgress:90080", OLD_ORDER_ROWS);
        storeCopy(db, "statuses:DD", OLD_STATUSES);
        db.sql("INSERT INTO report_job (id, customer_id, status, result, created_at, updated_at, heartbeat_at,"
                + " finished_at) VALUES ('job-1', 1, 'completed', ?, 1, 1, 1, 1)").param(OLD_REPORT).update();

        DatabaseProperties properties = new DatabaseProperties(file.toString(), 2, Duration.ofSeconds(5), true);
        new DatabaseMigrator(properties, new DatabaseBackup(properties, clock, ZoneId.of("Australia/Sydney")), List.of(
                new StripUnapprovedColumnsMigration(new ColumnsProperties(List.of("Width", "DateOrdered")))))
                .migrate();

        String lines = copy(db, "open_orders:DD:customer:Ledger Lane Blinds");
        assertThat(lines).doesNotContain("LineValue", "187.25", "SellPrice", "412.5")
                .contains("\"Width\":\"1200\"", "\"Customer\":\"Ledger Lane Blinds\"", "DateOrdered",
                        "\"refNo\":\"90080\"", "Roller Blind - Blockout");
        assertThat(copy(db, "order:DD:WorkInProgress:90080")).doesNotContain("LineValue", "CurrentStage")
                .contains("\"RefNo\":\"90080\"");
        assertThat(copy(db, "statuses:DD")).isEqualTo(OLD_STATUSES);
        String report = db.sql("SELECT result FROM report_job WHERE id = 'job-1'").query(String.class).single();
        assertThat(report).doesNotContain("LineValue", "187.25", "SellPrice")
                .contains("\"Width\":\"1200\"", "Ledger Lane Blinds");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .anyMatch(name -> name.startsWith("db-backup-"));
        }
    }

    private static void storeCopy(JdbcClient db, String key, String payload) {
        db.sql("INSERT INTO buz_cache (cache_key, payload, row_count, refreshed_at) VALUES (?, ?, 1, 1)")
                .params(key, payload).update();
    }

    private static String copy(JdbcClient db, String key) {
        return db.sql("SELECT payload FROM buz_cache WHERE cache_key = ?").param(key).query(String.class).single();
    }
}
