package io.etareport.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import io.etareport.buz.Instance;
import io.etareport.cache.Source;
import io.etareport.db.DatabaseBackup;
import io.etareport.db.DatabaseMigrator;
import io.etareport.db.DatabaseProperties;
import io.etareport.report.FilterChoices;
import io.etareport.report.InstanceSource;
import io.etareport.report.Report;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** Copies served because live was slow or the breaker was open are counted under their own reasons. */
class ReportMetricsTest {

    private static final Instant AT = Instant.parse("2026-03-04T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void slowAndBreakerCopiesAreCountedByReason() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ReportMetrics metrics = new ReportMetrics(meters, jobStore());

        metrics.built(new Report("Acme", List.of(), FilterChoices.none(), List.of(
                new InstanceSource(Instance.DD, Source.CACHE_SLOW, AT),
                new InstanceSource(Instance.CBR, Source.CACHE_BREAKER, AT)), AT));
        metrics.built(new Report("Acme", List.of(), FilterChoices.none(), List.of(
                new InstanceSource(Instance.DD, Source.CACHE_SLOW, AT), InstanceSource.live(Instance.CBR, AT)), AT));

        assertThat(copies(meters, "DD", "slow")).isEqualTo(2);
        assertThat(copies(meters, "CBR", "breaker")).isEqualTo(1);
        assertThat(meters.find("eta.cache.copies.served").tag("reason", "live").counter()).isNull();
    }

    private static double copies(SimpleMeterRegistry meters, String instance, String reason) {
        return meters.get("eta.cache.copies.served").tag("instance", instance).tag("reason", reason).counter().count();
    }

    private JobStore jobStore() {
        Path file = dir.resolve("eta.db");
        DatabaseProperties properties = new DatabaseProperties(file.toString(), 2, Duration.ofSeconds(5), true);
        Clock clock = Clock.systemUTC();
        new DatabaseMigrator(properties, new DatabaseBackup(properties, clock, ZoneId.of("Australia/Sydney"))).migrate();
        DriverManagerDataSource data = new DriverManagerDataSource("jdbc:sqlite:" + file + "?busy_timeout=5000");
        JdbcClient db = JdbcClient.create(data);
        return new JobStore(db, db, new TransactionTemplate(new DataSourceTransactionManager(data)), clock,
                new JobProperties(4, 100, Duration.ofSeconds(300), Duration.ofSeconds(180), Duration.ofSeconds(5),
                        Duration.ofSeconds(30), Duration.ofHours(24), Duration.ofMillis(1200), Duration.ofSeconds(20), 20,
                        Duration.ofMinutes(15)));
    }
}
