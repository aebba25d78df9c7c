package io.etareport.report;

import io.etareport.statuses.Spelling;
import io.etareport.buz.OrderLine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a customer narrowed their report to, from the page's query string or a download link. The page and the
 * downloads both call {@link #apply}, so a filtered download holds exactly the lines the filtered page shows.
 *
 * @param statuses  production statuses to keep; compared trimmed and ignoring case; empty keeps all
 * @param groups    product groups to keep, likewise
 * @param suppliers instances to keep ({@code DD}, {@code CBR}), ignoring case
 * @param search    text an order's number or reference must contain, ignoring case; empty keeps all
 * @param changed   keep only orders whose expected date moved recently (those with a {@link DateChange})
 */
public record ReportFilter(Set<String> statuses, Set<String> groups, Set<String> suppliers, String search,
                           boolean changed) {

    public static final String STATUS = "status";
    public static final String GROUP = "group";
    public static final String SUPPLIER = "supplier";
    public static final String SEARCH = "q";
    public static final String CHANGED = "changed";

    public ReportFilter {
        statuses = tidySet(statuses);
        groups = tidySet(groups);
        suppliers = tidySet(suppliers);
        search = Spelling.tidy(search);
    }

    public ReportFilter(Set<String> statuses, Set<String> groups, Set<String> suppliers, String search) {
        this(statuses, groups, suppliers, search, false);
    }

    public static ReportFilter none() {
        return new ReportFilter(Set.of(), Set.of(), Set.of(), "");
    }

    /**
     * Reads {@code status}, {@code group}, {@code supplier} (or the original's {@code statusFilter},
     * {@code groupFilter}, {@code supplierFilter}: when both names of one filter are given, the new name wins, as
     * in the original) and {@code q}. Each may repeat and may hold several values separated by commas; since a
     * status name may itself contain a comma, such a value is kept whole as well as split. Blank values filter
     * nothing.
     */
    public static ReportFilter of(Map<String, List<String>> queryParams) {
        return new ReportFilter(
                values(queryParams, STATUS, "statusFilter"),
                values(queryParams, GROUP, "groupFilter"),
                values(queryParams, SUPPLIER, "supplierFilter"),
                first(queryParams, SEARCH),
                !first(queryParams, CHANGED).isBlank());
    }

    /** Whether this filter keeps everything. */
    public boolean isEmpty() {
        return statuses.isEmpty() && groups.isEmpty() && suppliers.isEmpty() && search.isEmpty() && !changed;
    }

    /**
     * The orders with only the lines this filter keeps; orders left with no line, of another supplier, or not
     * matching the search are left out. Order stays as given.
     */
    public List<Order> apply(List<Order> orders) {
        if (isEmpty()) {
            return orders;
        }
        Set<String> statusKeys = keys(statuses);
        Set<String> groupKeys = keys(groups);
        Set<String> supplierKeys = keys(suppliers);
        String searchKey = Spelling.key(search);
        List<Order> kept = new ArrayList<>();
        for (Order order : orders) {
            if (!supplierKeys.isEmpty() && !supplierKeys.contains(Spelling.key(order.instance().name()))) {
                continue;
            }
            if (!searchKey.isEmpty() && !matchesSearch(order, searchKey)) {
                continue;
            }
            if (changed && order.dateChange() == null) {
                continue;
            }
            if (statusKeys.isEmpty() && groupKeys.isEmpty()) {
                kept.add(order);
                continue;
            }
            List<OrderLine> lines = new ArrayList<>();
            for (OrderLine line : order.lines()) {
                if (matches(statusKeys, line.productionStatus()) && matches(groupKeys, line.productionLine())) {
                    lines.add(line);
                }
            }
            if (lines.size() == order.lines().size()) {
                kept.add(order);
            } else if (!lines.isEmpty()) {
                kept.add(order.withLines(lines));
            }
        }
        return kept;
    }

    /** The query parameters that give this filter back, under the canonical names, for links. */
    public Map<String, List<String>> toQuery() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (!statuses.isEmpty()) {
            query.put(STATUS, List.copyOf(statuses));
        }
        if (!groups.isEmpty()) {
            query.put(GROUP, List.copyOf(groups));
        }
        if (!suppliers.isEmpty()) {
            query.put(SUPPLIER, List.copyOf(suppliers));
        }
        if (!search.isEmpty()) {
            query.put(SEARCH, List.of(search));
        }
        if (changed) {
            query.put(CHANGED, List.of("1"));
        }
        return query;
    }

    private static boolean matches(Set<String> keys, String value) {
        return keys.isEmpty() || keys.contains(Spelling.key(value));
    }

    private static boolean matchesSearch(Order order, String searchKey) {
        return Spelling.key(order.refNo()).contains(searchKey) || Spelling.key(order.descn()).contains(searchKey);
    }

    private static Set<String> values(Map<String, List<String>> params, String name, String alias) {
        Set<String> values = valuesOf(params, name);
        return values.isEmpty() ? valuesOf(params, alias) : values;
    }

    private static Set<String> valuesOf(Map<String, List<String>> params, String key) {
        Set<String> values = new LinkedHashSet<>();
        for (String value : listOf(params, key)) {
            if (value == null || value.isBlank()) {
                continue;
            }
            if (value.indexOf(',') < 0) {
                values.add(value);
                continue;
            }
            List<String> parts = Arrays.stream(value.split(",")).filter(part -> !part.isBlank()).toList();
            if (!parts.isEmpty()) {
                values.add(value);
                values.addAll(parts);
            }
        }
        return values;
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = listOf(params, name);
        return values.isEmpty() ? "" : values.get(0);
    }

    private static List<String> listOf(Map<String, List<String>> params, String name) {
        List<String> values = params == null ? null : params.get(name);
        return values == null ? List.of() : values;
    }

    private static Set<String> tidySet(Set<String> values) {
        Set<String> tidy = new LinkedHashSet<>();
        if (values != null) {
            for (String value : values) {
                String cleaned = Spelling.tidy(value);
                if (!cleaned.isEmpty()) {
                    tidy.add(cleaned);
                }
            }
        }
        return Collections.unmodifiableSet(tidy);
    }

    private static Set<String> keys(Set<String> values) {
        Set<String> keys = new HashSet<>();
        for (String value : values) {
            keys.add(Spelling.key(value));
        }
        return keys;
    }

    /**
     * The form a status, group or supplier is compared in, by this filter and by anything that must agree with it
     * (the page marking a choice selected): trimmed, inner whitespace as one space, lower case.
     */
    public static String key(String label) {
        return Spelling.key(label);
    }
}
