package io.etareport.jobs;

import java.time.Duration;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param workers           reports built at once; more wait in the queue
 * @param queueCapacity     reports waiting for a worker before new ones are turned away
 * @param stallLimit        a running job with no heartbeat for this long is failed
 * @param maxDuration       a job still running after this long is stopped and failed
 * @param heartbeatInterval how often workers record that they are alive
 * @param reuseWindow       a report younger than this is served again instead of fetched again
 * @param keepResults       how long a finished report stays viewable at /report/&lt;job&gt;
 * @param pollInterval      how often the loading page asks for progress
 * @param lease             how long a node holds a job without renewing it; a job not renewed for this long
 *                          (its node died) is failed by any node within lease + heartbeat interval
 * @param startsPerMinute   report starts (opens, sync views, downloads without a job) one client
 *                          address may make per link per minute; more get the "too many requests" page
 * @param showRecentFor     a report younger than this is shown at once when the link is opened, marked as
 *                          refreshing, while a fresh one is prepared (0: always show the loading page)
 */
@ConfigurationProperties("eta.jobs")
@Validated
public record JobProperties(
        @DefaultValue("32") @Positive int workers,
        @DefaultValue("100") @PositiveOrZero int queueCapacity,
        @DefaultValue("300s") @DurationMin(nanos = 1) Duration stallLimit,
        @DefaultValue("180s") @DurationMin(nanos = 1) Duration maxDuration,
        @DefaultValue("5s") @DurationMin(nanos = 1) Duration heartbeatInterval,
        @DefaultValue("30s") @DurationMin(nanos = 0) Duration reuseWindow,
        @DefaultValue("24h") @DurationMin(nanos = 0) Duration keepResults,
        @DefaultValue("1200ms") @DurationMin(nanos = 1) Duration pollInterval,
        @DefaultValue("20s") @DurationMin(nanos = 1) Duration lease,
        @DefaultValue("20") @Positive int startsPerMinute,
        @DefaultValue("15m") @DurationMin(nanos = 0) Duration showRecentFor) {
}
