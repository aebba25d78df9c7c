package io.etareport.users;

import java.util.Locale;
import java.util.Optional;

/** A member of staff as the {@code users} table holds them: who may sign in, and with which role. */
public record StaffUser(long id, String email, String name, Role role, boolean active) {

    /** What a member of staff may do: admins everything, users view customers and edit status mappings. */
    public enum Role {
        ADMIN, USER;

        /** The value stored in {@code users.role}. */
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Role> fromValue(String value) {
            if (value == null) {
                return Optional.empty();
            }
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "admin" -> Optional.of(ADMIN);
                case "user" -> Optional.of(USER);
                default -> Optional.empty();
            };
        }
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** The name to greet them with: their name, or their email when the name is empty. */
    public String displayName() {
        return name == null || name.isBlank() ? email : name.trim();
    }
}
