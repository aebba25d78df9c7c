package io.etareport.notify;

import java.time.Duration;

import org.springframework.stereotype.Component;

/**
 * The update mails' old rows, for the shared purge list ({@code schedule.Purges}, run nightly and by
 * {@code purge-jobs}): each counted, or deleted when {@code delete} is set.
 */
@Component
public class UpdateMailPurges {

    private final Outbox outbox;
    private final ChangeLog changes;
    private final Subscriptions subscriptions;
    private final NotifyProperties properties;

    UpdateMailPurges(Outbox outbox, ChangeLog changes, Subscriptions subscriptions, NotifyProperties properties) {
        this.outbox = outbox;
        this.changes = changes;
        this.subscriptions = subscriptions;
        this.properties = properties;
    }

    /** How long sent mails and found changes are kept ({@code eta.notify.keep-sent}). */
    public Duration keepSent() {
        return properties.keepSent();
    }

    /** How long an address may wait unconfirmed ({@code eta.notify.confirm-valid}). */
    public Duration confirmValid() {
        return properties.confirmValid();
    }

    /** Records of sent, given-up and unknown mails older than {@link #keepSent()}. */
    public int sentMails(boolean delete) {
        return outbox.purge(properties.keepSent(), delete);
    }

    /** Changes found in live reports older than {@link #keepSent()}. */
    public int changes(boolean delete) {
        return changes.purge(properties.keepSent(), delete);
    }

    /** Addresses never confirmed whose confirmation link expired, with their confirmation mails. */
    public int unconfirmed(boolean delete) {
        return subscriptions.purgeUnconfirmed(delete);
    }
}
