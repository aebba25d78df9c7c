package io.etareport.report;

import java.time.Duration;


import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The pool that fetches a report's instances in parallel. Separate from the job workers, so a worker waiting on its
 * fetches can never starve them. No queue and no fixed size, like the cache's live calls: a fetch that waited for a
 * thread could not share its upstream request with the other customers asking at that moment. It stays bounded by
 * the job workers (one fetch per instance each); the Buz client's in-flight limit throttles the supplier. Built with
 * Boot's builder: named threads, stopped with the context, measured by Actuator.
 */
@Configuration(proxyBeanMethods = false)
class ReportExecutors {

    static final String FETCHES = "buzFetches";

    @Bean(FETCHES)
    @Qualifier(FETCHES)
    ThreadPoolTaskExecutor buzFetches(ThreadPoolTaskExecutorBuilder builder) {
        return builder.corePoolSize(0).maxPoolSize(Integer.MAX_VALUE).queueCapacity(0)
                .keepAlive(Duration.ofSeconds(60))
                .threadNamePrefix("buz-fetch-")
                .awaitTermination(true).awaitTerminationPeriod(Duration.ofSeconds(2))
                .customizers(pool -> pool.setDaemon(true))
                .build();
    }
}
