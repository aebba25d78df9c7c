package io.etareport.db;

import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two pools over one SQLite file, or over one PostgreSQL database when {@code DATABASE_URL} is set.
 * On PostgreSQL both are ordinary pools (many writers are its job); the read pool stays separate so
 * the {@link ReadOnly} clients keep their meaning on both engines.
 * <p>
 * On SQLite: SQLite has a single write lock: a transaction that reads and
 * then writes cannot wait for it (busy_timeout does not help a lock upgrade), so concurrent
 * writers on several connections fail with SQLITE_BUSY. One writer connection makes writes queue
 * in the pool instead; IMMEDIATE transactions make it wait politely for other processes (an
 * operator command) too. Reads use their own pool and, with WAL, never wait for the writer.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfig {

    @Bean
    @Primary
    HikariDataSource dataSource(DatabaseProperties properties, DatabaseMigrator migrator) {
        if (properties.postgres()) {
            if (properties.migrateOnStart()) {
                migrator.migrate();
            }
            HikariDataSource pool = postgres(properties, "postgres-write");
            pool.setMaximumPoolSize(Math.max(1, properties.poolSize()));
            return pool;
        }
        Path file = properties.file();
        DatabaseFile.checkUsable(file);
        // Migrating here, before anyone can hold the pool, means every user of the database sees
        // the current schema, whatever order the context creates beans in.
        if (properties.migrateOnStart()) {
            migrator.migrate();
        }
        // Lazy pool (no-arg constructor): nothing opens the file until it is used, so a command
        // that only copies the file never creates one.
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("sqlite-write");
        pool.setJdbcUrl(url(file, properties) + "&transaction_mode=IMMEDIATE");
        pool.setMaximumPoolSize(1);
        pool.setMinimumIdle(1);
        pool.setConnectionTimeout(60_000);
        return pool;
    }

    @Bean
    @ReadOnly
    HikariDataSource readOnlyDataSource(DatabaseProperties properties) {
        if (properties.postgres()) {
            HikariDataSource pool = postgres(properties, "postgres-read");
            pool.setReadOnly(true);
            pool.setMaximumPoolSize(Math.max(1, properties.readPoolSize()));
            pool.setMinimumIdle(0);
            return pool;
        }
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("sqlite-read");
        pool.setJdbcUrl(url(properties.file(), properties));
        // Opened read-only by SQLite itself (SQLITE_OPEN_READONLY): a write here fails at once
        // instead of competing with the writer for the lock.
        pool.addDataSourceProperty("open_mode", "1");
        pool.setReadOnly(true);
        pool.setMaximumPoolSize(Math.max(1, properties.readPoolSize()));
        pool.setMinimumIdle(0);
        return pool;
    }

    @Bean
    @Primary
    JdbcClient jdbcClient(DataSource dataSource) {
        return JdbcClient.create(dataSource);
    }

    @Bean
    @ReadOnly
    JdbcClient readOnlyJdbcClient(@ReadOnly DataSource readOnlyDataSource) {
        return JdbcClient.create(readOnlyDataSource);
    }

    private static HikariDataSource postgres(DatabaseProperties properties, String name) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName(name);
        pool.setJdbcUrl(properties.url());
        pool.setUsername(blankToNull(properties.username()));
        pool.setPassword(blankToNull(properties.password()));
        pool.setMinimumIdle(0);
        return pool;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /**
     * Per-connection settings only: the WAL journal is switched on by the migrator once it has
     * checked the file, because it rewrites the file header.
     */
    static String url(Path file, DatabaseProperties properties) {
        return "jdbc:sqlite:" + file + "?busy_timeout=" + properties.busyTimeout().toMillis()
                + "&foreign_keys=true&synchronous=NORMAL";
    }
}
