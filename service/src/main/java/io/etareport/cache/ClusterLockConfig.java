package io.etareport.cache;

import com.zaxxer.hikari.HikariDataSource;

import io.etareport.db.DatabaseProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Advisory locks on PostgreSQL, where several nodes may share the database; nothing more on SQLite. */
@Configuration(proxyBeanMethods = false)
class ClusterLockConfig {

    @Bean
    ClusterLock clusterLock(DatabaseProperties database, CacheProperties cache) {
        if (!database.postgres()) {
            return ClusterLock.LOCAL;
        }
        return advisoryLock(database, cache);
    }

    /** Waits for another node's lock no longer than a caller waits for live data: the stale deadline. */
    static AdvisoryClusterLock advisoryLock(DatabaseProperties database, CacheProperties cache) {
        return new AdvisoryClusterLock(lockPool(database), cache.staleDeadline());
    }

    static HikariDataSource lockPool(DatabaseProperties database) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("postgres-locks");
        pool.setJdbcUrl(database.url());
        pool.setUsername(blankToNull(database.username()));
        pool.setPassword(blankToNull(database.password()));
        pool.setMaximumPoolSize(Math.max(1, database.lockPoolSize()));
        pool.setMinimumIdle(0);
        pool.setConnectionTimeout(5_000);
        // A lock is held by its session: let the database find a dead node's connection, and the node a dead server.
        pool.addDataSourceProperty("tcpKeepAlive", "true");
        return pool;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
