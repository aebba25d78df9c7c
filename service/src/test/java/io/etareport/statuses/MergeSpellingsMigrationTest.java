package io.etareport.statuses;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import io.etareport.db.DatabaseBackup;
import io.etareport.db.DatabaseMigrator;
import io.etareport.db.DatabaseProperties;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Upgrading a database with one mapping row per spelling: every spelling of a status ends with the name most
 * recently edited, the rows stay (the original service reads one per spelling), and the merge is in the audit log.
 */
class MergeSpellingsMigrationTest {

    @TempDir
    Path dir;

    @Test
    void spellingsOfAStatusKeepTheMostRecentlyEditedNameAndTheMergeIsAudited() {
        Path file = dir.resolve("eta.db");
        String url = "jdbc:sqlite:" + file;
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration/sqlite").target("11")
                .load().migrate();
        JdbcClient db = JdbcClient.create(new DriverManagerDataSource(url));
        long upper = add(db, "IN PRODUCTION", "Being made (old)");
        long title = add(db, "In Production", "Being made");
        long lower = add(db, "in production", "in production");
        add(db, "Cutting", "Cutting");
        add(db, "CUTTING", "Cutting");
        edited(db, upper, 1_000);
        edited(db, title, 2_000);

        DatabaseProperties properties = new DatabaseProperties(file.toString(), 2, Duration.ofSeconds(5), true);
        Clock clock = Clock.fixed(Instant.parse("2026-03-04T01:02:03Z"), ZoneOffset.UTC);
        new DatabaseMigrator(properties, new DatabaseBackup(properties, clock, ZoneId.of("Australia/Sydney")),
                List.of(new MergeSpellingsMigration())).migrate();

        assertThat(db.sql("SELECT custom_status FROM status_mapping WHERE id IN (?, ?, ?) ORDER BY id")
                .params(upper, title, lower).query(String.class).list())
                .containsExactly("Being made", "Being made", "Being made");
        assertThat(db.sql("SELECT count(*) FROM status_mapping").query(Integer.class).single())
                .as("one row per spelling stays for the original service").isEqualTo(5);
        List<String> audit = db.sql("SELECT action || ' ' || entity_id || ' ' || before_json || ' ' || after_json"
                + " FROM audit_log WHERE action = 'merge spellings'").query(String.class).list();
        assertThat(audit).singleElement().satisfies(entry -> assertThat(entry)
                .startsWith("merge spellings " + title)
                .contains("\"IN PRODUCTION\":\"Being made (old)\"", "\"in production\":\"Being made\""));
        assertThat(db.sql("SELECT count(*) FROM status_hidden").query(Integer.class).single()).isZero();
    }

    private static long add(JdbcClient db, String status, String custom) {
        db.sql("INSERT INTO status_mapping (odata_status, custom_status, active) VALUES (?, ?, 1)")
                .params(status, custom).update();
        return db.sql("SELECT id FROM status_mapping WHERE odata_status = ?").param(status).query(Long.class).single();
    }

    private static void edited(JdbcClient db, long id, long at) {
        db.sql("INSERT INTO audit_log (at, actor, entity, entity_id, action) VALUES (?, 'ann', 'status mapping', ?,"
                + " 'edit')").params(at, String.valueOf(id)).update();
    }
}
