package io.etareport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import io.etareport.security.StaffWebTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import picocli.CommandLine;

@StaffWebTest
class ApiKeyCommandIntegrationTest {

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    JdbcClient db;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void noKeys() {
        db.sql("DELETE FROM api_key").update();
    }

    @Test
    void createPrintsTheKeyOnceListShowsOnlyItsStartRevokeEndsIt() {
        assertThat(run("api-key", "create", "nightly-export", "--per-minute", "30")).isZero();
        String secret = out.toString().lines().filter(line -> line.startsWith("eta_")).findFirst().orElseThrow();
        assertThat(db.sql("SELECT key_hash FROM api_key").query(String.class).single()).isNotEqualTo(secret)
                .hasSize(64);

        out.getBuffer().setLength(0);
        assertThat(run("api-key", "list")).isZero();
        assertThat(out.toString()).contains("nightly-export", secret.substring(0, 8), "30/min", "active")
                .doesNotContain(secret);

        assertThat(run("api-key", "revoke", "nightly-export")).isZero();
        out.getBuffer().setLength(0);
        run("api-key", "list");
        assertThat(out.toString()).contains("revoked");
        assertThat(run("api-key", "revoke", "nightly-export")).isNotZero();
        assertThat(err.toString()).contains("no active key");
    }

    @Test
    void aTakenNameIsRefused() {
        run("api-key", "create", "twice");
        assertThat(run("api-key", "create", "twice")).isNotZero();
        assertThat(err.toString()).contains("exists already");
    }

    private int run(String... args) {
        CommandLine commandLine = Cli.commandLine(context);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
