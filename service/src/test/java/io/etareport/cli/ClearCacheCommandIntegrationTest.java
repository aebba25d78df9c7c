package io.etareport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

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
class ClearCacheCommandIntegrationTest {

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    JdbcClient db;

    private final StringWriter out = new StringWriter();

    @BeforeEach
    void fill() {
        db.sql("DELETE FROM buz_cache").update();
        db.sql("DELETE FROM report_job").update();
        db.sql("INSERT INTO buz_cache (cache_key, payload, row_count, refreshed_at) VALUES"
                + " ('statuses:DD', '[]', 0, 1), ('statuses:CBR', '[]', 0, 1)").update();
        db.sql("INSERT INTO buz_cache (cache_key, cooldown_until) VALUES ('order:DD:WorkInProgress:1', 5)").update();
        for (String status : List.of("completed", "failed", "running")) {
            // A fresh heartbeat: the service's lease check would otherwise fail the running job as abandoned.
            db.sql("INSERT INTO report_job (id, customer_id, status, created_at, updated_at, heartbeat_at, finished_at)"
                    + " VALUES (?, 1, ?, 0, 0, ?, ?)")
                    .params(status + "-job", status, System.currentTimeMillis(), status.equals("running") ? null : 0)
                    .update();
            db.sql("INSERT INTO report_job_log (job_id, at, message) VALUES (?, 0, 'Loading customer')")
                    .param(status + "-job").update();
        }
    }

    @Test
    void aConfirmedClearIsAuditedAsTheCommandLineAndTheOsUser() {
        db.sql("DELETE FROM audit_log").update();
        assertThat(run("--jobs")).isZero();
        assertThat(count("audit_log")).as("a dry run changes nothing").isZero();

        assertThat(run("--confirm", "--jobs")).isZero();

        assertThat(db.sql("SELECT actor || '|' || entity || '|' || action || '|' || after_json FROM audit_log")
                .query(String.class).single()).isEqualTo("cli (" + System.getProperty("user.name") + ")|cache|clear|"
                + "{\"cache_entries\":3,\"finished_jobs\":2}");
    }

    private int run(String... args) {
        CommandLine commandLine = Cli.commandLine(context);
        commandLine.setOut(new PrintWriter(out, true));
        String[] all = new String[args.length + 1];
        all[0] = "clear-cache";
        System.arraycopy(args, 0, all, 1, args.length);
        return commandLine.execute(all);
    }

    private int count(String table) {
        return db.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single();
    }

    @Test
    void withoutConfirmItOnlySaysWhatItWouldDelete() {
        assertThat(run("--jobs")).isZero();

        assertThat(out.toString()).isEqualToIgnoringNewLines("Would delete 3 cache entries and 2 finished report"
                + " jobs. Nothing was deleted: run again with --confirm to delete.");
        assertThat(count("buz_cache")).isEqualTo(3);
        assertThat(count("report_job")).isEqualTo(3);
    }

    @Test
    void withConfirmItDeletesTheCacheButLeavesJobs() {
        assertThat(run("--confirm")).isZero();

        assertThat(out.toString()).isEqualToIgnoringNewLines("Deleted 3 cache entries.");
        assertThat(count("buz_cache")).isZero();
        assertThat(count("report_job")).isEqualTo(3);
    }

    @Test
    void withJobsItAlsoDeletesFinishedJobsAndTheirLogsButNotRunningOnes() {
        assertThat(run("--confirm", "--jobs")).isZero();

        assertThat(out.toString()).isEqualToIgnoringNewLines("Deleted 3 cache entries and 2 finished report jobs.");
        assertThat(count("buz_cache")).isZero();
        assertThat(db.sql("SELECT id FROM report_job").query(String.class).list()).containsExactly("running-job");
        assertThat(db.sql("SELECT job_id FROM report_job_log").query(String.class).list())
                .containsExactly("running-job");
    }
}
