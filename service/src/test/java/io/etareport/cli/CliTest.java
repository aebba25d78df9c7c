package io.etareport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.etareport.EtaReportApplication;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the commands as an operator would, in-process, with DATABASE set. */
class CliTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeAll
    static void startLoggingBeforeCapturing() {
        // SLF4J's one-time start-up notice goes to stderr: let it go there before a test reads stderr.
        org.slf4j.LoggerFactory.getLogger(CliTest.class);
    }

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
        System.clearProperty("DATABASE");
    }

    @Test
    void initDbCreatesTheDatabaseAndPrintsTheSchemaVersion() {
        Path file = dir.resolve("data/eta.db");
        System.setProperty("DATABASE", file.toString());

        int exit = Cli.run(EtaReportApplication.class, new String[] {"init-db"});

        assertThat(exit).isZero();
        assertThat(file).exists();
        assertThat(stdout()).contains("created a new database; schema version 18");
    }

    @Test
    void dbBackupPrintsThePathOfAVerifiedCopy() throws Exception {
        Path file = dir.resolve("eta.db");
        System.setProperty("DATABASE", file.toString());
        assertThat(Cli.run(EtaReportApplication.class, new String[] {"init-db"})).isZero();
        out.reset();

        int exit = Cli.run(EtaReportApplication.class, new String[] {"db-backup", "--dir", dir.resolve("backups").toString()});

        assertThat(exit).isZero();
        Path copy = Path.of(stdout().strip());
        assertThat(copy).exists().hasParent(dir.resolve("backups"));
        assertThat(Files.size(copy)).isPositive();
    }

    @Test
    void dbBackupWithoutADatabaseFailsWithOnePlainLineAndCreatesNothing() {
        Path file = dir.resolve("missing.db");
        System.setProperty("DATABASE", file.toString());

        int exit = Cli.run(EtaReportApplication.class, new String[] {"db-backup"});

        assertThat(exit).isNotZero();
        assertThat(stderr().strip()).isEqualTo("error: There is no database at " + file + " to back up.");
        assertThat(file).doesNotExist();
    }

    @Test
    void aRefusedDatabaseIsOnePlainLine() throws Exception {
        Path file = dir.resolve("eta.db");
        Files.writeString(file, "not a database at all");
        System.setProperty("DATABASE", file.toString());

        int exit = Cli.run(EtaReportApplication.class, new String[] {"init-db"});

        assertThat(exit).isNotZero();
        assertThat(stderr().strip()).startsWith("error: The file at").contains("is not a SQLite database")
                .doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void helpNeedsNoDatabaseOrSettings() {
        assertThat(Cli.run(EtaReportApplication.class, new String[] {"db-backup", "--help"})).isZero();
        assertThat(stdout()).contains("--dir");
        assertThat(Cli.run(EtaReportApplication.class, new String[] {"init-db", "--help"})).isZero();
    }

    @Test
    void helpAndVersionAreCommandsSoTheyNeverStartTheServer() {
        for (String arg : new String[] {"--help", "-h", "help", "--version", "-V"}) {
            assertThat(Cli.isCommand(new String[] {arg})).as(arg).isTrue();
        }
        assertThat(Cli.isCommand(new String[0])).isFalse();
        assertThat(Cli.isCommand(new String[] {"--server.port=8081"})).isFalse();
    }

    @Test
    void helpInEveryFormListsTheCommandsAndExitsZero() {
        for (String arg : new String[] {"--help", "-h", "help"}) {
            out.reset();

            assertThat(Cli.run(EtaReportApplication.class, new String[] {arg})).as(arg).isZero();
            assertThat(stdout()).as(arg).contains("init-db", "db-backup", "prewarm-cache", "clear-cache",
                    "purge-jobs", "add-user", "api-key", "copy-db", "Examples:");
        }
    }

    @Test
    void helpOfOneCommandShowsItsExamples() {
        assertThat(Cli.run(EtaReportApplication.class, new String[] {"help", "db-backup"})).isZero();
        assertThat(stdout()).contains("Usage: eta-report db-backup", "Examples:",
                "java -jar eta-report.jar db-backup --dir");
    }

    @Test
    void everyCommandHasExamplesInItsHelp() {
        var root = Cli.commandLine(null);
        java.util.List<String> without = new java.util.ArrayList<>();
        java.util.ArrayDeque<picocli.CommandLine> todo = new java.util.ArrayDeque<>(root.getSubcommands().values());
        while (!todo.isEmpty()) {
            picocli.CommandLine command = todo.pop();
            if (command.getCommandName().equals("help")) {
                continue;
            }
            if (!command.getUsageMessage().contains("Examples:\n  java -jar eta-report.jar")
                    && !command.getUsageMessage().contains("Examples:\n  DATABASE")) {
                without.add(command.getCommandSpec().qualifiedName());
            }
            todo.addAll(command.getSubcommands().values());
        }
        assertThat(without).isEmpty();
    }

    @Test
    void versionPrintsTheBuildAndTheCommitWithoutADatabase() {
        assertThat(Cli.run(EtaReportApplication.class, new String[] {"--version"})).isZero();
        assertThat(stdout()).startsWith("eta-report ").contains("commit ", "built ", "Java ");
    }

    @Test
    void anUnknownCommandFails() {
        assertThat(Cli.run(EtaReportApplication.class, new String[] {"drop-everything"})).isNotZero();
        assertThat(stderr()).contains("drop-everything");
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
