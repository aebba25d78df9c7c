package io.etareport.buz;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The pool that helps fetch a customer group's batches. A bean built with Boot's builder, so its threads are named,
 * it is stopped before the beans it calls, and Actuator reports it ({@code executor.*{name=buzBatchHelpers}}).
 */
@Configuration(proxyBeanMethods = false)
class BuzExecutors {

    static final String BATCH_HELPERS = "buzBatchHelpers";

    @Bean(BATCH_HELPERS)
    @Qualifier(BATCH_HELPERS)
    ThreadPoolTaskExecutor buzBatchHelpers(ThreadPoolTaskExecutorBuilder builder, BuzProperties properties) {
        return Batches.pool(builder, Batches.helperThreads(properties.batchConcurrency()));
    }
}
