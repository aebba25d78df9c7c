package io.etareport.link;

import io.etareport.customers.Customer;
import io.etareport.customers.ObfuscatedId;

/**
 * A customer's link that may show their orders, as a controller receives it (see {@link OpenLinkResolver}): its
 * format was checked, it is known, neither replaced (past any grace period) nor paused. A controller taking one
 * checks none of that itself.
 */
final class OpenLink {

    /** The link id in a route's path: only the link format reaches a controller. */
    static final String ID = "{id:" + ObfuscatedId.FORMAT + "}";

    private final Customer customer;
    private final String id;
    private final boolean preview;
    private final Runnable takeStart;

    OpenLink(Customer customer, String id, boolean preview, Runnable takeStart) {
        this.customer = customer;
        this.id = id;
        this.preview = preview;
        this.takeStart = takeStart;
    }

    Customer customer() {
        return customer;
    }

    /** The id the visitor used: within a rotation's grace period, the old one, so pages built for it carry it. */
    String id() {
        return id;
    }

    /** A {@code HEAD} or a link-preview robot: it gets headers or a page with no data, and never starts a report. */
    boolean preview() {
        return preview;
    }

    /**
     * Counts one report start against this client's allowance for this link ({@code eta.jobs.starts-per-minute}),
     * for a route that starts one only sometimes (a download without its page's report). Routes that always
     * start one mark their parameter {@link StartsReport} instead.
     *
     * @throws org.springframework.web.server.ResponseStatusException 429 when the allowance is used up
     */
    void takeStart() {
        takeStart.run();
    }
}
