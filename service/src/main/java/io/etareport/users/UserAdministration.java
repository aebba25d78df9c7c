package io.etareport.users;

import java.util.Map;
import java.util.function.Supplier;

import io.etareport.audit.AuditLog;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

/**
 * Changes to staff accounts, each in one transaction that is rolled back when it would leave the
 * service without an active admin: nobody could then manage users any more. Each change is written
 * to the audit log in its transaction, so a refused change leaves no entry.
 */
@Service
class UserAdministration {

    static final String LAST_ADMIN = "There must always be at least one active admin. Make someone else an admin first.";
    static final String DUPLICATE = "Someone with this email is already a user.";

    private static final String AUDIT_ENTITY = "user";

    private final StaffUsers users;
    private final TransactionTemplate transactions;
    private final AuditLog audit;

    UserAdministration(StaffUsers users, TransactionTemplate transactions, AuditLog audit) {
        this.users = users;
        this.transactions = transactions;
        this.audit = audit;
    }

    void add(String email, String name, StaffUser.Role role) {
        change(() -> {
            if (users.emailTaken(email, -1)) {
                throw new Refused(DUPLICATE);
            }
            users.insert(email, name, role);
            StaffUser added = users.findByEmailForChange(email).orElseThrow();
            audit.record(AUDIT_ENTITY, added.id(), "add", null, snapshot(added));
            return null;
        });
    }

    void update(long id, String email, String name, StaffUser.Role role) {
        change(() -> {
            StaffUser before = existing(id);
            if (users.emailTaken(email, id)) {
                throw new Refused(DUPLICATE);
            }
            users.update(id, email, name, role);
            audit.record(AUDIT_ENTITY, id, "edit", snapshot(before), snapshot(existing(id)));
            return null;
        });
    }

    /** Activates an inactive user or deactivates an active one; returns the user as they are now. */
    StaffUser toggleActive(long id) {
        return change(() -> {
            StaffUser user = existing(id);
            users.setActive(id, !user.active());
            StaffUser now = users.findByIdForChange(id).orElseThrow();
            audit.record(AUDIT_ENTITY, id, now.active() ? "activate" : "deactivate", snapshot(user), snapshot(now));
            return now;
        });
    }

    StaffUser delete(long id) {
        return change(() -> {
            StaffUser user = existing(id);
            users.delete(id);
            audit.record(AUDIT_ENTITY, id, "delete", snapshot(user), null);
            return user;
        });
    }

    private static Map<String, Object> snapshot(StaffUser user) {
        return AuditLog.fields("email", user.email(), "name", user.name(),
                "role", user.role() == null ? null : user.role().value(), "active", user.active());
    }

    private StaffUser existing(long id) {
        return users.findByIdForChange(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private <T> T change(Supplier<T> action) {
        return transactions.execute(status -> {
            users.lockActiveAdmins();
            T result = action.get();
            if (users.countActiveAdmins() == 0) {
                throw new Refused(LAST_ADMIN);
            }
            return result;
        });
    }

    /** A change that breaks a rule; the message is for the admin who asked for it. */
    static class Refused extends RuntimeException {

        Refused(String message) {
            super(message);
        }
    }
}
