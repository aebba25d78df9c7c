package io.etareport.security;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ceiling of {@link SessionCap} for sessions in PostgreSQL (Spring Session JDBC): every minute, sessions past
 * the newest {@code max} are deleted, oldest first (their attributes go with them: the table cascades).
 */
public final class SessionTableCap {

    private final JdbcClient db;
    private final int max;

    SessionTableCap(JdbcClient db, int max) {
        this.db = db;
        this.max = Math.max(1, max);
    }

    /**
     * Deletes the oldest sessions past the ceiling; returns how many. {@code schedule.ScheduledWork} runs it every
     * minute on every node: the result is the same.
     */
    public int trim() {
        return db.sql("DELETE FROM spring_session WHERE primary_id IN (SELECT primary_id FROM spring_session"
                + " ORDER BY creation_time DESC, primary_id OFFSET ?)").param(max).update();
    }
}
