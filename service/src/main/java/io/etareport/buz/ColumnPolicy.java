package io.etareport.buz;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which upstream columns may reach anyone outside BuzManager: an allowlist. A column passes when the service
 * itself needs it, or when it is approved (by default in {@code application.yml}, or by an admin on
 * {@code /columns}) and does not look sensitive. Everything else is dropped, whatever its name: a list of bad
 * names can never know tomorrow's column.
 * <p>
 * Immutable; the registry hands out a new one whenever a decision changes.
 */
public final class ColumnPolicy implements Predicate<String> {

    /** What the service reads itself: the report, its filters, and the customer-group queries. */
    public static final Set<String> REQUIRED = Set.of(OrderLineReader.REF_NO, OrderLineReader.DATE_SCHEDULED,
            OrderLineReader.PRODUCTION_STATUS, OrderLineReader.PRODUCTION_LINE, OrderLineReader.INVENTORY_ITEM,
            OrderLineReader.DESCN, OrderLineReader.FIXED_LINE, "OrderStatus", "Customer", "CustomerGroup",
            "Order_Status");

    private final Set<String> approved;
    private final Map<String, ColumnKind> kinds;

    private ColumnPolicy(Set<String> approved, Map<String, ColumnKind> kinds) {
        this.approved = Set.copyOf(approved);
        this.kinds = Map.copyOf(kinds);
    }

    /**
     * @param approvedByDefault the names approved unless an admin held them back
     * @param decisions         an admin's decision per name: true approved, false held back
     * @param kinds             what each column's values looked like when last seen
     */
    public static ColumnPolicy of(Collection<String> approvedByDefault, Map<String, Boolean> decisions,
                                  Map<String, ColumnKind> kinds) {
        Set<String> approved = new HashSet<>(approvedByDefault);
        decisions.forEach((name, approve) -> {
            if (approve) {
                approved.add(name);
            } else {
                approved.remove(name);
            }
        });
        // The second guard: a name that looks like a cost or an internal id is never let through.
        approved.removeIf(SensitiveColumns::isSensitive);
        return new ColumnPolicy(approved, kinds);
    }

    /** Only the required columns and these approved ones; every column text. */
    public static ColumnPolicy approving(Collection<String> approved) {
        return of(approved, Map.of(), Map.of());
    }

    /** Whether a column may be kept, stored and shown. */
    public boolean allows(String name) {
        return name != null && (REQUIRED.contains(name) || approved.contains(name));
    }

    @Override
    public boolean test(String name) {
        return allows(name);
    }

    /** Whether a name could be approved at all: only names that do not look sensitive can. */
    public static boolean canApprove(String name) {
        return name != null && !name.isBlank() && !SensitiveColumns.isSensitive(name);
    }

    /** What a column's values look like; text when unknown. */
    public ColumnKind kindOf(String name) {
        return kinds.getOrDefault(name, ColumnKind.TEXT);
    }

    /** Only the allowed columns of a row (or a line's other columns), in their order; the same map when all stay. */
    public <V> Map<String, V> filter(Map<String, V> columns) {
        boolean all = true;
        for (String name : columns.keySet()) {
            if (!allows(name)) {
                all = false;
                break;
            }
        }
        if (all) {
            return columns;
        }
        Map<String, V> kept = new LinkedHashMap<>();
        columns.forEach((name, value) -> {
            if (allows(name)) {
                kept.put(name, value);
            }
        });
        return kept;
    }

    /** The approved (non-required) names, for tests and the staff page. */
    public List<String> approvedNames() {
        return approved.stream().sorted().toList();
    }
}
