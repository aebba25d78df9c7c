package io.etareport.report;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.List;

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

    @JsonIgnore
    public boolean isEmpty() {
        return orders.isEmpty();
    }
}
