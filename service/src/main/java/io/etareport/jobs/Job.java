package io.etareport.jobs;

import java.time.Instant;
import java.util.List;

import io.etareport.buz.Instance;

/**
 * A report job as the loading page and the report page see it; never holds the report itself.
 *
 * @param stage   the last stage reached, as the job's log words it
 * @param waiting while the supplier is slow to answer: for which instances, since when; otherwise null
 */
public record Job(String id, long customerId, JobStatus status, int pct, String stage, String error, List<String> log,
                  Instant createdAt, Instant updatedAt, Instant heartbeatAt, Instant finishedAt, Waiting waiting) {

    public Job(String id, long customerId, JobStatus status, int pct, String stage, String error, List<String> log,
               Instant createdAt, Instant updatedAt, Instant heartbeatAt, Instant finishedAt) {
        this(id, customerId, status, pct, stage, error, log, createdAt, updatedAt, heartbeatAt, finishedAt, null);
    }

    /**
     * The build is waiting for a slow supplier.
     *
     * @param instances the instances the build still waits for (worded, with their display names, where shown)
     * @param since     when the wait began
     */
    public record Waiting(List<Instance> instances, Instant since) {

        public Waiting {
            instances = List.copyOf(instances);
        }
    }

    /** Whether the job is running and held up by a slow supplier. */
    public boolean waitingForSupplier() {
        return status == JobStatus.RUNNING && waiting != null;
    }
}
