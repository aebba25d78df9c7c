package io.etareport.buz;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Runs the batches of one request with bounded concurrency. The calling thread always works
 * through the batches itself; pool threads only help when one is free, so a busy pool slows a
 * group down but never stalls it.
 */
final class Batches implements AutoCloseable {

    private final ThreadPoolTaskExecutor helpers;
    /** Whether this owns the pool (built without Spring), or Spring starts and stops it. */
    private final boolean owned;

    /** With the service's pool, which Spring names, measures and shuts down. */
    Batches(ThreadPoolTaskExecutor helpers) {
        this.helpers = helpers;
        this.owned = false;
    }

    /** With a pool of its own, for use without Spring; {@link #close()} stops it. */
    Batches(int maxHelperThreads) {
        this.helpers = pool(new ThreadPoolTaskExecutorBuilder(), maxHelperThreads);
        this.helpers.initialize();
        this.owned = true;
    }

    /**
     * The helpers' pool: no queue, so a batch either gets a free thread at once or the caller does it itself;
     * idle threads go after 30 s.
     */
    static ThreadPoolTaskExecutor pool(ThreadPoolTaskExecutorBuilder builder, int maxHelperThreads) {
        return builder.corePoolSize(0).maxPoolSize(maxHelperThreads).queueCapacity(0)
                .keepAlive(Duration.ofSeconds(30)).allowCoreThreadTimeOut(true).threadNamePrefix("buz-batch-")
                .awaitTermination(true).awaitTerminationPeriod(Duration.ofSeconds(2))
                .customizers(pool -> pool.setDaemon(true))
                .build();
    }

    /** Helper threads enough for every instance's batches at {@code batchConcurrency}. */
    static int helperThreads(int batchConcurrency) {
        return Math.max(1, 2 * (batchConcurrency - 1) * Instance.values().length);
    }

    /**
     * The results of {@code task} for batches {@code 0..count-1}, in batch order. The first failure
     * stops batches not yet started and is rethrown.
     */
    <T> List<T> run(int count, int concurrency, IntFunction<T> task) {
        Object[] results = new Object[count];
        AtomicInteger next = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Runnable worker = () -> {
            int index;
            while (failure.get() == null && (index = next.getAndIncrement()) < count) {
                try {
                    results[index] = task.apply(index);
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }
        };
        List<Future<?>> started = new ArrayList<>();
        for (int i = 1; i < Math.min(concurrency, count); i++) {
            try {
                started.add(helpers.submit(worker));
            } catch (RejectedExecutionException busy) {
                break;
            }
        }
        worker.run();
        for (Future<?> helper : started) {
            try {
                helper.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure.compareAndSet(null, new IllegalStateException("Interrupted while fetching batches"));
                break;
            } catch (ExecutionException e) {
                failure.compareAndSet(null, new IllegalStateException("A batch failed unexpectedly", e.getCause()));
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        List<T> list = new ArrayList<>(count);
        for (Object result : results) {
            @SuppressWarnings("unchecked")
            T typed = (T) result;
            list.add(typed);
        }
        return list;
    }

    @Override
    public void close() {
        if (owned) {
            helpers.shutdown();
        }
    }
}
