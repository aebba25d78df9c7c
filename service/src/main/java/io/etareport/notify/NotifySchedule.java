package io.etareport.notify;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The update mails' schedule, once per cluster like the other scheduled work (each run holds a ShedLock lock, so
 * with several nodes one of them runs it). Without mail settings ({@code spring.mail.host}) each run does nothing.
 */
@Component
@ConditionalOnWebApplication
class NotifySchedule {

    private static final Logger log = LoggerFactory.getLogger(NotifySchedule.class);

    private final Updates updates;
    private final OutboxSender sender;
    private final Subscriptions subscriptions;
    private final ChangeLog changes;
    private final Outbox outbox;
    private final NotifyProperties properties;

    private final MailUpdates mail;

    NotifySchedule(Updates updates, OutboxSender sender, Subscriptions subscriptions, ChangeLog changes,
                   Outbox outbox, NotifyProperties properties, MailUpdates mail) {
        this.mail = mail;
        this.updates = updates;
        this.sender = sender;
        this.subscriptions = subscriptions;
        this.changes = changes;
        this.outbox = outbox;
        this.properties = properties;
    }

    /** The daily digest, after the morning warm-up: every subscribed customer checked live, due mails written. */
    @Scheduled(cron = "${eta.notify.digest:0 45 9 * * MON-FRI}", zone = "${eta.time-zone}")
    @SchedulerLock(name = "notify-digest", lockAtMostFor = "PT1H", lockAtLeastFor = "PT1M")
    void digest() {
        if (!mail.available()) {
            return;
        }
        log.info("Update digest: {}", updates.run(true, line -> { }).describe());
        sender.deliverDue();
    }

    /** Customers with "as it happens" subscribers, checked live. */
    @Scheduled(cron = "${eta.notify.immediate:0 5 * * * *}", zone = "${eta.time-zone}")
    @SchedulerLock(name = "notify-immediate", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    void immediate() {
        if (!mail.available()) {
            return;
        }
        log.info("Updates as they happen: {}", updates.run(false, line -> { }).describe());
        sender.deliverDue();
    }

    @Scheduled(cron = "${eta.notify.send:30 * * * * *}", zone = "${eta.time-zone}")
    @SchedulerLock(name = "notify-send", lockAtMostFor = "PT10M", lockAtLeastFor = "PT5S")
    void send() {
        if (!mail.available()) {
            return;
        }
        sender.deliverDue();
    }

    @Scheduled(cron = "${eta.schedule.purge:0 15 3 * * *}", zone = "${eta.time-zone}")
    @SchedulerLock(name = "notify-purge", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    void purge() {
        int mails = outbox.purge(properties.keepSent());
        int found = changes.purge(properties.keepSent());
        int pending = subscriptions.purgeUnconfirmed();
        log.info("Update mails purge: {} mail records, {} changes and {} unconfirmed addresses deleted", mails, found,
                pending);
    }
}
