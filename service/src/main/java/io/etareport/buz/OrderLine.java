package io.etareport.buz;

import java.time.LocalDate;
import java.util.Map;

/**
 * One line of an open order as it enters the service from {@code JobsScheduleDetailed}: tagged
 * with its instance, only allowed columns kept (see {@link ColumnPolicy}), and dated with its order's latest
 * scheduled date.
 *
 * @param dateScheduled the order's latest {@code DateScheduled} as a calendar date, or null when
 *                      no line of the order has a parseable one
 * @param otherColumns  every other upstream column that is allowed, in upstream order, as
 *                      text (null values as null)
 */
public record OrderLine(
        Instance instance,
        String refNo,
        String descn,
        LocalDate dateScheduled,
        String productionLine,
        String inventoryItem,
        String productionStatus,
        String fixedLine,
        Map<String, String> otherColumns) {

    public OrderLine {
        otherColumns = otherColumns == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(otherColumns));
    }

    /** The same line with other columns replaced (a column held back since it was stored). */
    public OrderLine withOtherColumns(Map<String, String> columns) {
        return new OrderLine(instance, refNo, descn, dateScheduled, productionLine, inventoryItem, productionStatus,
                fixedLine, columns);
    }

    public OrderLine withProductionStatus(String status) {
        return new OrderLine(instance, refNo, descn, dateScheduled, productionLine, inventoryItem, status, fixedLine,
                otherColumns);
    }
}
