package io.etareport.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.etareport.buz.Instance;
import io.etareport.buz.OrderLine;

import org.junit.jupiter.api.Test;

/** A stored report served after a column was held back: the column goes, nothing else changes. */
class ReportKeepingColumnsTest {

    private static OrderLine line(String fixedLine, String... namesAndValues) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            columns.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return new OrderLine(Instance.DD, "90080", "Office", LocalDate.of(2025, 1, 11), "Rollers", "Blockout",
                "Cutting", fixedLine, columns);
    }

    private static Report report(OrderLine... lines) {
        return new Report("Ledger Lane Blinds", List.of(new Order(Instance.DD, "90080", "Office",
                LocalDate.of(2025, 1, 11), List.of(lines))), FilterChoices.none(), List.of(),
                Instant.parse("2026-03-04T01:00:00Z"));
    }

    @Test
    void aRefusedColumnLeavesEveryLineAndEverythingElseStays() {
        Report stored = report(line("1", "Width", "900", "LineValue", "187.25"), line("2", "Width", "1200"));

        Report served = stored.keepingColumns(name -> !name.equals("LineValue"));

        assertThat(served.orders().get(0).lines()).extracting(OrderLine::otherColumns)
                .containsExactly(Map.of("Width", "900"), Map.of("Width", "1200"));
        assertThat(served.orders().get(0).lines()).extracting(OrderLine::fixedLine).containsExactly("1", "2");
        assertThat(served.customerName()).isEqualTo(stored.customerName());
        assertThat(served.builtAt()).isEqualTo(stored.builtAt());
    }

    @Test
    void aReportWithNothingToRemoveIsServedAsItIs() {
        Report stored = report(line("1", "Width", "900"));

        assertThat(stored.keepingColumns(name -> true)).isSameAs(stored);
    }
}
