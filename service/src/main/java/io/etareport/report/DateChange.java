package io.etareport.report;

import java.time.LocalDate;

/**
 * A move of an order's expected date, as the service saw it between two reports built from live data.
 *
 * @param previous the date before the move (null: the order had no date)
 * @param seenOn   the day (in the report's zone) the new date was first seen
 */
public record DateChange(LocalDate previous, LocalDate seenOn) {
}
