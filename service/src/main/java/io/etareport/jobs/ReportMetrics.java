package io.etareport.jobs;

import java.time.Duration;
import java.util.Locale;

import io.etareport.report.Report;
import io.etareport.report.InstanceSource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * What operators watch of the reports: how long a customer waits for one (live or from stored
 * copies), which stored copies were served and why, and how many jobs wait and run.
 */
@Component
class ReportMetrics {

    private final MeterRegistry registry;

    ReportMetrics(MeterRegistry registry, JobStore store) {
        this.registry = registry;
        for (JobStatus status : new JobStatus[] {JobStatus.QUEUED, JobStatus.RUNNING}) {
            Gauge.builder("eta.jobs", store, jobs -> jobs.countWithStatus(status))
                    .description("Report jobs waiting for a worker or running, across all nodes")
                    .tag("state", status.stored())
                    .register(registry);
        }
    }

    /** A job's report is ready, {@code waited} after the customer asked for it. */
    void ready(Report report, Duration waited) {
        Timer.builder("eta.report.ready")
                .description("Time from asking for a report to its being ready")
                .tag("source", report.fromCache() ? "copy" : "live")
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofMinutes(5))
                .register(registry)
                .record(waited);
        built(report);
    }

    /** A report was built: count the stored copies it was made of. */
    void built(Report report) {
        for (InstanceSource source : report.sources()) {
            if (source.fromCache()) {
                Counter.builder("eta.cache.copies.served")
                        .description("Stored copies served instead of live data, by reason")
                        .tag("instance", source.instance().name())
                        .tag("reason", reason(source.kind().label()))
                        .register(registry)
                        .increment();
            }
        }
    }

    private static String reason(String kind) {
        String lower = kind.toLowerCase(Locale.ROOT);
        return lower.startsWith("cache-") ? lower.substring("cache-".length()) : lower;
    }
}
