package io.etareport.jobs;

import java.time.Instant;
import java.util.List;

/** A report job as the loading page and the report page see it; never holds the report itself. */
public record Job(String id, long customerId, JobStatus status, int pct, String stage, String error, List<String> log,
           Instant createdAt, Instant updatedAt, Instant heartbeatAt, Instant finishedAt) {
}
