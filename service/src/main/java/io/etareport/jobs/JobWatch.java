package io.etareport.jobs;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps jobs honest while the service runs: heartbeats for jobs in progress, failing jobs whose
 * worker went quiet, and dropping old results. Not active in operator commands; the schedule module's
 * registry runs {@link #heartbeat} and {@link #dropOldResults}.
 */
@Component
@ConditionalOnWebApplication
public class JobWatch {

    private static final Logger log = LoggerFactory.getLogger(JobWatch.class);

    private final ReportJobs jobs;
    private final JobStore store;
    private final JobProperties properties;
    private final Clock clock;

    JobWatch(ReportJobs jobs, JobStore store, JobProperties properties, Clock clock) {
        this.jobs = jobs;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    /** Jobs of a previous process (or a dead node) whose lease ran out; other nodes' live jobs stay. */
    @EventListener(ApplicationReadyEvent.class)
    void failJobsOfAPreviousProcess() {
        int failed = store.failLeaseExpired(ReportJobs.RESTARTED);
        if (failed > 0) {
            log.info("Marked {} report jobs of a previous process as failed", failed);
        }
    }

    /** This node's part: its own jobs' leases and time limits; every node runs it. */
    public void heartbeat() {
        jobs.beat();
        int stalled = store.failStalled(clock.instant().minus(properties.stallLimit()), ReportJobs.STALLED).size();
        if (stalled > 0) {
            log.warn("{} report jobs stalled (no heartbeat for {})", stalled, properties.stallLimit());
        }
        int orphaned = store.failLeaseExpired(ReportJobs.RESTARTED);
        if (orphaned > 0) {
            log.warn("{} report jobs of a node that stopped were failed (lease expired)", orphaned);
        }
    }

    /** Results older than {@code eta.jobs.keep-results}, except each customer's newest report (the desk's). */
    public void dropOldResults() {
        store.dropResultsBefore(clock.instant().minus(properties.keepResults()));
    }
}
