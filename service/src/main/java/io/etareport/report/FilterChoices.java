package io.etareport.report;

import java.util.List;

/**
 * The values a customer can filter a report by, each sorted; statuses and groups are trimmed and title-cased
 * (see {@link ReportBuilder}), suppliers are instance names ({@code DD}, {@code CBR}).
 */
public record FilterChoices(List<String> statuses, List<String> groups, List<String> suppliers) {

    public FilterChoices {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
        groups = groups == null ? List.of() : List.copyOf(groups);
        suppliers = suppliers == null ? List.of() : List.copyOf(suppliers);
    }

    public static FilterChoices none() {
        return new FilterChoices(List.of(), List.of(), List.of());
    }

    // A filter with one choice or none would filter nothing: the page hides it.

    public boolean showStatuses() {
        return statuses.size() > 1;
    }

    public boolean showGroups() {
        return groups.size() > 1;
    }

    public boolean showSuppliers() {
        return suppliers.size() > 1;
    }
}
