package io.etareport.buz;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Runs the batches of one request with bounded concurrency. The calling thread always works
 * through the batches itself; pool threads only help when one is free, so a busy pool slows a
 * group down but never stalls it.
 */
final class Batches implements AutoCloseable {

    private final ThreadPoolExecutor helpers;

    Batches(int maxHelperThreads) {
        AtomicInteger count = new AtomicInteger();
        helpers = new ThreadPoolExecutor(0, maxHelperThreads, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                task -> {
                    Thread thread = new Thread(task, "buz-batch-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
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
        helpers.shutdownNow();
    }
}
