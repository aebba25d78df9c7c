package io.etareport.schedule;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;

import io.etareport.buz.Instance;
import io.etareport.customers.Customer;
import io.etareport.jobs.Job;
import io.etareport.jobs.JobId;
import io.etareport.jobs.JobStatus;
import io.etareport.jobs.JobWatch;
import io.etareport.jobs.ReportJobs;
import io.etareport.jobs.ReportsStored;
import io.etareport.notify.NotifySchedule;
import io.etareport.security.SessionTableCap;
import io.etareport.webhooks.WebhookSchedule;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Every piece of work the service does on a schedule, in one place: {@link ScheduledTasks} lists them from the
 * annotations here, and no other class may carry {@link Scheduled}. A task with a {@link SchedulerLock} runs
 * once per cluster: the node that takes the lock runs it, the others skip that run (lockAtLeastFor keeps a node
 * whose clock is a little behind from running it again). A task without one runs on every node, because it
 * looks after that node's own work.
 */
class ScheduledWork {

    private static final Logger log = LoggerFactory.getLogger(ScheduledWork.class);

    private final ReportJobs jobs;
    private final CacheWarmUp warmUp;
    private final JobWatch watch;
    private final Purges purges;
    private final ScheduleProperties properties;

    private final ObjectProvider<NotifySchedule> updateMails;
    private final ObjectProvider<SessionTableCap> sessionCap;
    private final ObjectProvider<WebhookSchedule> webhooks;
    private final ApplicationEventPublisher events;

    ScheduledWork(CacheWarmUp warmUp, ReportJobs jobs, JobWatch watch, Purges purges, ScheduleProperties properties,
                  ObjectProvider<NotifySchedule> updateMails, ObjectProvider<SessionTableCap> sessionCap,
                  ObjectProvider<WebhookSchedule> webhooks, ApplicationEventPublisher events) {
        this.events = events;
        this.warmUp = warmUp;
        this.webhooks = webhooks;
        this.updateMails = updateMails;
        this.sessionCap = sessionCap;
        this.jobs = jobs;
        this.watch = watch;
        this.purges = purges;
        this.properties = properties;
    }

    /** Before the supplier's blackout: the cache is filled and every customer's report is built and stored. */
    @Scheduled(cron = "${eta.schedule.warm-up:0 30 9 * * MON-FRI}", zone = "#{@timeZone.id}")
    @SchedulerLock(name = "warm-up", lockAtMostFor = "PT1H", lockAtLeastFor = "PT1M")
    void warmUp() {
        storeEveryReport("Scheduled cache warm-up");
    }

    /** After the blackout, so what the desk shows in the afternoon is the afternoon's state. */
    @Scheduled(cron = "${eta.schedule.warm-up-after:0 15 16 * * MON-FRI}", zone = "#{@timeZone.id}")
    @SchedulerLock(name = "warm-up-after", lockAtMostFor = "PT1H", lockAtLeastFor = "PT1M")
    void warmUpAfterBlackout() {
        storeEveryReport("Scheduled warm-up after the blackout");
    }

    @Scheduled(cron = "${eta.schedule.purge:0 15 3 * * *}", zone = "#{@timeZone.id}")
    @SchedulerLock(name = "purge", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    void purge() {
        Duration age = properties.purgeJobsAge();
        purges.run(age, true).forEach(purged -> log.info("Scheduled purge: {}", purged.describe(true)));
    }

    /** Old reports' data goes; each customer's newest report stays, for the desk. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    @SchedulerLock(name = "drop-old-reports", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    void dropOldReports() {
        watch.dropOldResults();
    }

    /** Every node renews the leases of its own jobs and stops its own jobs that ran too long. */
    @Scheduled(fixedDelayString = "${eta.jobs.heartbeat-interval:5s}")
    void jobHeartbeat() {
        watch.heartbeat();
    }

    /** Staff sessions kept in PostgreSQL past {@code eta.limits.sessions} end, oldest first (every node). */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void trimSessions() {
        sessionCap.ifAvailable(SessionTableCap::trim);
    }

    /** The daily update-mail digest, after the morning warm-up. */
    @Scheduled(cron = "${eta.notify.digest:0 45 9 * * MON-FRI}", zone = "#{@timeZone.id}")
    @SchedulerLock(name = "notify-digest", lockAtMostFor = "PT1H", lockAtLeastFor = "PT1M")
    void updateDigest() {
        updateMails.ifAvailable(NotifySchedule::digest);
    }

    /** Customers with "as it happens" subscribers, checked live. */
    @Scheduled(cron = "${eta.notify.immediate:0 5 * * * *}", zone = "#{@timeZone.id}")
    @SchedulerLock(name = "notify-immediate", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    void updatesAsTheyHappen() {
        updateMails.ifAvailable(NotifySchedule::immediate);
    }

    /** The update-mail outbox is delivered. */
    @Scheduled(cron = "${eta.notify.send:30 * * * * *}", zone = "#{@timeZone.id}")
    @SchedulerLock(name = "notify-send", lockAtMostFor = "PT10M", lockAtLeastFor = "PT5S")
    void sendUpdateMails() {
        updateMails.ifAvailable(NotifySchedule::send);
    }

    /** The customers that webhook endpoints follow, fetched live so their changes are recorded and delivered. */
    @Scheduled(cron = "${eta.webhooks.check:0 20 * * * *}", zone = "#{@timeZone.id}")
    @SchedulerLock(name = "webhooks-check", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    void checkForWebhooks() {
        webhooks.ifAvailable(WebhookSchedule::check);
    }

    /** Due webhook deliveries are sent (and retried). */
    @Scheduled(cron = "${eta.webhooks.send:45 * * * * *}", zone = "#{@timeZone.id}")
    @SchedulerLock(name = "webhooks-send", lockAtMostFor = "PT10M", lockAtLeastFor = "PT5S")
    void sendWebhooks() {
        webhooks.ifAvailable(WebhookSchedule::send);
    }

    /**
     * Fetches every customer that is not paused in batches (as {@code prewarm-cache} does: one request names many
     * customers, at most {@code eta.buz.max-in-flight} at once), then builds and stores each customer's report
     * from what was just fetched, with no further request and no report worker: a customer's stored report is the
     * one a lone fetch would give, or, where its batch failed, the one its stored copy (or its failure) gives.
     */
    private void storeEveryReport(String what) {
        CacheWarmUp.Warmed warmed = warmUp.fetch(EnumSet.allOf(Instance.class));
        int stored = 0;
        int failed = 0;
        int underWay = 0;
        for (Customer customer : warmed.customers()) {
            if (!warmed.complete(customer)) {
                continue; // interrupted (the service is stopping)
            }
            Optional<Job> job;
            try {
                job = jobs.storeBuiltFrom(customer, (instance, scope) -> warmed.lines(customer, instance))
                        .flatMap(id -> JobId.parse(id).flatMap(jobs::find));
            } catch (RuntimeException e) {
                // The database, most likely: the next customer may still be stored.
                log.warn("Scheduled warm-up: a report could not be stored ({})", e.getClass().getSimpleName());
                failed++;
                continue;
            }
            if (job.isEmpty()) {
                underWay++;
            } else if (job.get().status() == JobStatus.COMPLETED) {
                stored++;
            } else {
                failed++;
            }
        }
        CacheWarmUp.Summary fetched = warmed.summary(line -> { });
        // Counts only: customer names never go to the log.
        log.info("{}: {} reports stored, {} failed, {} already being prepared, {} paused skipped;"
                        + " customer fetches: {} live, {} from a stored copy, {} failed", what, stored, failed,
                underWay, warmed.skipped(), fetched.refreshed(), fetched.stale(), fetched.failed());
        if (stored > 0) {
            // The desk reads them again in its own thread, so the next person to open it does not wait.
            events.publishEvent(new ReportsStored(stored));
        }
    }
}
