package io.etareport.cli;

import io.etareport.db.ReadOnly;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Report jobs that are over ({@code completed} or {@code failed}), for {@code clear-cache --jobs}.
 * Their log rows go with them ({@code report_job_log} cascades). Running jobs are never touched.
 */
@Component
class FinishedReportJobs {

    private static final String FINISHED = "status IN ('completed', 'failed')";

    private final JdbcClient writes;
    private final JdbcClient reads;

    FinishedReportJobs(JdbcClient writes, @ReadOnly JdbcClient reads) {
        this.writes = writes;
        this.reads = reads;
    }

    int count() {
        return reads.sql("SELECT COUNT(*) FROM report_job WHERE " + FINISHED).query(Integer.class).single();
    }

    int deleteAll() {
        return writes.sql("DELETE FROM report_job WHERE " + FINISHED).update();
    }
}
