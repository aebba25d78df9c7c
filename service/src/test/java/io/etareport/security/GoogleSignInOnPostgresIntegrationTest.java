package io.etareport.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.etareport.OnPostgres;

import org.junit.jupiter.api.Test;

/** {@link GoogleSignInIntegrationTest} on PostgreSQL, where staff sessions live in the database (Spring Session JDBC). */
@OnPostgres(sharedSessions = true)
class GoogleSignInOnPostgresIntegrationTest extends GoogleSignInIntegrationTest {

    @Test
    void theSessionIsKeptInTheDatabaseWhereEveryNodeFindsIt() throws Exception {
        db.sql("DELETE FROM spring_session").update();

        signInWithGoogle(Staff.ADMIN);

        assertThat(db.sql("SELECT principal_name FROM spring_session").query(String.class).list())
                .containsExactly(Staff.ADMIN);
    }
}
