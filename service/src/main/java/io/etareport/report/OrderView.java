package io.etareport.report;

import java.util.List;

/**
 * What one order means to its customer on one day: every surface (page, summary, filters, downloads, calendar, API)
 * reads these facts rather than working them out again. Built by {@link OrderModel}.
 *
 * @param order            the stored order
 * @param state            the stage of its least advanced active line ("Received", "In production", "Ready", ...);
 *                         the hold stage when any active line is on hold; "Cancelled" when every line is cancelled;
 *                         "Done" when every active line is finished; null when it has no lines or a line not yet
 *                         finished has no known stage (an unknown line never makes an order look further along)
 * @param ready            every active line is at the ready stage or later (or Done), none is on hold, and at least
 *                         one line is not cancelled
 * @param onHold           at least one active line is on hold
 * @param overdue          its expected date is before today and it is not ready, done or cancelled
 * @param businessDaysLate business days (Monday to Friday) from the expected date to today when overdue (at least
 *                         1), else 0
 * @param itemsReady       active lines at the ready stage or later
 * @param itemsActive      lines not cancelled
 * @param itemsCancelled   cancelled lines
 * @param movedRecently    its expected date moved within {@code eta.report.show-moves-for}
 * @param lines            one per order line, in the order's order
 */
public record OrderView(Order order, String state, boolean ready, boolean onHold, boolean overdue,
                        int businessDaysLate, int itemsReady, int itemsActive, int itemsCancelled,
                        boolean movedRecently, List<LineView> lines) {

    public OrderView {
        lines = List.copyOf(lines);
    }

    /** Every line is cancelled. */
    public boolean cancelled() {
        return Stages.CANCELLED.equals(state);
    }

    /** Every active line is finished (invoiced, completed). */
    public boolean done() {
        return Stages.DONE.equals(state);
    }

    /**
     * "3 of 5 items ready", "1 item ready", with ", 1 cancelled" where lines are; null when no active line is ready
     * and none is cancelled.
     */
    public String itemsReadyText() {
        String ready = null;
        if (itemsReady > 0) {
            ready = itemsReady == itemsActive && itemsActive == 1 ? "1 item ready"
                    : itemsReady + " of " + itemsActive + " " + (itemsActive == 1 ? "item" : "items") + " ready";
        }
        if (itemsCancelled == 0) {
            return ready;
        }
        String cancelled = itemsCancelled + " cancelled";
        return ready == null ? cancelled : ready + ", " + cancelled;
    }

    /** "1 business day late", "5 business days late"; null when not overdue. */
    public String lateText() {
        if (!overdue) {
            return null;
        }
        return businessDaysLate + (businessDaysLate == 1 ? " business day late" : " business days late");
    }
}
