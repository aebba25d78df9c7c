package io.etareport.simulator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Expected dates moved while the simulator runs, as a factory reschedules an order: every line of the order
 * then carries the new {@code DateScheduled}. The generated data set stays as it is; moves are laid over it when
 * rows are served, and {@link BuzSimulator#reset()} takes them back.
 */
final class DateMoves {

    private final Map<String, String> moved = new ConcurrentHashMap<>();

    void move(String code, String refNo, LocalDate date) {
        moved.put(key(code, refNo), date + "T00:00:00Z");
    }

    void clear() {
        moved.clear();
    }

    /** The rows with moved dates applied; the same list when nothing moved. */
    List<Object[]> apply(String code, BuzSchema.EntitySchema schema, List<Object[]> rows) {
        Integer refNo = schema.index().get("RefNo");
        Integer date = schema.index().get("DateScheduled");
        if (moved.isEmpty() || refNo == null || date == null) {
            return rows;
        }
        List<Object[]> out = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            String to = row[refNo] == null ? null : moved.get(key(code, row[refNo].toString()));
            if (to == null) {
                out.add(row);
            } else {
                Object[] copy = row.clone();
                copy[date] = to;
                out.add(copy);
            }
        }
        return out;
    }

    private static String key(String code, String refNo) {
        return code + "\u0000" + refNo;
    }
}
