package io.etareport.schedule;

import java.util.Optional;

import javax.sql.DataSource;

import io.etareport.db.DatabaseProperties;
import io.etareport.jobs.JobWatch;
import io.etareport.jobs.ReportJobs;
import io.etareport.notify.NotifySchedule;
import io.etareport.security.SessionTableCap;
import io.etareport.webhooks.WebhookSchedule;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled work runs in the service only, never inside an operator command. On PostgreSQL the lock is a row in
 * {@code shedlock} with the database's clock, so nodes whose clocks differ still agree; SQLite is one node,
 * where every run may go ahead.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT1H")
@EnableConfigurationProperties(ScheduleProperties.class)
class ScheduleConfig {

    @Bean
    LockProvider lockProvider(DatabaseProperties database, DataSource dataSource) {
        if (!database.postgres()) {
            return configuration -> Optional.of(() -> { });
        }
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }

    @Bean
    ScheduledWork scheduledWork(CacheWarmUp warmUp, ReportJobs jobs, JobWatch watch, Purges purges,
                                ScheduleProperties properties, ObjectProvider<NotifySchedule> updateMails,
                                ObjectProvider<SessionTableCap> sessionCap, ObjectProvider<WebhookSchedule> webhooks,
                                ApplicationEventPublisher events) {
        return new ScheduledWork(warmUp, jobs, watch, purges, properties, updateMails, sessionCap, webhooks,
                events);
    }
}
