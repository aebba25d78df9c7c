package io.etareport.report;

import io.etareport.buz.Instance;
import io.etareport.buz.OrderLine;

import java.time.LocalDate;
import java.util.List;

/**
 * One open order at one factory: the same order number at DD and CBR is two orders.
 *
 * @param descn      the customer's own reference (usually a location), from the order's first line that has one
 * @param expected   the order's latest scheduled date, or null when no line has one
 * @param lines      the order's lines, sorted by line number
 * @param finished   every line with a status has a finished one (only shown when finished orders are kept)
 * @param ready      every line with a status is ready (or finished), and at least one is ready
 * @param dateChange the last move of its expected date we saw, or null when we saw none
 * @param stage      the stage of its least advanced line that has one (staff give statuses stages), or null
 * @param readyLines how many of its lines are ready or finished ("5 of 7 items ready")
 */
public record Order(Instance instance, String refNo, String descn, LocalDate expected, List<OrderLine> lines,
                    boolean finished, boolean ready, DateChange dateChange, String stage, int readyLines) {

    public Order {
        lines = List.copyOf(lines);
    }

    public Order(Instance instance, String refNo, String descn, LocalDate expected, List<OrderLine> lines) {
        this(instance, refNo, descn, expected, lines, false, false, null, null, 0);
    }

    /** The same order with other lines (a filter's or a column policy's result). */
    public Order withLines(List<OrderLine> otherLines) {
        return new Order(instance, refNo, descn, expected, otherLines, finished, ready, dateChange, stage, readyLines);
    }

    /** The same order with its last date move. */
    public Order withDateChange(DateChange change) {
        return new Order(instance, refNo, descn, expected, lines, finished, ready, change, stage, readyLines);
    }

    /** Late: expected before {@code today} and not finished. */
    public boolean overdueOn(LocalDate today) {
        return expected != null && !finished && expected.isBefore(today);
    }
}
