package io.etareport.report;

import java.time.Duration;

import io.etareport.buz.Instance;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The pool that fetches a report's instances in parallel. Separate from the job workers, so a worker waiting on its
 * fetches can never starve them; sized for every instance at the Buz client's default in-flight limit (the real
 * throttle). Built with Boot's builder: named threads, stopped with the context, measured by Actuator.
 */
@Configuration(proxyBeanMethods = false)
class ReportExecutors {

    static final String FETCHES = "buzFetches";

    @Bean(FETCHES)
    @Qualifier(FETCHES)
    ThreadPoolTaskExecutor buzFetches(ThreadPoolTaskExecutorBuilder builder) {
        int threads = 4 * Instance.values().length;
        return builder.corePoolSize(threads).maxPoolSize(threads).queueCapacity(Integer.MAX_VALUE)
                .threadNamePrefix("buz-fetch-")
                .awaitTermination(true).awaitTerminationPeriod(Duration.ofSeconds(2))
                .customizers(pool -> pool.setDaemon(true))
                .build();
    }
}
