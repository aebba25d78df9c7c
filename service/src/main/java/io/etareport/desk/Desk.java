package io.etareport.desk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.etareport.report.InstanceSource;
import io.etareport.report.OrderModel;
import io.etareport.report.OrderView;
import io.etareport.report.Report;

/**
 * The desk on one day, from each customer's newest stored report and its order model. Pure: every order fact comes
 * from the {@link OrderModel}; this only picks the orders that need a person, groups them by customer and puts the
 * newest problem first.
 *
 * @param customers every customer: those with problems first (newest problem first), then the rest by name
 */
record Desk(List<DeskCustomer> customers) {

    /** One customer's inputs: their newest stored report (null when there is none yet) and its model. */
    record Source(long id, String name, boolean paused, Instant storedAt, Report report, OrderModel model,
                  Instant lastOpened, int opens30, String link, String mailto) {
    }

    static Desk of(List<Source> sources) {
        List<DeskCustomer> customers = new ArrayList<>(sources.size());
        for (Source source : sources) {
            customers.add(customer(source));
        }
        customers.sort(Comparator.comparing((DeskCustomer customer) -> newest(customer.rows()),
                        Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(DeskCustomer::name, String.CASE_INSENSITIVE_ORDER)
                .thenComparingLong(DeskCustomer::id));
        return new Desk(List.copyOf(customers));
    }

    /** The rows left by a filter, still grouped by customer, newest problem first. */
    List<DeskRow> rows(DeskFilter filter) {
        List<DeskRow> rows = new ArrayList<>();
        for (DeskCustomer customer : customers) {
            for (DeskRow row : customer.rows()) {
                if (filter.keeps(row)) {
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    /** The filter's rows by customer, in the desk's order; customers with none are left out. */
    List<DeskCustomer> grouped(DeskFilter filter) {
        if (filter.isEmpty()) {
            return customers.stream().filter(customer -> !customer.rows().isEmpty()).toList();
        }
        List<DeskCustomer> grouped = new ArrayList<>();
        for (DeskCustomer customer : customers) {
            List<DeskRow> kept = customer.rows().stream().filter(filter::keeps).toList();
            if (!kept.isEmpty()) {
                grouped.add(new DeskCustomer(customer.id(), customer.name(), customer.paused(), customer.storedAt(),
                        customer.dataFrom(), customer.openOrders(), customer.overdue(), customer.moved(),
                        customer.ready(), customer.onHold(), kept, customer.lastOpened(), customer.opens30(),
                        customer.link(), customer.mailto()));
            }
        }
        return grouped;
    }

    List<DeskCustomer> withoutReport() {
        return customers.stream().filter(customer -> !customer.hasReport()).toList();
    }

    private static DeskCustomer customer(Source source) {
        if (source.report() == null) {
            return new DeskCustomer(source.id(), source.name(), source.paused(), null, null, 0, 0, 0, 0, 0, List.of(),
                    source.lastOpened(), source.opens30(), source.link(), source.mailto());
        }
        OrderModel model = source.model();
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
                rows.add(new DeskRow(source.id(), source.name(), view, Set.copyOf(states), since(view)));
            }
        }
        rows.sort(Comparator.comparing(DeskRow::since, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(DeskRow::refNo, Comparator.nullsLast(Comparator.naturalOrder())));
        Instant dataFrom = source.report().sources().stream().map(InstanceSource::refreshedAt)
                .filter(at -> at != null).min(Comparator.naturalOrder()).orElse(source.report().builtAt());
        return new DeskCustomer(source.id(), source.name(), source.paused(), source.storedAt(), dataFrom, open,
                model.overdueCount(), model.movedCount(), model.readyCount(), model.onHoldCount(), List.copyOf(rows),
                source.lastOpened(), source.opens30(), source.link(), source.mailto());
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

    private static LocalDate newest(List<DeskRow> rows) {
        return rows.isEmpty() ? null : rows.stream().map(DeskRow::since).filter(day -> day != null)
                .max(Comparator.naturalOrder()).orElse(LocalDate.MIN);
    }
}
