package io.etareport.notify;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.etareport.db.ReadOnly;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Mails waiting to go, and the record of those sent. A mail is written inside the transaction that decides it
 * (a subscription, a change found), under a key naming what it is about, so deciding it twice writes it once.
 * Delivery claims a mail before sending it and marks it after: a mail claimed and never marked (the node died
 * in between) is never sent again, since it may have gone.
 */
@Repository
class Outbox {

    /** A claimed mail not marked within this long was claimed by a node that stopped. */
    static final Duration CLAIM_LOST_AFTER = Duration.ofMinutes(10);

    private final JdbcClient writes;
    private final JdbcClient reads;
    private final Clock clock;

    Outbox(JdbcClient writes, @ReadOnly JdbcClient reads, Clock clock) {
        this.writes = writes;
        this.reads = reads;
        this.clock = clock;
    }

    /** A mail to send; the last two are for the one-click unsubscribe (null: none). */
    record Message(long id, Long subscriberId, String email, String subject, String text, String html,
                   String unsubscribeUrl, int attempts) {
    }

    /** Adds a mail unless one with this key exists. Call inside the deciding transaction. */
    boolean add(String key, Long subscriberId, String email, MailComposer.Mail mail, String unsubscribeUrl) {
        return writes.sql("INSERT INTO notify_outbox (idem_key, subscriber_id, email, subject, text_body, html_body,"
                        + " unsubscribe_url, status, attempts, next_attempt_at, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?) ON CONFLICT (idem_key) DO NOTHING")
                .params(key, subscriberId, email, mail.subject(), mail.text(), mail.html(), unsubscribeUrl,
                        clock.millis(), clock.millis())
                .update() == 1;
    }

    List<Long> due(int limit) {
        return writes.sql("SELECT id FROM notify_outbox WHERE status = 'pending' AND next_attempt_at <= ?"
                        + " ORDER BY id LIMIT ?")
                .params(clock.millis(), limit).query(Long.class).list();
    }

    /** Takes a due mail for sending; empty when another sender took it first or it is no longer due. */
    Optional<Message> claim(long id) {
        int claimed = writes.sql("UPDATE notify_outbox SET status = 'sending', attempts = attempts + 1,"
                        + " next_attempt_at = ? WHERE id = ? AND status = 'pending'")
                .params(clock.millis(), id).update();
        if (claimed != 1) {
            return Optional.empty();
        }
        return writes.sql("SELECT id, subscriber_id, email, subject, text_body, html_body, unsubscribe_url, attempts"
                        + " FROM notify_outbox WHERE id = ?")
                .param(id)
                .query((rs, row) -> new Message(rs.getLong(1), Db.nullableLong(rs, 2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8)))
                .optional();
    }

    void sent(long id) {
        writes.sql("UPDATE notify_outbox SET status = 'sent', sent_at = ?, last_error = NULL WHERE id = ?")
                .params(clock.millis(), id).update();
    }

    void retryLater(long id, Duration after, String error) {
        writes.sql("UPDATE notify_outbox SET status = 'pending', next_attempt_at = ?, last_error = ? WHERE id = ?")
                .params(clock.instant().plus(after).toEpochMilli(), error, id).update();
    }

    void failed(long id, String error) {
        writes.sql("UPDATE notify_outbox SET status = 'failed', last_error = ? WHERE id = ?").params(error, id)
                .update();
    }

    /** Claims left by a node that stopped: marked unknown, never sent again (the mail may have gone). */
    int giveUpLostClaims() {
        return writes.sql("UPDATE notify_outbox SET status = 'unknown' WHERE status = 'sending' AND next_attempt_at < ?")
                .param(clock.instant().minus(CLAIM_LOST_AFTER).toEpochMilli()).update();
    }

    /** Sent, failed and unknown mails older than {@code keep}: counted, or deleted when {@code delete} is set. */
    int purge(Duration keep, boolean delete) {
        String where = " FROM notify_outbox WHERE status IN ('sent', 'failed', 'unknown') AND created_at < ?";
        long cutoff = clock.instant().minus(keep).toEpochMilli();
        if (!delete) {
            return reads.sql("SELECT count(*)" + where).param(cutoff).query(Integer.class).single();
        }
        return writes.sql("DELETE" + where).param(cutoff).update();
    }

    /** Mails per status, for staff. */
    int count(String status) {
        return reads.sql("SELECT count(*) FROM notify_outbox WHERE status = ?").param(status).query(Integer.class)
                .single();
    }
}
