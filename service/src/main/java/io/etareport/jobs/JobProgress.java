package io.etareport.jobs;

import java.util.List;

/**
 * A job's progress as the JSON API shows it (the original's fields): {@code running}, {@code completed}
 * or {@code failed}; never the report's data.
 */
public record JobProgress(String jobId, String status, int pct, boolean done, String error, List<String> log) {

    static JobProgress of(Job job) {
        String status = switch (job.status()) {
            case QUEUED, RUNNING -> "running";
            case COMPLETED -> "completed";
            case FAILED -> "failed";
        };
        return new JobProgress(job.id(), status, job.pct(), job.status().finished(), job.error(), job.log());
    }
}
