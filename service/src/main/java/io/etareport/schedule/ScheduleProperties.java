package io.etareport.schedule;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Work the service does on its own, once per cluster however many nodes run. Cron expressions are Spring's
 * (second minute hour day month weekday), in the service's {@code eta.time-zone}, so they follow daylight saving; "-" switches one off.
 *
 * @param warmUp       when every customer's report is built and stored ahead of the supplier's blackout
 * @param warmUpAfter  the same once the blackout is over, so the desk shows the afternoon's state
 * @param purge        when the purge list runs ({@link Purges}: old jobs, audit entries, moves, API calls, link opens)
 * @param purgeJobsAge finished jobs older than this go (the {@code purge-jobs --days} default)
 */
@ConfigurationProperties("eta.schedule")
public record ScheduleProperties(
        @DefaultValue("0 30 9 * * MON-FRI") String warmUp,
        @DefaultValue("0 15 16 * * MON-FRI") String warmUpAfter,
        @DefaultValue("0 15 3 * * *") String purge,
        @DefaultValue("30d") Duration purgeJobsAge) {
}
