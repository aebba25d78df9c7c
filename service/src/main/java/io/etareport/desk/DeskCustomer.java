package io.etareport.desk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One customer on the desk and in the customers list.
 *
 * @param storedAt   when their newest stored report was built (the age of the data); null when there is none yet
 * @param dataFrom   the oldest supplier data in it (a stored copy may be older than the report); null without one
 * @param openOrders orders in that report that are not done or cancelled
 * @param rows       their orders that need a person, newest problem first
 * @param newest     the day the newest of those problems started; null when there is none
 * @param lastOpened when they last opened their link themselves; null when never (within the keep period)
 * @param opens30    their opens in the last 30 days
 * @param link       their private link
 * @param mailto     "Email link": their link in a short mail, for the staff member's mail program
 */
record DeskCustomer(long id, String name, boolean paused, Instant storedAt, Instant dataFrom, int openOrders,
                    long overdue, long moved, long ready, long onHold, List<DeskRow> rows,
                    LocalDate newest, Instant lastOpened, int opens30, String link, String mailto) {

    public boolean hasReport() {
        return storedAt != null;
    }

    public boolean neverOpened() {
        return lastOpened == null;
    }
}
