package io.etareport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import picocli.CommandLine;

@SpringBootTest
@ActiveProfiles("test")
class AddUserCommandIntegrationTest {

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    JdbcClient db;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void noUsers() {
        db.sql("DELETE FROM users").update();
        db.sql("DELETE FROM audit_log").update();
    }

    @Test
    void addsTheFirstAdminOfANewDatabase() {
        assertThat(run("--email", "Boss@Example.com", "--name", "Zoë O'Brien")).isZero();

        assertThat(out.toString()).contains("Added Boss@Example.com as admin.");
        assertThat(db.sql("SELECT email || '|' || name || '|' || role || '|' || active FROM users")
                .query(String.class).single()).isEqualTo("boss@example.com|Zoë O'Brien|admin|1");
        assertThat(db.sql("SELECT actor || '|' || entity || '|' || action || '|' || after_json FROM audit_log")
                .query(String.class).single()).isEqualTo("cli (" + System.getProperty("user.name") + ")|user|add|"
                + "{\"email\":\"boss@example.com\",\"name\":\"Zoë O'Brien\",\"role\":\"admin\",\"active\":true}");
    }

    @Test
    void anExistingEmailIsLeftAsItWas() {
        run("--email", "staff@example.com", "--name", "Staff", "--role", "user");
        out.getBuffer().setLength(0);

        assertThat(run("--email", "STAFF@example.com", "--name", "Someone Else")).isZero();

        assertThat(out.toString()).contains("exists already");
        assertThat(db.sql("SELECT name || '|' || role FROM users").query(String.class).single())
                .isEqualTo("Staff|user");
    }

    @Test
    void aBadEmailOrRoleIsRefused() {
        assertThat(run("--email", "not-an-email", "--name", "X")).isNotZero();
        assertThat(run("--email", "x@example.com", "--name", "X", "--role", "owner")).isNotZero();
        assertThat(err.toString()).contains("--role admin or --role user");
        assertThat(db.sql("SELECT count(*) FROM users").query(Integer.class).single()).isZero();
    }

    private int run(String... args) {
        CommandLine commandLine = Cli.commandLine(context);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = "add-user";
        System.arraycopy(args, 0, all, 1, args.length);
        return commandLine.execute(all);
    }
}
