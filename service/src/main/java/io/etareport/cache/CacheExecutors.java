package io.etareport.cache;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The threads that run live calls to the supplier, so that a caller can stop waiting at the stale deadline while
 * its call carries on and stores the answer. Built with Boot's builder: named threads, stopped (interrupted) with
 * the context, measured by Actuator ({@code executor.*{name=buzLiveCalls}}).
 */
@Configuration(proxyBeanMethods = false)
class CacheExecutors {

    static final String LIVE_CALLS = "buzLiveCalls";

    /**
     * No queue and no fixed size: a call that had to wait for a thread would defeat the deadline. It stays bounded
     * in practice, as each thread holds a slot of the Buz client's per-instance limit or waits for one no longer
     * than its read timeout, and there is at most one call per key, keys being customers, not anything a visitor
     * invents.
     */
    @Bean(LIVE_CALLS)
    @Qualifier(LIVE_CALLS)
    ThreadPoolTaskExecutor buzLiveCalls(ThreadPoolTaskExecutorBuilder builder) {
        return builder.corePoolSize(0).maxPoolSize(Integer.MAX_VALUE).queueCapacity(0)
                .keepAlive(Duration.ofSeconds(60))
                .threadNamePrefix("buz-live-")
                .customizers(pool -> pool.setDaemon(true))
                .build();
    }
}
