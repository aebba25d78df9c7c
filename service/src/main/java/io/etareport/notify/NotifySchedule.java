package io.etareport.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * The update mails' scheduled tasks. {@code schedule.ScheduledWork} (the one home of scheduled work) runs them once
 * per cluster. Without mail settings ({@code spring.mail.host}) each run does nothing.
 */
@Component
@ConditionalOnWebApplication
public class NotifySchedule {

    private static final Logger log = LoggerFactory.getLogger(NotifySchedule.class);

    private final Updates updates;
    private final OutboxSender sender;
    private final MailUpdates mail;

    NotifySchedule(Updates updates, OutboxSender sender, MailUpdates mail) {
        this.mail = mail;
        this.updates = updates;
        this.sender = sender;
    }

    /** The daily digest, after the morning warm-up: every subscribed customer checked live, due mails written. */
    public void digest() {
        if (!mail.available()) {
            return;
        }
        log.info("Update digest: {}", updates.run(true, line -> { }).describe());
        sender.deliverDue();
    }

    /** Customers with "as it happens" subscribers, checked live. */
    public void immediate() {
        if (!mail.available()) {
            return;
        }
        log.info("Updates as they happen: {}", updates.run(false, line -> { }).describe());
        sender.deliverDue();
    }

    public void send() {
        if (!mail.available()) {
            return;
        }
        sender.deliverDue();
    }
}
