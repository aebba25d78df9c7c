package io.etareport.cli;

import java.util.concurrent.Callable;

import io.etareport.audit.AuditLog;
import io.etareport.db.DatabaseMigrator;
import io.etareport.users.StaffUser;
import io.etareport.users.StaffUsers;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "add-user", mixinStandardHelpOptions = true,
        description = "Add an active staff user, e.g. the first admin of a new database.",
        footer = {"", "Examples:", "  java -jar eta-report.jar add-user --email ann@example.com --name 'Ann Lee'", "  java -jar eta-report.jar add-user --email sam@example.com --name Sam --role user"})
class AddUserCommand implements Callable<Integer> {

    @Option(names = "--email", required = true, description = "Their Google account's email.")
    String email;

    @Option(names = "--name", required = true, description = "Their name, as staff pages show it.")
    String name;

    @Option(names = "--role", defaultValue = "admin", description = "admin or user (default: ${DEFAULT-VALUE}).")
    String role;

    @Spec
    CommandSpec spec;

    private final DatabaseMigrator migrator;
    private final StaffUsers users;
    private final AuditLog audit;

    AddUserCommand(DatabaseMigrator migrator, StaffUsers users, AuditLog audit) {
        this.migrator = migrator;
        this.users = users;
        this.audit = audit;
    }

    @Override
    public Integer call() {
        StaffUser.Role chosen = StaffUser.Role.fromValue(role).orElse(null);
        if (chosen == null || !email.contains("@") || name.isBlank()) {
            spec.commandLine().getErr().println(
                    "error: give an email with @, a name, and --role admin or --role user");
            return 2;
        }
        migrator.migrate();
        boolean added = users.addIfMissing(email.trim(), name.trim(), chosen);
        if (added) {
            audit.record(CommandLineActor.name(), "user", null, "add", null, AuditLog.fields("email",
                    email.trim().toLowerCase(java.util.Locale.ROOT), "name", name.trim(), "role", chosen.value(),
                    "active", true));
        }
        spec.commandLine().getOut().println(added ? "Added " + email.trim() + " as " + chosen.value() + "."
                : "A user with that email exists already; nothing was changed.");
        return 0;
    }
}
