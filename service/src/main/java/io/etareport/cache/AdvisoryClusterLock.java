package io.etareport.cache;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ClusterLock} on PostgreSQL's advisory locks, one per key (hashed to a number: two keys sharing a
 * hash only wait for each other). The lock is held by a connection for as long as the upstream call takes,
 * so it has a pool of its own: a fetch that also writes can never wait for a connection its own lock holds.
 * When no lock can be had (the database is down or the pool exhausted), or another node has held it past the
 * stale deadline (a frozen or partitioned node), the work runs unlocked: an extra upstream call is better than no
 * report. The lock connections use TCP keepalive, so a node that vanished stops holding its locks once the
 * database notices the dead connection.
 */
final class AdvisoryClusterLock implements ClusterLock, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AdvisoryClusterLock.class);
    /** PostgreSQL's lock_not_available: lock_timeout ran out. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final DataSource locks;
    private final Duration maxWait;

    /**
     * @param maxWait how long to wait for another node's lock (the stale deadline): a node frozen while holding
     *                one keeps its session, and its lock, for as long as it stays frozen
     */
    AdvisoryClusterLock(DataSource locks, Duration maxWait) {
        this.locks = locks;
        this.maxWait = maxWait;
    }

    @Override
    public <V> V run(String key, Work<V> work) {
        Connection connection;
        try {
            connection = locks.getConnection();
        } catch (SQLException e) {
            log.warn("No cluster lock available ({}); fetching without it", e.getMessage());
            return work.run(false);
        }
        try (connection) {
            boolean waited;
            try {
                waited = !tryLock(connection, key);
                if (waited && !lockWithin(connection, key)) {
                    // Whatever holds it is stuck: serve what it stored meanwhile, if anything, or fetch ourselves.
                    log.warn("Another node held a fetch's cluster lock for over {}; fetching without it", maxWait);
                    return work.run(true);
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

    /** Waits for the lock no longer than {@link #maxWait}; false when it did not come. */
    private boolean lockWithin(Connection connection, String key) throws SQLException {
        if (maxWait.toMillis() <= 0) {
            // lock_timeout 0 would mean waiting for ever.
            return false;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET lock_timeout = " + maxWait.toMillis());
        }
        try {
            call(connection, "SELECT pg_advisory_lock(hashtextextended(?, 0))", key);
            return true;
        } catch (SQLException e) {
            if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        } finally {
            try (Statement statement = connection.createStatement()) {
                statement.execute("RESET lock_timeout");
            }
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
