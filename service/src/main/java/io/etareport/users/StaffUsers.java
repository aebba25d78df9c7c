package io.etareport.users;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.etareport.db.ReadOnly;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code users} table, shared with the original service. Emails are compared ignoring case:
 * Google may report an address in another case than staff typed it.
 */
@Repository
public class StaffUsers {

    private static final String COLUMNS = "id, email, name, role, active";

    private final JdbcClient writes;
    private final JdbcClient reads;

    public StaffUsers(JdbcClient writes, @ReadOnly JdbcClient reads) {
        this.writes = writes;
        this.reads = reads;
    }

    /**
     * The active member of staff with this email, if any. Read on every signed-in request, so
     * that deactivating someone or changing their role takes effect at once.
     */
    public Optional<StaffUser> findActiveByEmail(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return reads.sql("SELECT " + COLUMNS + " FROM users WHERE lower(email) = ? AND active = 1")
                .param(normalise(email))
                .query(StaffUsers::map).list().stream()
                // A role the original never wrote gives no access rather than a guessed one.
                .filter(user -> user.role() != null)
                .findFirst();
    }

    /**
     * Adds an active user unless someone with this email exists already (demo seeding, the
     * {@code add-user} command); true when added.
     */
    public boolean addIfMissing(String email, String name, StaffUser.Role role) {
        return writes.sql("INSERT INTO users (email, name, role, active) SELECT ?, ?, ?, 1"
                        + " WHERE NOT EXISTS (SELECT 1 FROM users WHERE lower(email) = ?)")
                .params(normalise(email), name, role.value(), normalise(email))
                .update() == 1;
    }

    /** Everyone, by email. */
    List<StaffUser> findAll() {
        return reads.sql("SELECT " + COLUMNS + " FROM users ORDER BY lower(email), id").query(StaffUsers::map).list();
    }

    Optional<StaffUser> findById(long id) {
        return reads.sql("SELECT " + COLUMNS + " FROM users WHERE id = ?").param(id).query(StaffUsers::map).optional();
    }

    // The methods below run inside the caller's transaction, on the writer connection.

    boolean emailTaken(String email, long exceptId) {
        return writes.sql("SELECT count(*) FROM users WHERE lower(email) = ? AND id <> ?")
                .params(normalise(email), exceptId).query(Integer.class).single() > 0;
    }

    /**
     * Locks the rows of the active admins until the transaction ends, so that two changes at once cannot each
     * count the other's admin as still active. SQLite's single writer queues them anyway; on PostgreSQL the
     * second change waits here and then counts what the first committed.
     */
    void lockActiveAdmins() {
        writes.sql("UPDATE users SET active = active WHERE active = 1 AND lower(trim(role)) = 'admin'").update();
    }

    int countActiveAdmins() {
        return writes.sql("SELECT count(*) FROM users WHERE active = 1 AND lower(trim(role)) = 'admin'")
                .query(Integer.class).single();
    }

    Optional<StaffUser> findByIdForChange(long id) {
        return writes.sql("SELECT " + COLUMNS + " FROM users WHERE id = ?").param(id).query(StaffUsers::map)
                .optional();
    }

    Optional<StaffUser> findByEmailForChange(String email) {
        return writes.sql("SELECT " + COLUMNS + " FROM users WHERE lower(email) = ?").param(normalise(email))
                .query(StaffUsers::map).optional();
    }

    void insert(String email, String name, StaffUser.Role role) {
        writes.sql("INSERT INTO users (email, name, role, active) VALUES (?, ?, ?, 1)")
                .params(normalise(email), name, role.value()).update();
    }

    boolean update(long id, String email, String name, StaffUser.Role role) {
        return writes.sql("UPDATE users SET email = ?, name = ?, role = ? WHERE id = ?")
                .params(normalise(email), name, role.value(), id).update() == 1;
    }

    boolean setActive(long id, boolean active) {
        return writes.sql("UPDATE users SET active = ? WHERE id = ?").params(active ? 1 : 0, id).update() == 1;
    }

    boolean delete(long id) {
        return writes.sql("DELETE FROM users WHERE id = ?").param(id).update() == 1;
    }

    static String normalise(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    private static StaffUser map(ResultSet row, int n) throws SQLException {
        return new StaffUser(row.getLong("id"), row.getString("email"), row.getString("name"),
                StaffUser.Role.fromValue(row.getString("role")).orElse(null), row.getInt("active") == 1);
    }
}
