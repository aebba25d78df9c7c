package io.etareport.customers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import io.etareport.audit.AuditLog;
import io.etareport.db.ReadOnly;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Whether a customer's private link opens their orders, and the staff actions that shut one:
 * a new link (the old one is retired) and pause/resume. Every route that takes a link id asks
 * {@link #open} first, so a closed link never reaches a job or the supplier. The staff pages and
 * the JSON API call the same methods, which write the audit log in the change's transaction.
 */
@Service
public class CustomerLinks {

    static final String AUDIT_ENTITY = "customer link";

    private final CustomerRepository customers;
    private final JdbcClient writes;
    private final JdbcClient reads;
    private final TransactionTemplate transactions;
    private final AuditLog audit;
    private final Clock clock;
    private final ReportLinks links;

    CustomerLinks(CustomerRepository customers, JdbcClient writes, @ReadOnly JdbcClient reads,
                  TransactionTemplate transactions, AuditLog audit, Clock clock, ReportLinks links) {
        this.customers = customers;
        this.writes = writes;
        this.reads = reads;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
        this.links = links;
    }

    /**
     * The customer whose link this is, when it may show their orders; empty for an id that is no
     * link at all (the caller's 404).
     *
     * @throws ClosedLinkException for a replaced link (after any grace period) or a paused one
     */
    public Optional<Customer> open(String obfuscatedId) {
        if (!ObfuscatedId.isValid(obfuscatedId)) {
            return Optional.empty();
        }
        Optional<Customer> current = customers.findByObfuscatedId(obfuscatedId);
        if (current.isPresent()) {
            refuseIfPaused(current.get().id());
            return current;
        }
        Optional<Retired> retired = reads.sql("SELECT r.replaced_at, c.id FROM retired_link r"
                        + " JOIN customers c ON c.id = r.customer_id WHERE r.obfuscated_id = ?")
                .param(obfuscatedId)
                .query((row, n) -> new Retired(row.getLong("id"), Instant.ofEpochMilli(row.getLong("replaced_at"))))
                .optional();
        if (retired.isEmpty()) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(retired.get().replacedAt().plus(grace()))) {
            throw new ClosedLinkException();
        }
        refuseIfPaused(retired.get().customerId());
        // Within the grace period the old link works as before, and pages built for it carry the
        // id the visitor used, not the new one.
        return customers.findById(retired.get().customerId()).map(customer -> new Customer(customer.id(),
                customer.ddName(), customer.cbrName(), obfuscatedId, customer.fieldType(), customer.displayName()));
    }

    /**
     * Whether a report prepared at {@code preparedAt} may still be shown: not when the customer is
     * paused, nor when their link was replaced since (once any grace period is over), because the
     * report page carries the customer's current link in its download addresses.
     */
    public boolean mayShowReportPreparedAt(long customerId, Instant preparedAt) {
        if (isPaused(customerId)) {
            return false;
        }
        Instant closedBefore = clock.instant().minus(grace());
        return reads.sql("SELECT count(*) FROM retired_link WHERE customer_id = ? AND replaced_at > ?"
                        + " AND replaced_at <= ?")
                .params(customerId, preparedAt.toEpochMilli(), closedBefore.toEpochMilli())
                .query(Integer.class).single() == 0;
    }

    /**
     * Gives the customer a new link id; everything else stays. Empty when there is no such customer.
     */
    public Optional<Customer> rotateLink(long customerId, String actor) {
        return transactions.execute(status -> customers.findForChange(customerId)
                .map(current -> rotate(current, current.obfuscatedId(), actor)));
    }

    /**
     * Gives the customer a new link id, provided their link is still {@code expectedCurrentId} (the
     * one the admin saw): two admins pressing "New link" at once make one new link, not two.
     *
     * @throws LinkChangedException when the link has changed since
     */
    public Optional<Customer> rotateLink(long customerId, String expectedCurrentId, String actor) {
        return transactions.execute(status -> customers.findForChange(customerId)
                .map(current -> rotate(current, expectedCurrentId, actor)));
    }

    private Customer rotate(Customer current, String expectedCurrentId, String actor) {
        String fresh = ObfuscatedId.generate();
        // One statement guarded on the current id: whoever comes second changes nothing.
        int changed = writes.sql("UPDATE customers SET obfuscated_id = ? WHERE id = ? AND obfuscated_id = ?")
                .params(fresh, current.id(), expectedCurrentId).update();
        if (changed != 1) {
            throw new LinkChangedException();
        }
        writes.sql("INSERT INTO retired_link (obfuscated_id, customer_id, replaced_at) VALUES (?, ?, ?)")
                .params(expectedCurrentId, current.id(), clock.millis()).update();
        audit.record(actor, AUDIT_ENTITY, current.id(), "new link",
                AuditLog.fields("link", AuditLog.linkFingerprint(expectedCurrentId)),
                AuditLog.fields("link", AuditLog.linkFingerprint(fresh)));
        return new Customer(current.id(), current.ddName(), current.cbrName(), fresh, current.fieldType(),
                current.displayName());
    }

    /** Shuts the customer's link until {@link #resume}. Empty when there is no such customer. */
    public Optional<Customer> pause(long customerId, String actor) {
        return setPaused(customerId, true, actor);
    }

    /** Opens a paused link again. Empty when there is no such customer. */
    public Optional<Customer> resume(long customerId, String actor) {
        return setPaused(customerId, false, actor);
    }

    private Optional<Customer> setPaused(long customerId, boolean paused, String actor) {
        return transactions.execute(status -> customers.findForChange(customerId).map(customer -> {
            int changed = paused
                    ? writes.sql("INSERT INTO paused_customer (customer_id, paused_at) VALUES (?, ?)"
                            + " ON CONFLICT (customer_id) DO NOTHING")
                    .params(customerId, clock.millis()).update()
                    : writes.sql("DELETE FROM paused_customer WHERE customer_id = ?").param(customerId).update();
            // Pausing a paused link changes nothing, so there is nothing to record.
            if (changed == 1) {
                audit.record(actor, AUDIT_ENTITY, customerId, paused ? "pause" : "resume",
                        AuditLog.fields("paused", !paused), AuditLog.fields("paused", paused));
            }
            return customer;
        }));
    }

    public boolean isPaused(long customerId) {
        return reads.sql("SELECT count(*) FROM paused_customer WHERE customer_id = ?").param(customerId)
                .query(Integer.class).single() > 0;
    }

    /**
     * Replaced links older than {@code age} (and past the grace period): forgotten, after which an old link is just
     * an unknown one. Only counted unless {@code delete}.
     */
    public int purgeRetired(Duration age, boolean delete) {
        long before = clock.millis() - Math.max(age.toMillis(), grace().toMillis());
        return delete
                ? writes.sql("DELETE FROM retired_link WHERE replaced_at < ?").param(before).update()
                : reads.sql("SELECT count(*) FROM retired_link WHERE replaced_at < ?").param(before)
                        .query(Integer.class).single();
    }

    /** The ids of every paused customer. */
    public Set<Long> pausedCustomerIds() {
        return new HashSet<>(reads.sql("SELECT customer_id FROM paused_customer").query(Long.class).list());
    }

    private void refuseIfPaused(long customerId) {
        if (isPaused(customerId)) {
            throw new ClosedLinkException();
        }
    }

    private Duration grace() {
        return links.rotationGrace();
    }

    private record Retired(long customerId, Instant replacedAt) {
    }

    /** "New link" for a link that another change replaced a moment ago. */
    public static class LinkChangedException extends RuntimeException {

        LinkChangedException() {
            super("The link was changed by someone else a moment ago. Check the list and try again if needed.");
        }
    }
}
