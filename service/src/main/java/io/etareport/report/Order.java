package io.etareport.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.etareport.buz.Instance;
import io.etareport.buz.OrderLine;

import java.time.LocalDate;
import java.util.List;

/**
 * One open order at one factory: the same order number at DD and CBR is two orders. Data only: what it means to
 * its customer (state, readiness, lateness) is the {@link OrderModel}'s.
 *
 * @param descn      the customer's own reference (usually a location), from the order's first line that has one
 * @param expected   the order's latest scheduled date, or null when no line has one
 * @param lines      the order's lines, sorted by line number, each status as customers read it
 * @param dateChange the last move of its expected date we saw, or null when we saw none
 */
// Reports stored before the order model held finished, ready, stage and readyLines: read them without.
@JsonIgnoreProperties(ignoreUnknown = true)
public record Order(Instance instance, String refNo, String descn, LocalDate expected, List<OrderLine> lines,
                    DateChange dateChange) {

    public Order {
        lines = List.copyOf(lines);
    }

    public Order(Instance instance, String refNo, String descn, LocalDate expected, List<OrderLine> lines) {
        this(instance, refNo, descn, expected, lines, null);
    }

    /** The same order with other lines (a filter's or a column policy's result). */
    public Order withLines(List<OrderLine> otherLines) {
        return new Order(instance, refNo, descn, expected, otherLines, dateChange);
    }

    /** The same order with its last date move. */
    public Order withDateChange(DateChange change) {
        return new Order(instance, refNo, descn, expected, lines, change);
    }
}
