package io.etareport.jobs;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The report job workers: {@code eta.jobs.workers} threads and a queue of {@code eta.jobs.queue-capacity}; beyond
 * that a new job is turned away ("busy"). Built with Boot's builder: named threads, Actuator metrics
 * ({@code executor.*{name=reportJobWorkers}}), and at shutdown running jobs are interrupted and given a few seconds
 * to record that they stopped.
 */
@Configuration(proxyBeanMethods = false)
class JobExecutors {

    static final String WORKERS = "reportJobWorkers";

    @Bean(WORKERS)
    @Qualifier(WORKERS)
    ThreadPoolTaskExecutor reportJobWorkers(ThreadPoolTaskExecutorBuilder builder, JobProperties properties) {
        return builder.corePoolSize(properties.workers()).maxPoolSize(properties.workers())
                .queueCapacity(properties.queueCapacity()).keepAlive(Duration.ofSeconds(60))
                .threadNamePrefix("report-job-")
                .awaitTermination(true).awaitTerminationPeriod(Duration.ofSeconds(5))
                .customizers(pool -> pool.setDaemon(true))
                .build();
    }
}
