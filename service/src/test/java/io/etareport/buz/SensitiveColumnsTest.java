package io.etareport.buz;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SensitiveColumnsTest {

    @ParameterizedTest
    @ValueSource(strings = {"Cost", "UnitCost", "unit_cost", "COST_PRICE", "BuyPrice", "Buy Price", "COGS", "cogs_total",
            "Margin", "GrossMargin%", "MarkUp", "Mark_Up", "WholesalePrice", "Wholesale", "SupplierPrice",
            "Supplier Price", "supplier_price", "PKID", "pk_id", "OrderPKId", "Notes", "notes", "BarcodeNo",
            "Barcode_No", "barcode no", "DeliveryNote", "InternalNotes", "Barcode"})
    void dropsCostMarginAndInternalColumns(String name) {
        assertThat(SensitiveColumns.isSensitive(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"RefNo", "Descn", "DateScheduled", "ProductionLine", "InventoryItem", "ProductionStatus",
            "FixedLine", "Customer", "OrderStatus", "Width", "Drop", "Colour", "Supplier", "Price",
            "Location"})
    void keepsColumnsCustomersMaySee(String name) {
        assertThat(SensitiveColumns.isSensitive(name)).isFalse();
    }
}
