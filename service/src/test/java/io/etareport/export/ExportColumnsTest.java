package io.etareport.export;

import org.junit.jupiter.api.Test;
import io.etareport.buz.ColumnKind;
import io.etareport.buz.Instance;
import io.etareport.buz.OrderLine;
import io.etareport.report.Order;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ExportColumnsTest {

    @Test
    void theFixedColumnsComeFirstThenOthersInTheOrderFirstSeenWithoutRepeatsOrAShadowOfAFixedOne() {
        assertThat(ExportColumns.of(ExportSamples.ORDERS).names()).isEqualTo(ExportSamples.HEADER);
    }

    /**
     * The column policy is applied once, where rows enter the service: a download writes every column its lines
     * carry and decides nothing again (a column approved a moment ago is in the next download).
     */
    @Test
    void everyColumnTheLinesCarryIsWrittenTheKindsOnlySayHow() {
        OrderLine line = new OrderLine(Instance.DD, "SO-1", null, null, null, null, "Cutting", "1",
                Map.of("LineValue", "12.50"));
        List<Order> orders = List.of(new Order(Instance.DD, "SO-1", null, null, List.of(line)));

        ExportColumns columns = ExportColumns.of(orders, Map.of("LineValue", ColumnKind.NUMBER)::get);

        assertThat(columns.names()).contains("LineValue");
        assertThat(columns.kind(columns.names().indexOf("LineValue"))).isEqualTo(ColumnKind.NUMBER);
        assertThat(ExportColumns.of(orders, name -> null).kind(columns.names().indexOf("LineValue")))
                .as("a column whose kind is unknown is text").isEqualTo(ColumnKind.TEXT);
    }

    @Test
    void withNoOrdersOnlyTheFixedColumnsAndThePreviousDateRemain() {
        assertThat(ExportColumns.of(List.of()).names()).isEqualTo(withPreviousDate(ExportColumns.FIXED));
    }

    @Test
    void theInstanceColumnNamesEachFactoryAsCustomersKnowIt() {
        OrderLine line = new OrderLine(Instance.CBR, "SO-1", null, null, null, null, "Cutting", "1", Map.of());
        List<Order> orders = List.of(new Order(Instance.CBR, "SO-1", null, null, List.of(line)));
        int instance = ExportColumns.FIXED.indexOf("Instance");

        assertThat(ExportColumns.of(orders, null, null, factory -> "Canberra factory").text(line, instance))
                .isEqualTo("Canberra factory");
        assertThat(ExportColumns.of(orders, null).text(line, instance)).as("by default, the code").isEqualTo("CBR");
    }

    /** The columns given, then the previous date and the order model's columns, which always end a download. */
    static List<String> withPreviousDate(List<String> columns) {
        List<String> all = new java.util.ArrayList<>(columns);
        all.add(ExportColumns.PREVIOUS_DATE);
        all.addAll(ExportColumns.MODEL);
        return all;
    }
}
