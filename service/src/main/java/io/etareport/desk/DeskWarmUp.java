package io.etareport.desk;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reads every customer's newest stored report for the desk once the service has started, in the background, so the
 * first member of staff to open the desk does not wait for all of them (seconds with hundreds of customers). Not in
 * operator commands, which never show the desk.
 */
@Component
@ConditionalOnWebApplication
class DeskWarmUp {

    private static final Logger log = LoggerFactory.getLogger(DeskWarmUp.class);

    private final DeskData data;

    DeskWarmUp(DeskData data) {
        this.data = data;
    }

    @EventListener(ApplicationReadyEvent.class)
    void started() {
        Thread thread = new Thread(this::warm, "desk-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private void warm() {
        long start = System.nanoTime();
        try {
            int customers = data.warm();
            log.info("Desk ready: {} customers' stored reports read in {} ms", customers,
                    (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            // The desk still works: its first open reads what it needs.
            log.warn("Reading the stored reports for the desk after start failed", e);
        }
    }
}
