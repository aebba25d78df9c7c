package io.etareport.export;

import io.etareport.buz.ColumnNames;
import io.etareport.buz.OrderLine;
import io.etareport.buz.SensitiveColumns;
import io.etareport.report.Order;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The columns of a download, in order: the fixed ones, then every other column the lines carry (in the order
 * first seen) that is safe to give a customer.
 * <p>
 * Sensitive columns are already dropped where rows enter the service; this is the second guard, so a column the
 * supplier adds tomorrow cannot leave through a download.
 */
final class ExportColumns {

    public static final List<String> FIXED = List.of("RefNo", "DateScheduled", "ProductionStatus", "ProductionLine",
            "InventoryItem", "Descn", "Instance", "FixedLine");

    static final int DATE_SCHEDULED = 1;

    private static final Set<String> FIXED_KEYS = new HashSet<>();

    static {
        FIXED.forEach(name -> FIXED_KEYS.add(ColumnNames.key(name)));
    }

    private final List<String> names;
    private final List<String> others;

    private ExportColumns(List<String> others) {
        this.others = List.copyOf(others);
        List<String> all = new ArrayList<>(FIXED);
        all.addAll(others);
        this.names = List.copyOf(all);
    }

    /**
     * Whether a column must never reach a customer. Rows already lost such columns where they
     * entered the service; this second guard uses the same policy, so the two cannot drift apart.
     */
    public static boolean isSensitive(String column) {
        return SensitiveColumns.isSensitive(column);
    }

    /** The columns for these orders' lines. */
    public static ExportColumns of(List<Order> orders) {
        Set<String> others = new LinkedHashSet<>();
        Set<String> seen = new HashSet<>();
        for (Order order : orders) {
            for (OrderLine line : order.lines()) {
                for (String column : line.otherColumns().keySet()) {
                    // One check per distinct name, not per row: a download can hold 100,000 rows.
                    if (seen.add(column) && !isSensitive(column) && !FIXED_KEYS.contains(ColumnNames.key(column))) {
                        others.add(column);
                    }
                }
            }
        }
        return new ExportColumns(new ArrayList<>(others));
    }

    public List<String> names() {
        return names;
    }

    int size() {
        return names.size();
    }

    /** A cell's value as text, before any guard; null when empty. The date column is left to each format. */
    String text(OrderLine line, int column) {
        return switch (column) {
            case 0 -> line.refNo();
            case DATE_SCHEDULED -> throw new IllegalArgumentException("DateScheduled is written by each format");
            case 2 -> line.productionStatus();
            case 3 -> line.productionLine();
            case 4 -> line.inventoryItem();
            case 5 -> line.descn();
            case 6 -> line.instance() == null ? null : line.instance().name();
            case 7 -> line.fixedLine();
            default -> line.otherColumns().get(others.get(column - FIXED.size()));
        };
    }
}
