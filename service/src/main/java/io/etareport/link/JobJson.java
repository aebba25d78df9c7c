package io.etareport.link;

import java.time.Duration;
import java.util.List;

import io.etareport.jobs.Job;
import io.etareport.jobs.JobStatus;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What {@code GET /jobs/<id>} and the job's event stream answer: progress only, never the report's data. The
 * original's fields ({@code status}, {@code pct}, {@code log}, {@code error}) plus what the loading page shows;
 * {@code headline} and {@code hint} are the loading page's words, worded here only (the page's first rendering
 * and {@code loading.js} print them).
 *
 * @param stage         where the job is up to, worded for the customer (the original's field)
 * @param queuePosition where a queued job is in the queue (1: next); 0 when it is not queued
 * @param slow          the supplier is slow to answer (the job's typed state says so, with for how long)
 */
record JobJson(String status, int pct, String stage, List<String> log, String error, boolean done,
               boolean queued, int queuePosition, boolean slow, @JsonProperty("updated_ts") long updatedTs,
               String headline, String hint) {

    static final String USUAL_HINT = "This usually takes a few seconds. The supplier's system can be slow, so"
            + " please keep this page open.";
    static final String SLOW_HINT = "The supplier's system is slow right now, so this is taking longer than"
            + " usual. We keep waiting for it; please keep this page open.";

    static JobJson of(Job job, int queuePosition) {
        String status = switch (job.status()) {
            case QUEUED, RUNNING -> "running";
            case COMPLETED -> "completed";
            case FAILED -> "failed";
        };
        boolean queued = job.status() == JobStatus.QUEUED;
        boolean slow = job.waitingForSupplier();
        String stage = slow ? stillWaiting(job.waiting(), job.updatedAt()) : job.stage();
        return new JobJson(status, job.pct(), stage, job.log(), job.error(), job.status().finished(),
                queued, queuePosition, slow, job.updatedAt().getEpochSecond(),
                headline(queued, queuePosition, stage), slow ? SLOW_HINT : USUAL_HINT);
    }

    /** "Still waiting for DD and CBR, 25 s so far", as of the job's last update. */
    static String stillWaiting(Job.Waiting waiting, java.time.Instant asOf) {
        long seconds = Math.max(0, Duration.between(waiting.since(), asOf).toSeconds());
        return "Still waiting for " + String.join(" and ", waiting.instances()) + ", " + seconds + " s so far";
    }

    /** The loading page's main line. */
    private static String headline(boolean queued, int queuePosition, String stage) {
        if (queued) {
            return queuePosition > 1
                    ? "Waiting for a free worker: " + (queuePosition - 1) + " report" + (queuePosition == 2 ? "" : "s")
                    + " ahead of yours"
                    : "Waiting for a free worker: yours is next";
        }
        return stage != null ? stage : "Starting";
    }
}
