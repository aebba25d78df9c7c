package io.etareport.desk;

import java.time.LocalDate;
import java.util.Set;

import io.etareport.buz.Instance;
import io.etareport.report.OrderView;

/**
 * One order on the desk: whose, the order model's view of it, and why it is here. No customer name: rows are kept
 * with their stored report, and a customer renamed since must show under the new name.
 *
 * @param since the day its newest problem started (a move seen, the day after it was due, the day it is due), for
 *              "newest problem first"
 */
record DeskRow(long customerId, OrderView view, Set<DeskState> states, LocalDate since) {

    public Instance instance() {
        return view.order().instance();
    }

    public String refNo() {
        return view.order().refNo();
    }

    public String reference() {
        return view.order().descn();
    }

    public LocalDate expected() {
        return view.order().expected();
    }

    /** The expected date before its recent move, when it moved recently. */
    public LocalDate movedFrom() {
        return view.movedRecently() && view.order().dateChange() != null ? view.order().dateChange().previous() : null;
    }

    public boolean has(DeskState state) {
        return states.contains(state);
    }
}
