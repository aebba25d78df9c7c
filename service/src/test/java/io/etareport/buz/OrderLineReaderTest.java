package io.etareport.buz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class OrderLineReaderTest {

    @Test
    void keepsTheKnownFieldsAndOtherSafeColumnsInUpstreamOrder() {
        List<Map<String, Object>> rows = rowsOf("""
                {"value": [{
                  "@odata.etag": "W/1",
                  "RefNo": "  1001 ", "Customer": "Acme", "UnitCost": 12.5, "Descn": "Kitchen",
                  "DateScheduled": "2025-01-02T00:00:00Z", "Width": 1200, "ProductionLine": "Rollers",
                  "Notes": "call first", "InventoryItem": "Blockout", "Sell_Margin": 0.4, "ProductionStatus": "Cutting",
                  "FixedLine": 3, "OrderStatus": "Work in Progress", "PKID": 77, "Colour": " White ", "Drop": null
                }]}""");

        List<OrderLine> lines = readWithDefaults(Instance.CBR, rows);

        assertThat(lines).containsExactly(new OrderLine(Instance.CBR, "1001", "Kitchen", LocalDate.of(2025, 1, 2),
                "Rollers", "Blockout", "Cutting", "3", ordered("Customer", "Acme", "Width", "1200",
                "OrderStatus", "Work in Progress", "Colour", "White", "Drop", null)));
        assertThat(lines.get(0).otherColumns().keySet())
                .containsExactly("Customer", "Width", "OrderStatus", "Colour", "Drop");
    }

    @Test
    void writesNumbersAsTextWithoutAZeroFraction() {
        assertThat(OrderLineReader.text(new BigDecimal("3.0"))).isEqualTo("3");
        assertThat(OrderLineReader.text(new BigDecimal("3.50"))).isEqualTo("3.5");
        assertThat(OrderLineReader.text(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(OrderLineReader.text(12L)).isEqualTo("12");
        assertThat(OrderLineReader.text(2.0d)).isEqualTo("2");
        assertThat(OrderLineReader.text(Boolean.FALSE)).isEqualTo("false");
        assertThat(OrderLineReader.text(null)).isNull();
        assertThat(OrderLineReader.text("  x ")).isEqualTo("x");
    }

    @Test
    void aFixedLineSentAsADecimalNumberReadsAsAWholeNumber() {
        List<OrderLine> lines = readWithDefaults(Instance.DD, rowsOf("""
                {"value": [{"RefNo": "1", "FixedLine": 2.0}, {"RefNo": "1", "FixedLine": "4"}]}"""));

        assertThat(lines).extracting(OrderLine::fixedLine).containsExactly("2", "4");
    }

    @Test
    void everyLineOfAnOrderGetsTheOrdersLatestDate() {
        List<OrderLine> lines = readWithDefaults(Instance.DD, rowsOf("""
                {"value": [
                  {"RefNo": "A", "FixedLine": 1, "DateScheduled": "2025-01-06T01:00:00+10:00"},
                  {"RefNo": "B", "FixedLine": 1, "DateScheduled": "2025-03-01"},
                  {"RefNo": "A", "FixedLine": 2, "DateScheduled": "garbage"},
                  {"RefNo": "A", "FixedLine": 3, "DateScheduled": "2025-01-05T23:30:00-05:00"},
                  {"RefNo": "A", "FixedLine": 4, "DateScheduled": null},
                  {"RefNo": "A", "FixedLine": 5},
                  {"RefNo": "C", "FixedLine": 1, "DateScheduled": ""}
                ]}"""));

        assertThat(lines).extracting(line -> line.refNo() + "/" + line.fixedLine() + " " + line.dateScheduled())
                .containsExactly("A/1 2025-01-05", "B/1 2025-03-01", "A/2 2025-01-05", "A/3 2025-01-05",
                        "A/4 2025-01-05", "A/5 2025-01-05", "C/1 null");
    }

    @Test
    void theSameOrderNumberIsMatchedAfterTrimming() {
        List<OrderLine> lines = readWithDefaults(Instance.DD, rowsOf("""
                {"value": [
                  {"RefNo": "A ", "DateScheduled": "2025-01-01"},
                  {"RefNo": "A", "DateScheduled": "2025-01-09"}
                ]}"""));

        assertThat(lines).extracting(OrderLine::dateScheduled).containsOnly(LocalDate.of(2025, 1, 9));
    }

    @Test
    void noSensitiveColumnSurvivesWhateverItsSpellingEvenWhenApproved() {
        ColumnPolicy approvingAll = ColumnPolicy.approving(List.of("Cost Price", "buy_price", "COGS", "MarkUp",
                "WholesalePrice", "Supplier_Price", "OrderPKID", "notes", "BarcodeNo", "Safe"));

        List<OrderLine> lines = OrderLineReader.read(Instance.DD, rowsOf("""
                {"value": [{"RefNo": "1", "Cost Price": 1, "buy_price": 2, "COGS": 3, "MarkUp": 4, "WholesalePrice": 5,
                  "Supplier_Price": 6, "OrderPKID": 7, "notes": "x", "BarcodeNo": "y", "Safe": "z"}]}"""), approvingAll);

        assertThat(lines.get(0).otherColumns()).containsOnlyKeys("Safe");
    }

    @Test
    void onlyRequiredAndApprovedColumnsAreKept() {
        List<OrderLine> lines = OrderLineReader.read(Instance.DD, rowsOf("""
                {"value": [{"RefNo": "1", "Customer": "Acme", "OrderStatus": "Work in Progress", "Width": 900,
                  "LineValue": 123.45, "SellPrice": 99, "Colour": "White"}]}"""), ColumnPolicy.approving(List.of("Width", "Colour")));

        assertThat(lines.get(0).otherColumns()).containsOnlyKeys("Customer", "OrderStatus", "Width", "Colour");
    }

    @Test
    void rowsWithoutFieldsGiveNullsNotErrors() {
        List<OrderLine> lines = readWithDefaults(Instance.DD, rowsOf("{\"value\": [{}]}"));

        assertThat(lines).containsExactly(new OrderLine(Instance.DD, null, null, null, null, null, null, null, Map.of()));
    }

    private static List<Map<String, Object>> rowsOf(String json) {
        return ODataPage.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))).rows();
    }

    private static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** Rows read with the columns application.yml approves by default. */
    private static java.util.List<OrderLine> readWithDefaults(Instance instance,
                                                             java.util.List<java.util.Map<String, Object>> rows) {
        return OrderLineReader.read(instance, rows, SimulatedBuz.DEFAULT_COLUMNS.policy());
    }
}
