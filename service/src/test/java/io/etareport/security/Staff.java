package io.etareport.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Staff accounts for tests: rows in the users table, and requests signed in as them. */
public final class Staff {

    public static final String ADMIN = "admin@staff.test";
    public static final String USER = "user@staff.test";

    private Staff() {
    }

    /**
     * A request from someone who signed in with Google as {@code email}. The sign-in itself claims
     * to be an admin: whatever role the request ends up with must come from the users table.
     */
    public static RequestPostProcessor signedInAs(String email) {
        return oidcLogin()
                .idToken(token -> token.claim("email", email).subject("google-" + email))
                .authorities(new SimpleGrantedAuthority("ROLE_ADMIN"), new SimpleGrantedAuthority("ROLE_USER"));
    }

    /** Empties the users table and adds an active admin and an active user. */
    public static void reset(JdbcClient db) {
        db.sql("DELETE FROM users").update();
        add(db, ADMIN, "Ada Admin", "admin", true);
        add(db, USER, "Uma User", "user", true);
    }

    public static long add(JdbcClient db, String email, String name, String role, boolean active) {
        db.sql("INSERT INTO users (email, name, role, active) VALUES (?, ?, ?, ?)")
                .params(email, name, role, active ? 1 : 0).update();
        return db.sql("SELECT id FROM users WHERE email = ?").param(email).query(Long.class).single();
    }
}
