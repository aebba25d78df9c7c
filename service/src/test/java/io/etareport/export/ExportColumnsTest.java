package io.etareport.export;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExportColumnsTest {

    @ParameterizedTest
    @ValueSource(strings = {"Cost", "UnitCost", "cost_price", "Buy Price", "BUYPRICE", "COGS", "Gross Margin %",
            "Mark_Up", "markup", "WholesalePrice", "Supplier Price", "supplier_price", "SUPPLIER-PRICE", "PKID",
            "OrderPkId", "Notes", " notes ", "InternalNote", "BarcodeNo", "Barcode_No", "BARCODE NO", "Price Group",
            "GrossProfit", "Trade Discount"})
    void columnsNamedLikeCostsOrInternalDataAreSensitive(String column) {
        assertThat(ExportColumns.isSensitive(column)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"RefNo", "Descn", "Width", "Drop", "Colour", "OrderStatus", "Customer", "Supplier",
            "Location"})
    void everyOtherColumnIsSafe(String column) {
        assertThat(ExportColumns.isSensitive(column)).isFalse();
    }

    @Test
    void theFixedColumnsComeFirstThenOthersInTheOrderFirstSeenWithoutSensitiveOnesOrRepeats() {
        assertThat(ExportColumns.of(ExportSamples.ORDERS).names()).isEqualTo(ExportSamples.HEADER);
    }

    @Test
    void withNoOrdersOnlyTheFixedColumnsAndThePreviousDateRemain() {
        assertThat(ExportColumns.of(List.of()).names()).isEqualTo(withPreviousDate(ExportColumns.FIXED));
    }

    /** The columns given, then the previous date and the order model's columns, which always end a download. */
    static List<String> withPreviousDate(List<String> columns) {
        List<String> all = new java.util.ArrayList<>(columns);
        all.add(ExportColumns.PREVIOUS_DATE);
        all.addAll(ExportColumns.MODEL);
        return all;
    }
}
