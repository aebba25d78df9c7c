package io.etareport.cache;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ClusterLock} on PostgreSQL's advisory locks, one per key (hashed to a number: two keys sharing a
 * hash only wait for each other). The lock is held by a connection for as long as the upstream call takes,
 * so it has a pool of its own: a fetch that also writes can never wait for a connection its own lock holds.
 * When no lock can be had (the database is down or the pool exhausted), the work runs unlocked: an extra
 * upstream call is better than no report.
 */
final class AdvisoryClusterLock implements ClusterLock, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AdvisoryClusterLock.class);

    private final DataSource locks;

    AdvisoryClusterLock(DataSource locks) {
        this.locks = locks;
    }

    @Override
    public <V> V run(String key, Work<V> work) {
        Connection connection;
        boolean waited;
        try {
            connection = locks.getConnection();
        } catch (SQLException e) {
            log.warn("No cluster lock available ({}); fetching without it", e.getMessage());
            return work.run(false);
        }
        try (connection) {
            try {
                waited = !tryLock(connection, key);
                if (waited) {
                    call(connection, "SELECT pg_advisory_lock(hashtextextended(?, 0))", key);
                }
            } catch (SQLException e) {
                log.warn("Cluster lock failed ({}); fetching without it", e.getMessage());
                return work.run(false);
            }
            try {
                return work.run(waited);
            } finally {
                try {
                    call(connection, "SELECT pg_advisory_unlock(hashtextextended(?, 0))", key);
                } catch (SQLException e) {
                    // Ending the session releases the lock too: drop the connection rather than pool a held lock.
                    abort(connection);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cluster lock connection could not be closed", e);
        }
    }

    /** Closes the lock pool with the context (Spring calls close() on beans that have one). */
    @Override
    public void close() throws Exception {
        if (locks instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    private static void abort(Connection connection) {
        try {
            connection.abort(Runnable::run);
        } catch (SQLException | RuntimeException ignored) {
            // already closed: the session, and with it the lock, is gone
        }
    }

    private static boolean tryLock(Connection connection, String key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT pg_try_advisory_lock(hashtextextended(?, 0))")) {
            statement.setString(1, key);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private static void call(Connection connection, String sql, String key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, key);
            statement.executeQuery().close();
        }
    }
}
