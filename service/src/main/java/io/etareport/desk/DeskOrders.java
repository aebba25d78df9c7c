package io.etareport.desk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.etareport.report.InstanceSource;
import io.etareport.report.OrderModel;
import io.etareport.report.OrderView;
import io.etareport.report.Report;

/**
 * What one customer's stored report puts on the desk on one day: its counts and the orders that need a person,
 * newest problem first. Depends only on the report and its order model (never on the customer's name or link), so
 * it can be kept for as long as the report is the customer's newest and the day and stages stay the same.
 *
 * @param openOrders orders not done or cancelled
 * @param rows       the orders that need a person, newest problem first
 * @param dataFrom   the oldest supplier data in the report (a stored copy may be older than the report)
 * @param newest     the day the newest of those problems started; null when there is none
 */
record DeskOrders(int openOrders, long overdue, long moved, long ready, long onHold, List<DeskRow> rows,
                  Instant dataFrom, LocalDate newest) {

    private static final Comparator<DeskRow> NEWEST_PROBLEM_FIRST = Comparator
            .comparing(DeskRow::since, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(DeskRow::refNo, Comparator.nullsLast(Comparator.naturalOrder()));

    static DeskOrders of(long customerId, Report report, OrderModel model) {
        List<DeskRow> rows = new ArrayList<>();
        int open = 0;
        for (OrderView view : model.orders()) {
            if (!view.done() && !view.cancelled()) {
                open++;
            }
            Set<DeskState> states = EnumSet.noneOf(DeskState.class);
            if (view.overdue()) {
                states.add(DeskState.OVERDUE);
            }
            if (view.movedRecently()) {
                states.add(DeskState.MOVED);
            }
            if (view.ready()) {
                states.add(DeskState.READY);
            }
            if (view.onHold()) {
                states.add(DeskState.ON_HOLD);
            }
            if (!states.isEmpty()) {
                rows.add(DeskRow.of(customerId, view, Set.copyOf(states), since(view)));
            }
        }
        rows.sort(NEWEST_PROBLEM_FIRST);
        Instant dataFrom = report.sources().stream().map(InstanceSource::refreshedAt).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(report.builtAt());
        LocalDate newest = rows.isEmpty() ? null : rows.stream().map(DeskRow::since).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(LocalDate.MIN);
        return new DeskOrders(open, model.overdueCount(), model.movedCount(), model.readyCount(),
                model.onHoldCount(), List.copyOf(rows), dataFrom, newest);
    }

    /** The day the order's newest problem started. */
    private static LocalDate since(OrderView view) {
        LocalDate since = null;
        LocalDate expected = view.order().expected();
        if (view.movedRecently() && view.order().dateChange() != null) {
            since = later(since, view.order().dateChange().seenOn());
        }
        if (view.overdue() && expected != null) {
            since = later(since, expected.plusDays(1));
        }
        if ((view.ready() || view.onHold()) && expected != null) {
            since = later(since, expected);
        }
        return since;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
