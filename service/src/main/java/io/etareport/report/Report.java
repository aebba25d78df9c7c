package io.etareport.report;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.etareport.buz.OrderLine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One customer's open orders, as shown on the page and downloaded. Stored as JSON with its job, so it holds only
 * data: everything else is derived.
 *
 * @param orders  sorted by expected date, undated first
 * @param sources one per instance fetched, saying whether its data is live or a stored copy
 */
public record Report(String customerName, List<Order> orders, FilterChoices choices, List<InstanceSource> sources,
                     Instant builtAt) {

    public Report {
        orders = orders == null ? List.of() : List.copyOf(orders);
        choices = choices == null ? FilterChoices.none() : choices;
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /** Whether any instance's data is a stored copy, so the page shows a notice. */
    public boolean fromCache() {
        return sources.stream().anyMatch(InstanceSource::fromCache);
    }

    public int lineCount() {
        int count = 0;
        for (Order order : orders) {
            count += order.lines().size();
        }
        return count;
    }

    /**
     * This report with only the line columns {@code allowed} lets through: a column held back after the report
     * was stored must not be served from it. The same report when nothing goes.
     */
    public Report keepingColumns(Predicate<String> allowed) {
        boolean changed = false;
        List<Order> kept = new ArrayList<>(orders.size());
        for (Order order : orders) {
            List<OrderLine> lines = new ArrayList<>(order.lines().size());
            boolean orderChanged = false;
            for (OrderLine line : order.lines()) {
                OrderLine keptLine = line;
                for (String column : line.otherColumns().keySet()) {
                    if (!allowed.test(column)) {
                        Map<String, String> columns = new LinkedHashMap<>(line.otherColumns());
                        columns.keySet().removeIf(name -> !allowed.test(name));
                        keptLine = line.withOtherColumns(columns);
                        orderChanged = true;
                        break;
                    }
                }
                lines.add(keptLine);
            }
            kept.add(orderChanged ? order.withLines(lines) : order);
            changed |= orderChanged;
        }
        return changed ? new Report(customerName, kept, choices, sources, builtAt) : this;
    }

    /** This report with each order's last date move, as {@code changes} knows it (null: none). */
    public Report withDateChanges(java.util.function.Function<Order, DateChange> changes) {
        List<Order> changed = new ArrayList<>(orders.size());
        for (Order order : orders) {
            DateChange change = changes.apply(order);
            changed.add(java.util.Objects.equals(change, order.dateChange()) ? order : order.withDateChange(change));
        }
        return new Report(customerName, changed, choices, sources, builtAt);
    }

    @JsonIgnore
    public boolean isEmpty() {
        return orders.isEmpty();
    }
}
