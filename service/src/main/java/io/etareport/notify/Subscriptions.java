package io.etareport.notify;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import io.etareport.audit.AuditLog;
import io.etareport.customers.Customer;
import io.etareport.db.ReadOnly;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The people who asked for a customer's updates. Double opt-in: an address gets its confirmation mail and
 * nothing else until its single-use confirmation link is used within {@code eta.notify.confirm-valid}.
 * Unsubscribing deletes the address and every mail to it.
 */
@Repository
class Subscriptions {

    /** Deliberately loose: the confirmation mail is the real check. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"]{1,64}@[^@\\s<>\"]+\\.[^@\\s<>\"]+");
    /** A second request for the same pending address within this long sends no second mail (no mail bombing). */
    private static final Duration RESEND_AFTER = Duration.ofMinutes(10);

    private final JdbcClient writes;
    private final JdbcClient reads;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Outbox outbox;
    private final MailComposer composer;
    private final NotifyProperties properties;
    private final AuditLog audit;

    Subscriptions(JdbcClient writes, @ReadOnly JdbcClient reads, TransactionTemplate transactions, Clock clock,
                  Outbox outbox, MailComposer composer, NotifyProperties properties, AuditLog audit) {
        this.writes = writes;
        this.reads = reads;
        this.transactions = transactions;
        this.clock = clock;
        this.outbox = outbox;
        this.composer = composer;
        this.properties = properties;
        this.audit = audit;
    }

    enum Cadence {
        DIGEST("digest"), IMMEDIATE("immediate");

        final String code;

        Cadence(String code) {
            this.code = code;
        }

        static Cadence of(String code) {
            return "immediate".equals(code) ? IMMEDIATE : DIGEST;
        }
    }

    /** A confirmed subscriber. */
    record Subscriber(long id, long customerId, String email, Cadence cadence, String siteUrl, String linkId,
                      String unsubscribeToken, long lastChangeId, Long lastSentAt, Long stoppedAt,
                      Long confirmedAt) {

        String unsubscribeUrl() {
            return siteUrl + "/updates/unsubscribe/" + unsubscribeToken;
        }

        /** {@code j***@example.com}: enough for staff to tell two apart, not enough to write to. */
        public String masked() {
            int at = email.indexOf('@');
            return email.charAt(0) + "***" + email.substring(at);
        }
    }

    static boolean looksLikeEmail(String email) {
        return email != null && email.length() <= 254 && EMAIL.matcher(email.trim()).matches();
    }

    /**
     * Asks {@code email} to confirm updates on {@code customer}'s orders. Says nothing about whether the address
     * was already there (the page answers the same either way).
     */
    void subscribe(Customer customer, String email, Cadence cadence, String siteUrl) {
        String address = email.trim().toLowerCase(Locale.ROOT);
        String token = Tokens.generate();
        long now = clock.millis();
        long expires = clock.instant().plus(properties.confirmValid()).toEpochMilli();
        transactions.executeWithoutResult(status -> {
            Optional<Long[]> existing = writes.sql("SELECT id, confirmed_at, created_at FROM notify_subscriber"
                            + " WHERE customer_id = ? AND email = ?")
                    .params(customer.id(), address)
                    .query((rs, row) -> new Long[] {rs.getLong(1), Db.nullableLong(rs, 2), rs.getLong(3)})
                    .optional();
            long id;
            if (existing.isEmpty()) {
                writes.sql("INSERT INTO notify_subscriber (customer_id, email, cadence, site_url, link_id, confirm_hash,"
                                + " confirm_expires, unsubscribe_token, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(customer.id(), address, cadence.code, siteUrl, customer.obfuscatedId(),
                                Tokens.hash(token), expires, Tokens.generate(), now)
                        .update();
                id = writes.sql("SELECT id FROM notify_subscriber WHERE customer_id = ? AND email = ?")
                        .params(customer.id(), address).query(Long.class).single();
            } else if (existing.get()[1] != null || existing.get()[2] > now - RESEND_AFTER.toMillis()) {
                return; // confirmed already, or asked a moment ago
            } else {
                id = existing.get()[0];
                writes.sql("UPDATE notify_subscriber SET cadence = ?, site_url = ?, link_id = ?, confirm_hash = ?,"
                                + " confirm_expires = ?, created_at = ? WHERE id = ?")
                        .params(cadence.code, siteUrl, customer.obfuscatedId(), Tokens.hash(token), expires, now, id)
                        .update();
            }
            outbox.add("confirm:" + id + ":" + now, id, address,
                    composer.confirmation(siteUrl + "/updates/confirm/" + token, properties.confirmValid()), null);
        });
    }

    /** Whether {@code token} is a confirmation link that may still be used. */
    boolean confirmable(String token) {
        return reads.sql("SELECT count(*) FROM notify_subscriber WHERE confirm_hash = ? AND confirm_expires >= ?")
                .params(Tokens.hash(token), clock.millis()).query(Integer.class).single() > 0;
    }

    /** Uses a confirmation link: true once, within its time; false when unknown, used or expired. */
    boolean confirm(String token) {
        long now = clock.millis();
        // A new subscriber hears of changes from now on, not of the customer's earlier ones.
        return writes.sql("UPDATE notify_subscriber SET confirmed_at = ?, confirm_hash = NULL, confirm_expires = NULL,"
                        + " last_change_id = (SELECT coalesce(max(c.id), 0) FROM notify_change c"
                        + " WHERE c.customer_id = notify_subscriber.customer_id)"
                        + " WHERE confirm_hash = ? AND confirm_expires >= ?")
                .params(now, Tokens.hash(token), now).update() == 1;
    }

    /** Deletes the address with this unsubscribe token, and its mails; false when there is none. */
    boolean unsubscribe(String token) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            Optional<Long> id = writes.sql("SELECT id FROM notify_subscriber WHERE unsubscribe_token = ?")
                    .param(token).query(Long.class).optional();
            id.ifPresent(this::delete);
            return id.isPresent();
        }));
    }

    private void delete(long id) {
        writes.sql("DELETE FROM notify_outbox WHERE subscriber_id = ?").param(id).update();
        writes.sql("DELETE FROM notify_subscriber WHERE id = ?").param(id).update();
    }

    /** Confirmed subscribers of a customer, on the writer (inside a deciding transaction). */
    List<Subscriber> confirmed(long customerId) {
        return writes.sql(SELECT + " WHERE customer_id = ? AND confirmed_at IS NOT NULL ORDER BY id")
                .param(customerId).query(this::row).list();
    }

    /** Customers with at least one confirmed subscriber, optionally of one cadence only (null: any). */
    List<Long> customersWithSubscribers(Cadence cadence) {
        String sql = "SELECT DISTINCT customer_id FROM notify_subscriber WHERE confirmed_at IS NOT NULL"
                + " AND stopped_at IS NULL";
        if (cadence == null) {
            return reads.sql(sql + " ORDER BY customer_id").query(Long.class).list();
        }
        return reads.sql(sql + " AND cadence = ? ORDER BY customer_id").param(cadence.code).query(Long.class).list();
    }

    /** Confirmed subscribers of a customer, for staff. */
    List<Subscriber> forStaff(long customerId) {
        return reads.sql(SELECT + " WHERE customer_id = ? AND confirmed_at IS NOT NULL ORDER BY id")
                .param(customerId).query(this::row).list();
    }

    /** A member of staff removes one subscriber; recorded in the audit log with the masked address. */
    boolean remove(long customerId, long subscriberId, String actor) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            Optional<Subscriber> found = writes.sql(SELECT + " WHERE id = ? AND customer_id = ?")
                    .params(subscriberId, customerId).query(this::row).optional();
            found.ifPresent(subscriber -> {
                delete(subscriber.id());
                audit.record(actor, "subscriber", subscriber.id(), "delete",
                        AuditLog.fields("customer", customerId, "email", subscriber.masked()), null);
            });
            return found.isPresent();
        }));
    }

    /**
     * The mail server refused the address for good: no more mail to it, including mails already waiting (each
     * would be refused again); staff see it stopped.
     */
    void stop(long subscriberId) {
        transactions.executeWithoutResult(status -> {
            writes.sql("UPDATE notify_subscriber SET stopped_at = ? WHERE id = ? AND stopped_at IS NULL")
                    .params(clock.millis(), subscriberId).update();
            writes.sql("UPDATE notify_outbox SET status = 'failed', last_error = 'address stopped'"
                    + " WHERE subscriber_id = ? AND status = 'pending'").param(subscriberId).update();
        });
    }

    /** Records that a subscriber was told every change up to {@code changeId} ({@code mailed}: in a mail now). */
    void told(long subscriberId, long changeId, boolean mailed) {
        if (mailed) {
            writes.sql("UPDATE notify_subscriber SET last_change_id = ?, last_sent_at = ? WHERE id = ?")
                    .params(changeId, clock.millis(), subscriberId).update();
        } else {
            writes.sql("UPDATE notify_subscriber SET last_change_id = ? WHERE id = ?").params(changeId, subscriberId)
                    .update();
        }
    }

    /**
     * Ends the subscriptions to a link that was replaced: each subscriber gets one last mail, with no link in it,
     * and is deleted. Staff may move them to the new link instead ({@link #moveToNewLink}).
     */
    int endReplacedLinks(java.util.function.Function<Long, Optional<Customer>> customers) {
        return transactions.execute(status -> {
            int ended = 0;
            List<Subscriber> all = writes.sql(SELECT + " ORDER BY id").query(this::row).list();
            for (Subscriber subscriber : all) {
                Optional<Customer> customer = customers.apply(subscriber.customerId());
                if (customer.isPresent() && customer.get().obfuscatedId().equals(subscriber.linkId())) {
                    continue;
                }
                // A pending address never asked for mail; a stopped one would refuse it.
                boolean confirmed = subscriber.confirmedAt() != null && subscriber.stoppedAt() == null;
                writes.sql("DELETE FROM notify_outbox WHERE subscriber_id = ? AND status = 'pending'")
                        .param(subscriber.id()).update();
                writes.sql("DELETE FROM notify_subscriber WHERE id = ?").param(subscriber.id()).update();
                if (confirmed && customer.isPresent()) {
                    outbox.add("link-changed:" + subscriber.id(), null, subscriber.email(), composer.linkChanged(),
                            null);
                }
                ended++;
            }
            return ended;
        });
    }

    /** Staff chose to keep a customer's subscribers after giving them a new link. */
    int moveToNewLink(Customer customer, String actor) {
        return transactions.execute(status -> {
            int moved = writes.sql("UPDATE notify_subscriber SET link_id = ? WHERE customer_id = ? AND link_id <> ?")
                    .params(customer.obfuscatedId(), customer.id(), customer.obfuscatedId()).update();
            if (moved > 0) {
                audit.record(actor, "subscriber", customer.id(), "move to new link", null,
                        AuditLog.fields("customer", customer.id(), "subscribers", moved));
            }
            return moved;
        });
    }

    /**
     * Pending subscriptions whose confirmation link expired: counted, or deleted with their confirmation mails when
     * {@code delete} is set.
     */
    int purgeUnconfirmed(boolean delete) {
        if (!delete) {
            return reads.sql("SELECT count(*) FROM notify_subscriber WHERE confirmed_at IS NULL AND confirm_expires < ?")
                    .param(clock.millis()).query(Integer.class).single();
        }
        return transactions.execute(status -> {
            long now = clock.millis();
            writes.sql("DELETE FROM notify_outbox WHERE subscriber_id IN (SELECT id FROM notify_subscriber"
                    + " WHERE confirmed_at IS NULL AND confirm_expires < ?)").param(now).update();
            return writes.sql("DELETE FROM notify_subscriber WHERE confirmed_at IS NULL AND confirm_expires < ?")
                    .param(now).update();
        });
    }

    private static final String SELECT = "SELECT id, customer_id, email, cadence, site_url, link_id,"
            + " unsubscribe_token, last_change_id, last_sent_at, stopped_at, confirmed_at FROM notify_subscriber";

    private Subscriber row(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Subscriber(rs.getLong(1), rs.getLong(2), rs.getString(3), Cadence.of(rs.getString(4)),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getLong(8),
                Db.nullableLong(rs, 9), Db.nullableLong(rs, 10),
                Db.nullableLong(rs, 11));
    }
}
