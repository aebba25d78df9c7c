package io.etareport.schedule;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;

import io.etareport.audit.AuditLog;
import io.etareport.report.EtaHistory;
import io.etareport.buz.Instance;
import io.etareport.cache.CacheStore;
import io.etareport.customers.CustomerLinks;
import io.etareport.jobs.ReportJobs;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The warm-up before the blackout and the daily purge, inside the service instead of an operator's cron.
 * Each run holds a cluster-wide lock ({@link SchedulerLock}): the node that takes it runs the work, the others
 * skip that run. lockAtLeastFor keeps a node whose clock is a little behind from running it again.
 */
class ScheduledWork {

    private static final Logger log = LoggerFactory.getLogger(ScheduledWork.class);

    private final CacheWarmUp warmUp;
    private final ReportJobs jobs;
    private final AuditLog audit;
    private final ScheduleProperties properties;
    private final EtaHistory history;
    private final CacheStore cache;
    private final CustomerLinks links;
    private final Clock clock;

    ScheduledWork(CacheWarmUp warmUp, ReportJobs jobs, AuditLog audit, ScheduleProperties properties,
                  EtaHistory history, CacheStore cache, CustomerLinks links, Clock clock) {
        this.cache = cache;
        this.links = links;
        this.clock = clock;
        this.history = history;
        this.warmUp = warmUp;
        this.jobs = jobs;
        this.audit = audit;
        this.properties = properties;
    }

    @Scheduled(cron = "${eta.schedule.warm-up:0 30 9 * * MON-FRI}", zone = "#{@timeZone.id}")
    @SchedulerLock(name = "warm-up", lockAtMostFor = "PT1H", lockAtLeastFor = "PT1M")
    void warmUp() {
        // Customer names go to the terminal of the command only; the log gets the counts.
        CacheWarmUp.Summary summary = warmUp.run(EnumSet.allOf(Instance.class), line -> { });
        log.info("Scheduled cache warm-up: {}", summary.describe());
    }

    @Scheduled(cron = "${eta.schedule.purge:0 15 3 * * *}", zone = "#{@timeZone.id}")
    @SchedulerLock(name = "purge", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    void purge() {
        Duration age = properties.purgeJobsAge();
        int deleted = jobs.purgeFinished(age, true);
        int entries = audit.purgeExpired(true);
        int moves = history.purgeExpired(true);
        int lookups = cache.purgeOrderLookups(clock.instant().minus(age), true);
        int retired = links.purgeRetired(age, true);
        log.info("Scheduled purge: {} finished jobs, {} copies of staff order look-ups and {} replaced links older"
                + " than {}, {} audit entries and {} expected-date moves deleted", deleted, lookups, retired, age,
                entries, moves);
    }
}
