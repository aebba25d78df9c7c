package io.etareport.cache;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import io.etareport.db.DatabaseBackup;
import io.etareport.db.DatabaseMigrator;
import io.etareport.db.DatabaseProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A migrated database file for tests that need the cache's table but no Spring context. */
final class CacheDatabase {

    private CacheDatabase() {
    }

    static JdbcClient create(Path dir, Clock clock) {
        Path file = dir.resolve("eta.db");
        DatabaseProperties properties = new DatabaseProperties(file.toString(), 2, Duration.ofSeconds(5), true);
        new DatabaseMigrator(properties, new DatabaseBackup(properties, clock, java.time.ZoneId.of("Australia/Sydney"))).migrate();
        return JdbcClient.create(new DriverManagerDataSource("jdbc:sqlite:" + file + "?busy_timeout=5000"));
    }
}
