package io.etareport.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.etareport.OnPostgres;

import org.junit.jupiter.api.Test;

/** {@link AnonymousSessionsIntegrationTest} on PostgreSQL, where sessions are rows (Spring Session JDBC). */
@OnPostgres(sharedSessions = true)
class AnonymousSessionsOnPostgresIntegrationTest extends AnonymousSessionsIntegrationTest {

    @Override
    int sessionRows() {
        return db.sql("SELECT count(*) FROM spring_session").query(Integer.class).single();
    }

    @Test
    void pastTheCeilingTheOldestSessionRowsAreDeletedFirst() {
        db.sql("DELETE FROM spring_session").update();
        for (int i = 1; i <= 5; i++) {
            db.sql("INSERT INTO spring_session (primary_id, session_id, creation_time, last_access_time,"
                    + " max_inactive_interval, expiry_time) VALUES (?, ?, ?, ?, 1800, ?)")
                    .params("p" + i, "s" + i, i * 1000L, i * 1000L, Long.MAX_VALUE).update();
        }

        assertThat(new SessionTableCap(db, 3).trim()).isEqualTo(2);

        assertThat(db.sql("SELECT trim(session_id) FROM spring_session ORDER BY creation_time").query(String.class)
                .list()).containsExactly("s3", "s4", "s5");
    }
}
