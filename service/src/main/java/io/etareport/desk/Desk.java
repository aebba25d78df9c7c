package io.etareport.desk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The desk on one day, from each customer's newest stored report and its order model. Pure: every order fact comes
 * from the order model (through {@link DeskOrders}); this only groups the orders that need a person by customer, puts
 * the newest problem first, and decides how many of each customer's rows a page shows.
 *
 * @param customers every customer: those with problems first (newest problem first), then the rest by name
 */
record Desk(List<DeskCustomer> customers) {

    /** Shows every row: one customer's desk, and the CSV. */
    static final int ALL = Integer.MAX_VALUE;

    /**
     * One customer's inputs.
     *
     * @param storedAt when their newest stored report was built; null when there is none yet
     * @param orders   what that report puts on the desk; null when there is none yet
     */
    record Source(long id, String name, boolean paused, Instant storedAt, DeskOrders orders, Instant lastOpened,
                  int opens30, String link, String mailto) {
    }

    static Desk of(List<Source> sources) {
        List<DeskCustomer> customers = new ArrayList<>(sources.size());
        for (Source source : sources) {
            customers.add(customer(source));
        }
        customers.sort(Comparator.comparing(DeskCustomer::newest, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(DeskCustomer::name, String.CASE_INSENSITIVE_ORDER)
                .thenComparingLong(DeskCustomer::id));
        return new Desk(List.copyOf(customers));
    }

    /**
     * The filter's rows by customer, in the desk's order; customers with none are left out. Across customers each
     * shows at most {@code perCustomer} of its rows (nobody reads thousands); a filter naming one customer shows all
     * of theirs, so every row is one "Show all" away.
     */
    List<DeskGroup> grouped(DeskFilter filter, int perCustomer) {
        int cap = filter.customer() != null ? ALL : perCustomer;
        List<DeskGroup> grouped = new ArrayList<>();
        for (DeskCustomer customer : customers) {
            List<DeskRow> shown = new ArrayList<>(Math.min(cap, customer.rows().size()));
            int matching = 0;
            for (DeskRow row : customer.rows()) {
                if (filter.keeps(row)) {
                    matching++;
                    if (shown.size() < cap) {
                        shown.add(row);
                    }
                }
            }
            if (matching > 0) {
                grouped.add(new DeskGroup(customer, shown, matching));
            }
        }
        return grouped;
    }

    /** Every row the filter keeps, by customer: the CSV. */
    List<DeskGroup> grouped(DeskFilter filter) {
        return grouped(filter, ALL);
    }

    List<DeskCustomer> withoutReport() {
        return customers.stream().filter(customer -> !customer.hasReport()).toList();
    }

    private static DeskCustomer customer(Source source) {
        DeskOrders orders = source.orders();
        if (orders == null) {
            return new DeskCustomer(source.id(), source.name(), source.paused(), null, null, 0, 0, 0, 0, 0, List.of(),
                    null, source.lastOpened(), source.opens30(), source.link(), source.mailto());
        }
        return new DeskCustomer(source.id(), source.name(), source.paused(), source.storedAt(), orders.dataFrom(),
                orders.openOrders(), orders.overdue(), orders.moved(), orders.ready(), orders.onHold(), orders.rows(),
                orders.newest(), source.lastOpened(), source.opens30(), source.link(), source.mailto());
    }
}
