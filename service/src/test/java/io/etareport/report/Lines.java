package io.etareport.report;

import io.etareport.buz.Instance;
import io.etareport.buz.OrderLine;

import java.time.LocalDate;
import java.util.Map;

/** Order lines for tests: only what a test cares about is named, the rest is filled in. */
final class Lines {

    private Lines() {
    }

    static OrderLine line(Instance instance, String refNo, String fixedLine, String status) {
        return new OrderLine(instance, refNo, "Ref " + refNo, LocalDate.of(2025, 1, 5), "Roller Blinds",
                "Blockout", status, fixedLine, Map.of());
    }

    static OrderLine dated(Instance instance, String refNo, LocalDate date) {
        return new OrderLine(instance, refNo, "Ref " + refNo, date, "Roller Blinds", "Blockout", "In Production",
                "1", Map.of());
    }

    static OrderLine grouped(Instance instance, String refNo, String fixedLine, String group, String status) {
        return new OrderLine(instance, refNo, "Ref " + refNo, LocalDate.of(2025, 1, 5), group, "Blockout", status,
                fixedLine, Map.of());
    }
}
