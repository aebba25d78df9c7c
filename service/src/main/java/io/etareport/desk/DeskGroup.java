package io.etareport.desk;

import java.util.List;

/**
 * One customer's part of the desk as shown: the rows a filter kept, perhaps only the first few of them.
 *
 * @param shown    the rows on the page, newest problem first
 * @param matching how many of the customer's rows the filter kept (all of them reachable through
 *                 {@code /desk?customer=<id>} with the same filter)
 */
record DeskGroup(DeskCustomer customer, List<DeskRow> shown, int matching) {

    /** Rows kept by the filter but not on the page. */
    public int hidden() {
        return matching - shown.size();
    }
}
