package io.etareport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.etareport.db.OriginalDatabase;
import io.etareport.db.TestPostgres;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import picocli.CommandLine;

/** copy-db from a file the original service wrote (adopted at start-up) into PostgreSQL. */
@SpringBootTest
@ActiveProfiles("test")
class CopyDbCommandIntegrationTest {

    private static final Path ORIGINAL = originalFile();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("eta.database.path", ORIGINAL::toString);
    }

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    JdbcClient db;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void copiesEveryRowOfAnAdoptedOriginalDatabaseAndOurTables() {
        db.sql("INSERT INTO buz_cache (cache_key, payload, row_count, refreshed_at) VALUES ('statuses:DD', '[\"Ö\"]', 1,"
                + " 1767225600000)").update();
        db.sql("INSERT INTO audit_log (at, actor, entity, entity_id, action) VALUES (1, 'admin@example.com',"
                + " 'customer', '1', 'add')").update();
        db.sql("INSERT INTO buz_column_decision (name, approved, decided_at) VALUES ('Width', 1, 5)").update();
        String url = TestPostgres.newDatabase();

        int exit = run("--to", url, "--user", "postgres");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("customers: 3 rows").contains("users: 2 rows")
                .contains("every table's row count matches");
        JdbcClient target = JdbcClient.create(new DriverManagerDataSource(url, "postgres", ""));
        for (String table : List.of("customers", "users", "status_mapping", "jobs", "cache", "buz_cache", "audit_log",
                "buz_column_decision")) {
            assertThat(rows(target, table)).as(table).isEqualTo(rows(db, table)).isNotEmpty();
        }
        // New rows continue after the copied ids.
        target.sql("INSERT INTO customers (obfuscated_id) VALUES ('ffffffffffffffffffffffffffffffff')").update();
        assertThat(target.sql("SELECT max(id) FROM customers").query(Long.class).single()).isEqualTo(4L);
    }

    @Test
    void refusesATargetThatIsNotEmptyAndLeavesItAlone() {
        String url = TestPostgres.newDatabase();
        JdbcClient target = JdbcClient.create(new DriverManagerDataSource(url, "postgres", ""));
        target.sql("CREATE TABLE invoices (id INTEGER)").update();

        int exit = run("--to", url, "--user", "postgres");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("not empty").contains("invoices").contains("nothing was changed");
        assertThat(target.sql("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()")
                .query(Integer.class).single()).isEqualTo(1);
    }

    private int run(String... args) {
        CommandLine commandLine = Cli.commandLine(context);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = "copy-db";
        System.arraycopy(args, 0, all, 1, args.length);
        return commandLine.execute(all);
    }

    private static List<String> rows(JdbcClient client, String table) {
        List<String> rows = new ArrayList<>();
        client.sql("SELECT * FROM " + table + " ORDER BY 1").query(row -> {
            StringBuilder line = new StringBuilder();
            for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                line.append(row.getMetaData().getColumnName(i).toLowerCase()).append('=').append(row.getString(i))
                        .append(' ');
            }
            rows.add(line.toString());
        });
        return rows;
    }

    private static Path originalFile() {
        try {
            Path dir = Files.createDirectories(Path.of("target", "test-db"));
            Path file = Files.createTempFile(dir, "original-", ".db");
            Files.delete(file);
            OriginalDatabase.create(file, 7);
            return file.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
