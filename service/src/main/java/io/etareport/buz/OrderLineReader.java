package io.etareport.buz;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns {@code JobsScheduleDetailed} rows into {@link OrderLine}s: only the columns the {@link ColumnPolicy}
 * allows kept, values as text, and every line dated with its order's latest scheduled date.
 */
final class OrderLineReader {

    static final String REF_NO = "RefNo";
    static final String DESCN = "Descn";
    static final String DATE_SCHEDULED = "DateScheduled";
    static final String PRODUCTION_LINE = "ProductionLine";
    static final String INVENTORY_ITEM = "InventoryItem";
    static final String PRODUCTION_STATUS = "ProductionStatus";
    static final String FIXED_LINE = "FixedLine";

    private static final Set<String> OWN_FIELDS = Set.of(REF_NO, DESCN, DATE_SCHEDULED, PRODUCTION_LINE,
            INVENTORY_ITEM, PRODUCTION_STATUS, FIXED_LINE);

    private OrderLineReader() {
    }

    /** The rows of one instance; an order's lines may be spread over the list (several batches, pages). */
    static List<OrderLine> read(Instance instance, List<Map<String, Object>> rows, ColumnPolicy policy) {
        ScheduledDates dates = new ScheduledDates();
        for (Map<String, Object> row : rows) {
            dates.add(orderKey(row), row.get(DATE_SCHEDULED));
        }
        List<OrderLine> lines = new ArrayList<>(rows.size());
        // Every row repeats the same few dozen column names: decide once per name.
        Map<String, Boolean> isOther = new HashMap<>();
        for (Map<String, Object> row : rows) {
            Map<String, String> others = new LinkedHashMap<>();
            for (Map.Entry<String, Object> column : row.entrySet()) {
                if (isOther.computeIfAbsent(column.getKey(), name -> isOtherColumn(name, policy))) {
                    others.put(column.getKey(), text(column.getValue()));
                }
            }
            lines.add(new OrderLine(instance, text(row.get(REF_NO)), text(row.get(DESCN)), dates.dateOf(orderKey(row)),
                    text(row.get(PRODUCTION_LINE)), text(row.get(INVENTORY_ITEM)), text(row.get(PRODUCTION_STATUS)),
                    text(row.get(FIXED_LINE)), others));
        }
        return lines;
    }

    private static boolean isOtherColumn(String name, ColumnPolicy policy) {
        return !OWN_FIELDS.contains(name) && policy.allows(name);
    }

    private static String orderKey(Map<String, Object> row) {
        String refNo = text(row.get(REF_NO));
        return refNo == null ? "" : refNo;
    }

    /** A value as text: strings trimmed, whole numbers without a decimal part ({@code 3.0} is {@code 3}). */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String string) {
            return string.trim();
        }
        if (value instanceof BigDecimal decimal) {
            BigDecimal stripped = decimal.stripTrailingZeros();
            return stripped.scale() <= 0 ? stripped.toBigInteger().toString() : stripped.toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            return text(new BigDecimal(value.toString()));
        }
        return value.toString();
    }
}
