package io.etareport.desk;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.etareport.jobs.ReportsStored;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reads every customer's newest stored report for the desk in the background, so the next member of staff to open
 * the desk does not wait for all of them (seconds with hundreds of customers): once the service has started, and
 * again each time the scheduled warm-up has stored new reports (twice a business day, every customer's). Not in
 * operator commands, which never show the desk.
 */
@Component
@ConditionalOnWebApplication
class DeskWarmUp implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DeskWarmUp.class);

    private final DeskData data;
    /*
     * One warm at a time, on its own low-priority thread (never the caller's: the scheduler's thread has other work).
     * One more may wait: asked again while one is under way, the waiting one reads whatever is newest when it starts,
     * so any further ask is dropped.
     */
    private final ThreadPoolExecutor warming = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(1), task -> {
                Thread thread = new Thread(task, "desk-warm-up");
                thread.setDaemon(true);
                thread.setPriority(Thread.MIN_PRIORITY);
                return thread;
            }, new ThreadPoolExecutor.DiscardPolicy());

    DeskWarmUp(DeskData data) {
        this.data = data;
    }

    @EventListener(ApplicationReadyEvent.class)
    void started() {
        warming.execute(() -> warm("after start"));
    }

    @EventListener
    void reportsStored(ReportsStored stored) {
        warming.execute(() -> warm("after the scheduled warm-up"));
    }

    @Override
    public void destroy() {
        warming.shutdownNow();
    }

    private void warm(String when) {
        long start = System.nanoTime();
        try {
            int customers = data.warm();
            log.info("Desk ready {}: {} customers' stored reports read in {} ms", when, customers,
                    (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            // The desk still works: its next open reads what it needs.
            log.warn("Reading the stored reports for the desk {} failed", when, e);
        }
    }
}
