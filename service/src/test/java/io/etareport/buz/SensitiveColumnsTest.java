package io.etareport.buz;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
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

    /** Money columns as ERPs, spreadsheets and Buz's own OData feeds name them, in every spelling seen. */
    @ParameterizedTest
    @ValueSource(strings = {"GrossProfit", "gross_profit", "Gross Profit", "GROSS PROFIT", "NetProfit", "Profit",
            "ProfitPct", "Profit %", "MarginPct", "Margin %", "gross-margin", "MarkupPct", "Markup Percent",
            "mark up", "Price", "SellPrice", "Sell Price", "UnitPrice", "unit_price", "ListPrice", "PriceEx",
            "Price Inc GST", "PriceList", "TotalCost", "Landed Cost", "StandardCost", "cost_ex_gst", "Discount",
            "DiscountPct", "discount_amount", "Trade Discount", "Rebate", "RebateAmount", "volume_rebate",
            "Commission", "SalesCommission", "commission_rate", "Rep Commission", "Uplift", "PriceUplift",
            "uplift_pct", "Freight Uplift", "Buy Price Ex", "LineMargin", "MarkUpAmount"})
    void dropsEveryMoneyColumnInAnyCaseAndSpacing(String name) {
        assertThat(SensitiveColumns.isSensitive(name)).as(name).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"RefNo", "Descn", "DateScheduled", "ProductionLine", "InventoryItem", "ProductionStatus",
            "FixedLine", "Customer", "OrderStatus", "Width", "Drop", "Colour", "Supplier", "Location", "Qty",
            "Fabric", "Control Side", "Mount Type", "Room", "DateDispatched", "Customer Reference", "Product",
            "Order Date", "Stage", "Operation", "Instance", "Line No", "Blind Type", "Chain Length"})
    void keepsColumnsCustomersMaySee(String name) {
        assertThat(SensitiveColumns.isSensitive(name)).as(name).isFalse();
    }

    @Test
    void noNameIsNoSensitiveColumn() {
        assertThat(SensitiveColumns.isSensitive(null)).isFalse();
        assertThat(SensitiveColumns.isSensitive("")).isFalse();
    }
}
