package io.etareport.report;

import io.etareport.buz.Instance;
import io.etareport.buz.OrderLine;

import java.time.LocalDate;
import java.util.List;

/**
 * One open order at one factory: the same order number at DD and CBR is two orders.
 *
 * @param descn    the customer's own reference (usually a location), from the order's first line that has one
 * @param expected the order's latest scheduled date, or null when no line has one
 * @param lines    the order's lines, sorted by line number
 */
public record Order(Instance instance, String refNo, String descn, LocalDate expected, List<OrderLine> lines) {

    public Order {
        lines = List.copyOf(lines);
    }
}
