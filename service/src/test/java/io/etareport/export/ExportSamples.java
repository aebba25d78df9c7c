package io.etareport.export;

import io.etareport.buz.OrderLine;
import io.etareport.report.Order;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.etareport.buz.Instance.CBR;
import static io.etareport.buz.Instance.DD;

/**
 * Orders for export tests: a plain one with extra columns (as they enter the service: only allowed ones, one named
 * like a fixed column), and one full of hostile text.
 */
final class ExportSamples {

    static final String HYPERLINK = "=HYPERLINK(\"http://x\",\"y\")";
    static final String SCRIPT = "<script>alert(1)</script>";

    static final OrderLine PLAIN_1 = new OrderLine(DD, "SO-1", "Kitchen", LocalDate.of(2025, 1, 5),
            "Roller Blinds", "Blockout", "Cutting", "1",
            columns("Width", "900", "Colour", "White"));
    static final OrderLine PLAIN_2 = new OrderLine(DD, "SO-1", "Kitchen", LocalDate.of(2025, 1, 5),
            "Roller Blinds", "Sunscreen", "Sewing", "2",
            columns("Colour", "Grey", "Drop", "1200", "refno", "shadow"));
    static final OrderLine HOSTILE = new OrderLine(CBR, HYPERLINK, "+1", null, "@SUM(A1)", "-2", SCRIPT,
            "\tline", columns("Width", "\r5", "Drop", null));

    static final List<Order> ORDERS = List.of(
            new Order(DD, "SO-1", "Kitchen", LocalDate.of(2025, 1, 5), List.of(PLAIN_1, PLAIN_2))
                    .withDateChange(new io.etareport.report.DateChange(LocalDate.of(2025, 1, 2),
                            LocalDate.of(2024, 12, 20))),
            new Order(CBR, HYPERLINK, "+1", null, List.of(HOSTILE)));

    static final List<String> HEADER = List.of("RefNo", "DateScheduled", "ProductionStatus", "ProductionLine",
            "InventoryItem", "Descn", "Instance", "FixedLine", "Width", "Colour", "Drop", ExportColumns.PREVIOUS_DATE,
            "Stage", "OrderState", "BusinessDaysLate");

    private ExportSamples() {
    }

    private static Map<String, String> columns(String... namesAndValues) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            columns.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return columns;
    }
}
