package io.etareport.link;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import io.etareport.buz.Instance;
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
 * @param waitingFor    while slow: the factories still awaited, by the names customers know them by; else empty
 * @param waitingSince  while slow: when the wait began (epoch seconds), so a page can count on by itself; else null
 */
record JobJson(String status, int pct, String stage, List<String> log, String error, boolean done,
               boolean queued, int queuePosition, boolean slow, @JsonProperty("updated_ts") long updatedTs,
               String headline, String hint, List<String> waitingFor, Long waitingSince) {

    static final String USUAL_HINT = "This usually takes a few seconds. The supplier's system can be slow, so"
            + " please keep this page open.";
    static final String SLOW_HINT = "The supplier's system is slow right now, so this is taking longer than"
            + " usual. We keep waiting for it; please keep this page open.";

    /** Factories by their codes (tests, and where no display names are set). */
    static JobJson of(Job job, int queuePosition) {
        return of(job, queuePosition, Instance::name);
    }

    /** @param factoryNames the name customers read for each factory ({@code buz.InstanceNames}) */
    static JobJson of(Job job, int queuePosition, Function<Instance, String> factoryNames) {
        String status = switch (job.status()) {
            case QUEUED, RUNNING -> "running";
            case COMPLETED -> "completed";
            case FAILED -> "failed";
        };
        boolean queued = job.status() == JobStatus.QUEUED;
        boolean slow = job.waitingForSupplier();
        List<String> waitingFor = slow ? job.waiting().instances().stream().map(factoryNames).toList() : List.of();
        String stage = slow ? stillWaiting(waitingFor, job.waiting().since(), job.updatedAt())
                : queued ? queuedHeadline(queuePosition) : job.stage();
        return new JobJson(status, job.pct(), stage, job.log(), job.error(), job.status().finished(),
                queued, queuePosition, slow, job.updatedAt().getEpochSecond(),
                stage != null ? stage : "Starting", slow ? SLOW_HINT : USUAL_HINT, waitingFor,
                slow ? job.waiting().since().getEpochSecond() : null);
    }

    /** "Still waiting for Sydney factory and CBR, 25 s so far", as of the job's last update. */
    static String stillWaiting(List<String> factories, java.time.Instant since, java.time.Instant asOf) {
        long seconds = Math.max(0, Duration.between(since, asOf).toSeconds());
        return "Still waiting for " + String.join(" and ", factories) + ", " + seconds + " s so far";
    }

    /** A queued job's line: how many reports are ahead of it. */
    private static String queuedHeadline(int queuePosition) {
        return queuePosition > 1
                ? "Waiting for a free worker: " + (queuePosition - 1) + " report" + (queuePosition == 2 ? "" : "s")
                + " ahead of yours"
                : "Waiting for a free worker: yours is next";
    }
}
