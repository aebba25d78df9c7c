package io.etareport.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import io.etareport.buz.ColumnRegistry;
import io.etareport.cache.UpstreamUnavailableException;
import io.etareport.customers.Customer;
import io.etareport.ops.ErrorReporter;
import io.etareport.report.Report;
import io.etareport.report.ReportService;
import io.etareport.report.InstanceSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

/**
 * Starts report jobs on a bounded pool and keeps their state in the {@link JobStore}. Opening a
 * link twice shares the job under way, and a report younger than the reuse window is shown again
 * instead of being fetched again.
 */
@Service
public class ReportJobs {

    static final String STALLED = "The supplier's system is very slow right now and your report did not finish."
            + " Please try again in a few minutes.";
    static final String UNEXPECTED = "Something went wrong while preparing your report."
            + " Please try again in a few minutes.";
    static final String BUSY = "We are preparing a lot of reports right now. Please try again in a minute.";
    static final String RESTARTED = "The service restarted while your report was being prepared. Please try again.";

    private static final Logger log = LoggerFactory.getLogger(ReportJobs.class);
    private static final long AWAIT_POLL_MILLIS = 200;

    private final JobStore store;
    private final JobEvents events;
    private final ReportService reports;
    private final JobProperties properties;
    private final ErrorReporter errors;
    private final ReportMetrics metrics;
    private final JsonMapper json;
    private final Clock clock;
    private final ColumnRegistry columns;
    /** @see JobExecutors */
    private final ThreadPoolTaskExecutor workers;
    /** Jobs this process is working on, for heartbeats and the time limit. */
    private final Map<String, Running> running = new ConcurrentHashMap<>();

    ReportJobs(JobStore store, ReportService reports, JobProperties properties, ErrorReporter errors,
               ReportMetrics metrics, JsonMapper json, Clock clock, ColumnRegistry columns,
               @Qualifier(JobExecutors.WORKERS) ThreadPoolTaskExecutor workers, JobEvents events) {
        this.events = events;
        this.store = store;
        this.columns = columns;
        this.reports = reports;
        this.properties = properties;
        this.errors = errors;
        this.metrics = metrics;
        this.json = json;
        this.clock = clock;
        this.workers = workers;
    }

    /**
     * The job that will show this customer's report: a recent completed one, the one under way,
     * or a new one. Synchronized so that simultaneous opens of one link start one job.
     */
    public synchronized String start(Customer customer) {
        Instant freshSince = clock.instant().minus(properties.reuseWindow());
        Optional<String> reusable = store.completedFor(customer.id(), freshSince)
                .or(() -> store.unfinishedFor(customer.id()));
        if (reusable.isPresent()) {
            return reusable.get();
        }
        // The job's first log line; while it is queued, the loading page says so in words of its own (link's JobJson).
        Optional<String> created = store.create(customer.id(), "Starting");
        if (created.isEmpty()) {
            // Another node started one a moment ago: join it (or, if it finished meanwhile, show its report).
            return store.unfinishedFor(customer.id()).or(() -> store.completedFor(customer.id(), freshSince))
                    .orElseGet(() -> start(customer));
        }
        String id = created.get();
        // Registered before it can start, so a job that finishes at once is never left behind here.
        FutureTask<Void> task = new FutureTask<>(() -> run(id, customer, true,
                progress -> reports.build(customer, progress)), null);
        running.put(id, new Running(clock.instant(), task));
        try {
            workers.execute(task);
        } catch (RejectedExecutionException e) {
            running.remove(id);
            store.fail(id, BUSY);
        }
        return id;
    }

    /**
     * Builds and stores this customer's report, in the caller's thread, from lines already fetched (the scheduled
     * warm-up's batches): no worker is taken and nothing is asked upstream. Stored as a completed job, as if the
     * link had been opened, so the staff desk and the reuse window read it. Skipped when the customer has a job
     * under way, which stores its own report.
     *
     * @return the job, once it has finished (completed or failed); empty when skipped
     */
    public Optional<String> storeBuiltFrom(Customer customer, ReportService.Lines lines) {
        Optional<String> created = store.create(customer.id(), "Starting");
        if (created.isEmpty()) {
            return Optional.empty();
        }
        String id = created.get();
        FutureTask<Void> task = new FutureTask<>(() -> run(id, customer, false, progress ->
                reports.build(customer, progress, lines)), null);
        running.put(id, new Running(clock.instant(), task));
        task.run();
        return Optional.of(id);
    }

    /**
     * This customer's report, waiting for it: through the same job sharing and reuse window as the
     * link (for {@code /sync/<id>} and downloads without a job).
     *
     * @throws ReportFailedException with the job's customer-facing message when it failed
     */
    public Report awaitReport(Customer customer) {
        String id = start(customer);
        Running job = running.get(id);
        try {
            if (job != null) {
                job.future().get(properties.maxDuration().toMillis(), TimeUnit.MILLISECONDS);
            }
            // Not this process's (another node's job, or one finished already): the store decides.
            // Real time, not the clock: this is how long a request thread waits, whatever the clock says.
            long giveUp = System.nanoTime() + properties.maxDuration().toNanos();
            while (store.find(id).map(found -> !found.status().finished()).orElse(false)
                    && System.nanoTime() - giveUp < 0) {
                Thread.sleep(AWAIT_POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReportFailedException(UNEXPECTED);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.CancellationException
                 | java.util.concurrent.TimeoutException e) {
            // The job's stored state says how it ended.
        }
        Job finished = store.find(id).orElseThrow(() -> new ReportFailedException(UNEXPECTED));
        if (finished.status() == JobStatus.COMPLETED) {
            return report(id).orElseThrow(() -> new ReportFailedException(UNEXPECTED));
        }
        throw new ReportFailedException(finished.error() != null ? finished.error() : STALLED);
    }

    /** A job's progress for the JSON API; empty for an id that is malformed or unknown. */
    public Optional<JobProgress> progress(String jobId) {
        return JobId.parse(jobId).flatMap(this::find).map(JobProgress::of);
    }

    /** Jobs queued or running, across all nodes. */
    public int unfinishedJobs() {
        return store.countWithStatus(JobStatus.QUEUED) + store.countWithStatus(JobStatus.RUNNING);
    }

    /**
     * The report a completed job produced, if it is still kept, with only the columns allowed now: holding a
     * column back takes effect at once, even for reports stored before.
     */
    public Optional<Report> report(String jobId) {
        // Each customer's newest result outlives keep-results for the staff desk; a link holder never sees it then.
        Instant keptSince = clock.instant().minus(properties.keepResults());
        boolean kept = store.find(jobId).map(job -> job.finishedAt() == null || !job.finishedAt().isBefore(keptSince))
                .orElse(false);
        if (!kept) {
            return Optional.empty();
        }
        return store.result(jobId).map(stored -> json.readValue(ResultCodec.open(stored), Report.class)
                .keepingColumns(columns.policy()));
    }

    /**
     * Which job holds each customer's newest stored report, however old, and when it finished: what the staff desk
     * reads, without any call to the supplier. One query, nothing parsed; a stored result never changes, so a reader
     * may keep what it made of a job's report for as long as that job is the customer's newest.
     */
    public java.util.List<StoredJob> newestStored() {
        return store.newestStored().stream()
                .map(stored -> new StoredJob(stored.customerId(), stored.jobId(), stored.finishedAt())).toList();
    }

    /**
     * The report a completed job stored, however old (each customer's newest outlives keep-results for the desk),
     * with only the columns allowed now; empty when the job holds none (its result was dropped meanwhile).
     */
    public Optional<Report> storedReport(String jobId) {
        return store.result(jobId).map(bytes -> json.readValue(ResultCodec.open(bytes), Report.class)
                .keepingColumns(columns.policy()));
    }

    /** A customer's newest stored report: the job holding it and when that job finished. */
    public record StoredJob(long customerId, String jobId, Instant storedAt) {
    }

    /** The place of a queued job in the queue (1: next), or 0 when it is not queued. */
    public int queuePosition(String jobId) {
        return store.queuePosition(jobId);
    }

    /** The report of this customer's job, while it is kept: what the page from that job shows. */
    public Optional<Report> report(Customer customer, String jobId) {
        return JobId.parse(jobId).flatMap(this::find).filter(job -> job.customerId() == customer.id())
                .flatMap(job -> report(jobId));
    }

    /**
     * Finished jobs older than {@code age}: counted, and deleted with their log lines when
     * {@code delete} is set.
     */
    public int purgeFinished(java.time.Duration age, boolean delete) {
        Instant before = clock.instant().minus(age);
        return delete ? store.deleteFinishedBefore(before) : store.countFinishedBefore(before);
    }

    public Optional<Job> find(JobId jobId) {
        return store.find(jobId.value());
    }

    /**
     * The newest report of this customer completed within {@code age}, with its job: what an opened link shows
     * at once while a fresh one is prepared.
     */
    public Optional<Recent> recentWithin(Customer customer, Duration age) {
        return store.completedFor(customer.id(), clock.instant().minus(age))
                .flatMap(id -> report(id).map(report -> new Recent(id, report)));
    }

    /** The id of the customer's newest stored report finished within {@code age}, without reading the report. */
    public Optional<String> recentJobWithin(Customer customer, Duration age) {
        return store.completedFor(customer.id(), clock.instant().minus(age));
    }

    public record Recent(String jobId, Report report) {
    }

    /** @param someoneWaits a customer (or a download) asked for it: its time counts as a time to ready */
    private void run(String id, Customer customer, boolean someoneWaits,
                     java.util.function.Function<io.etareport.report.Progress, Report> build) {
        try {
            if (!store.start(id)) {
                return;
            }
            Report report = build.apply(new io.etareport.report.Progress() {
                @Override
                public void update(int percent, String message) {
                    progress(id, percent, message);
                }

                @Override
                public void waitingFor(java.util.List<io.etareport.buz.Instance> instances, Instant since) {
                    try {
                        store.waiting(id, instances, since);
                    } catch (RuntimeException e) {
                        log.warn("Progress of job {} could not be recorded", JobId.ref(id), e);
                    }
                }
            });
            boolean reusable = report.sources().stream().noneMatch(InstanceSource::stillRefreshing);
            if (store.complete(id, ResultCodec.compress(json.writeValueAsBytes(report)), reusable)) {
                Running job = running.get(id);
                if (someoneWaits) {
                    metrics.ready(report, Duration.between(job == null ? clock.instant() : job.startedAt(),
                            clock.instant()));
                } else {
                    // Nobody waited for it: a warm-up's build must not pull the customers' time to ready down.
                    metrics.built(report);
                }
            }
        } catch (UpstreamUnavailableException e) {
            store.fail(id, e.getMessage());
            log.warn("Report job {} failed: supplier unavailable ({})", JobId.ref(id), e.kind());
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                return; // stopped by the time limit, which already failed the job
            }
            store.fail(id, UNEXPECTED);
            log.error("Report job {} for customer {} failed", JobId.ref(id), customer.id(), e);
            errors.jobFailed(JobId.ref(id), customer.id(), e);
        } finally {
            running.remove(id);
            events.finished(id);
        }
    }

    private void progress(String id, int pct, String message) {
        try {
            store.progress(id, pct, message);
        } catch (RuntimeException e) {
            log.warn("Progress of job {} could not be recorded", JobId.ref(id), e);
        }
    }

    /** Called by {@link JobWatch}: heartbeats for live jobs, and the time limit. */
    void beat() {
        Instant deadline = clock.instant().minus(properties.maxDuration());
        running.forEach((id, job) -> {
            if (job.startedAt().isBefore(deadline)) {
                job.future().cancel(true);
                running.remove(id);
                store.fail(id, STALLED);
                events.finished(id);
                log.warn("Report job {} stopped after {}", JobId.ref(id), properties.maxDuration());
            }
        });
        store.heartbeat(running.keySet());
    }

    private record Running(Instant startedAt, Future<?> future) {
    }
}
