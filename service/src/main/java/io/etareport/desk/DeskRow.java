package io.etareport.desk;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;

import io.etareport.buz.Instance;
import io.etareport.report.OrderView;

/**
 * One order on the desk: whose, the order model's view of it, why it is here, and its words as the page shows them.
 * No customer name: rows are kept with their stored report, and a customer renamed since must show under the new
 * name. The words are worked out once, when the row is made (it is kept for one day's desk): the desk shows
 * thousands of rows, and each expression a template evaluates per row costs more than the words themselves.
 *
 * @param since          the day its newest problem started (a move seen, the day after it was due, the day it is
 *                       due), for "newest problem first"
 * @param expectedDay    its expected day as staff read it ("Thu 16 Jan", "no date")
 * @param movedFromDay   the expected day before its recent move; null when it did not move recently
 * @param lookUpQuery    the query of its order look-up ({@code ?number=...}), for {@code /orders}
 * @param itemsReadyNote "(2 of 3 items ready)"; null when no item is ready or cancelled
 */
record DeskRow(long customerId, OrderView view, Set<DeskState> states, LocalDate since, String expectedDay,
               String movedFromDay, String lookUpQuery, String itemsReadyNote) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    static DeskRow of(long customerId, OrderView view, Set<DeskState> states, LocalDate since) {
        LocalDate movedFrom = view.movedRecently() && view.order().dateChange() != null
                ? view.order().dateChange().previous() : null;
        String itemsReady = view.itemsReadyText();
        return new DeskRow(customerId, view, states, since, day(view.order().expected()),
                movedFrom == null ? null : day(movedFrom),
                "?number=" + URLEncoder.encode(view.order().refNo() == null ? "" : view.order().refNo(),
                        StandardCharsets.UTF_8),
                itemsReady == null ? null : "(" + itemsReady + ")");
    }

    /** A day as staff read it: "Thu 16 Jan"; "no date" for none. */
    static String day(LocalDate day) {
        return day == null ? "no date" : DAY.format(day);
    }

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
