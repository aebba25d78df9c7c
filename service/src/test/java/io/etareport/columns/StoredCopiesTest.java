package io.etareport.columns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import io.etareport.buz.ColumnPolicy;
import io.etareport.db.DatabaseBackup;
import io.etareport.db.DatabaseMigrator;
import io.etareport.db.DatabaseProperties;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Holding a column back rewrites stored reports whether they are gzipped (as jobs store them) or older text. */
class StoredCopiesTest {

    private static final String REPORT = """
            {"customerName":"Ledger Lane Blinds","orders":[{"instance":"DD","refNo":"90080","descn":"Office",
              "expected":"2025-01-11","lines":[{"instance":"DD","refNo":"90080","fixedLine":"1",
              "otherColumns":{"Width":"1200","SellPrice":"412.5"}}]}],
             "choices":null,"sources":[],"builtAt":"2026-03-04T01:00:00Z"}""";

    @TempDir
    Path dir;

    private JdbcClient db;

    @BeforeEach
    void database() {
        Path file = dir.resolve("eta.db");
        DatabaseProperties properties = new DatabaseProperties(file.toString(), 2, Duration.ofSeconds(5), true);
        new DatabaseMigrator(properties, new DatabaseBackup(properties, Clock.systemUTC(),
                ZoneId.of("Australia/Sydney"))).migrate();
        db = JdbcClient.create(new DriverManagerDataSource("jdbc:sqlite:" + file));
    }

    private void storeReport(String id, Object result) {
        db.sql("INSERT INTO report_job (id, customer_id, status, result, created_at, updated_at, heartbeat_at,"
                + " finished_at) VALUES (?, 1, 'completed', ?, 1, 1, 1, 1)").params(id, result).update();
    }

    private byte[] stored(String id) {
        return db.sql("SELECT result FROM report_job WHERE id = ?").param(id).query((row, n) -> row.getBytes(1))
                .single();
    }

    @Test
    void aGzippedReportLosesTheColumnAndStaysGzipped() throws Exception {
        storeReport("gzipped", gzip(REPORT));
        storeReport("text", REPORT);

        StoredCopies.Stripped stripped = new StoredCopies(db).strip(ColumnPolicy.approving(List.of("Width")));

        assertThat(stripped.reportResults()).isEqualTo(2);
        byte[] gzipped = stored("gzipped");
        assertThat(gzipped[0] & 0xff).as("still gzip").isEqualTo(0x1f);
        assertThat(gunzip(gzipped)).doesNotContain("SellPrice", "412.5").contains("\"Width\":\"1200\"");
        assertThat(new String(stored("text"), StandardCharsets.UTF_8)).startsWith("{")
                .doesNotContain("SellPrice").contains("\"Width\":\"1200\"");
    }

    private static byte[] gzip(String json) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(json.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static String gunzip(byte[] stored) throws Exception {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(stored))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
