package io.etareport.link;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import io.etareport.buz.Instance;
import io.etareport.jobs.Job;
import io.etareport.jobs.JobStatus;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What {@code GET /jobs/<id>} and the job's event stream answer: progress only, never the report's data. The
 * original's fields ({@code status}, {@code pct}, {@code log}, {@code error}) plus what the loading page shows. This
 * is the one home of the loading page's words: its first rendering and {@code loading.js} print them, and the script
 * only fills in the seconds of {@code waitingLine} and switches to {@code laterHint} when {@code patienceLeftMs}
 * runs out, so the page counts every second without asking the server every second.
 *
 * @param stage          where the job is up to, worded for the customer (the original's field)
 * @param queuePosition  where a queued job is in the queue (1: next); 0 when it is not queued
 * @param slow           the supplier is slow to answer (the job's typed state says so, with for how long)
 * @param headline       the loading page's main line, as of this answer
 * @param hint           the line under it, as of this answer: "a few seconds" only in the first {@link #PATIENCE}
 * @param elapsedMs      how long ago the job was started, as of this answer
 * @param patienceLeftMs how long {@code hint} may still be shown before {@code laterHint} replaces it (0: past)
 * @param laterHint      the hint from {@link #PATIENCE} on, which promises nothing about speed
 * @param waitingLine    while waiting for a factory, the headline with {@value #SECONDS} where the seconds go
 *                       ("Still waiting for Dandenong factory, {s} s so far"); null otherwise
 * @param waitedMs       how long the job has waited for the factory, as of this answer (0 when not waiting)
 * @param waitingFor     while slow: the factories still awaited, by the names customers know them by; else empty
 * @param waitingSince   while slow: when the wait began (epoch seconds); else null
 */
record JobJson(String status, int pct, String stage, List<String> log, String error, boolean done,
               boolean queued, int queuePosition, boolean slow, @JsonProperty("updated_ts") long updatedTs,
               String headline, String hint, long elapsedMs, long patienceLeftMs, String laterHint,
               String waitingLine, long waitedMs, List<String> waitingFor, Long waitingSince) {

    /** How long the page may say "a few seconds"; after it, it says what it is waiting for and for how long. */
    static final Duration PATIENCE = Duration.ofSeconds(5);

    /** Where the seconds go in {@link #waitingLine()}. */
    static final String SECONDS = "{s}";

    static final String USUAL_HINT = "This usually takes a few seconds. The supplier's system can be slow, so"
            + " please keep this page open.";
    static final String LATER_HINT = "This is taking longer than usual. We keep working on it; please keep this"
            + " page open.";
    static final String SLOW_HINT = "The supplier's system is slow right now, so this is taking longer than"
            + " usual. We keep waiting for it; please keep this page open.";

    /** As of {@code now}, factories by their codes (tests, and where no display names are set). */
    static JobJson of(Job job, int queuePosition, Instant now) {
        return of(job, queuePosition, now, Instance::name);
    }

    /**
     * The job's state as of {@code now}.
     *
     * @param factoryNames the name customers read for each factory ({@code buz.InstanceNames})
     */
    static JobJson of(Job job, int queuePosition, Instant now, Function<Instance, String> factoryNames) {
        String status = switch (job.status()) {
            case QUEUED, RUNNING -> "running";
            case COMPLETED -> "completed";
            case FAILED -> "failed";
        };
        boolean queued = job.status() == JobStatus.QUEUED;
        boolean slow = job.waitingForSupplier();
        long elapsed = Math.max(0, Duration.between(job.createdAt(), now).toMillis());
        long patienceLeft = Math.max(0, PATIENCE.toMillis() - elapsed);
        List<String> waitingFor = slow ? job.waiting().instances().stream().map(factoryNames).toList() : List.of();
        String waitingLine = slow ? waitingLine(waitingFor) : null;
        long waited = slow ? Math.max(0, Duration.between(job.waiting().since(), now).toMillis()) : 0;
        String stage = slow ? counted(waitingLine, waited) : queued ? queuedHeadline(queuePosition) : job.stage();
        String laterHint = slow ? SLOW_HINT : LATER_HINT;
        return new JobJson(status, job.pct(), stage, job.log(), job.error(), job.status().finished(),
                queued, queuePosition, slow, job.updatedAt().getEpochSecond(),
                stage != null ? stage : "Starting", slow || patienceLeft == 0 ? laterHint : USUAL_HINT,
                elapsed, patienceLeft, laterHint, waitingLine, waited, waitingFor,
                slow ? job.waiting().since().getEpochSecond() : null);
    }

    /** "Still waiting for Dandenong factory and Canberra factory, {s} s so far". */
    static String waitingLine(List<String> factories) {
        return "Still waiting for " + String.join(" and ", factories) + ", " + SECONDS + "\u00a0s so far"; // the number never ends a line
    }

    /** The waiting line with its seconds filled in, as the page's script fills them in every second. */
    static String counted(String waitingLine, long waitedMs) {
        return waitingLine.replace(SECONDS, Long.toString(waitedMs / 1000));
    }

    /** "Show the copy from 7:21 PM now": the offer of the saved copy while the fresh report is prepared. */
    static String copyOffer(String time) {
        return "Show the copy from " + time + " now";
    }

    /** A queued job's line: how many reports are ahead of it. */
    private static String queuedHeadline(int queuePosition) {
        return queuePosition > 1
                ? "Waiting for a free worker: " + (queuePosition - 1) + " report" + (queuePosition == 2 ? "" : "s")
                + " ahead of yours"
                : "Waiting for a free worker: yours is next";
    }
}
