package io.etareport.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The generated data set: reproducible, and holding every hostile case the service must survive. */
class SimulatorDataSetTest {

    static final String JSD = SimulatorDataSet.JOBS_SCHEDULE_DETAILED;
    static final LocalDate ANCHOR = SimulatorSettings.DEFAULT_ANCHOR_DATE;
    static final SimulatorDataSet DATA = SimulatorDataSet.generate(SimulatorSettings.DEFAULT_SEED, 1, ANCHOR);

    private static List<Map<String, Object>> jsd(String code) {
        return DATA.rows(code, JSD);
    }

    private static List<Map<String, Object>> allJsd() {
        return java.util.stream.Stream.concat(jsd("DD").stream(), jsd("CBR").stream()).toList();
    }

    private static Map<String, List<Map<String, Object>>> orders(String code) {
        return jsd(code).stream().collect(Collectors.groupingBy(r -> (String) r.get("RefNo")));
    }

    private static boolean finished(Object status) {
        return status != null && SimulatorDataSet.FINISHED_STATUSES.stream()
                .anyMatch(f -> f.equalsIgnoreCase(status.toString().strip()));
    }

    @Test
    void sameSeedSameRowsOtherSeedOtherRows() {
        SimulatorDataSet a = SimulatorDataSet.build(42, 1, ANCHOR);
        SimulatorDataSet b = SimulatorDataSet.build(42, 1, ANCHOR);
        SimulatorDataSet c = SimulatorDataSet.build(43, 1, ANCHOR);

        for (String code : BuzSimulator.CODES) {
            for (String set : BuzSimulator.ENTITY_SETS) {
                List<Object[]> x = a.rawRows(code, set);
                List<Object[]> y = b.rawRows(code, set);
                assertThat(x).hasSameSizeAs(y);
                for (int i = 0; i < x.size(); i++) {
                    assertThat(Arrays.equals(x.get(i), y.get(i))).as("%s %s row %d", code, set, i).isTrue();
                }
            }
        }
        assertThat(c.rows("DD", JSD)).isNotEqualTo(a.rows("DD", JSD));
        // the hand-written demo orders do not depend on the seed
        assertThat(c.rows("DD", JSD).stream().filter(r -> "90001".equals(r.get("RefNo"))).map(r -> r.get("Descn")).toList())
                .containsOnly("<script>alert(1)</script>");
        assertThat(SimulatorDataSet.generate(42, 1, ANCHOR)).isSameAs(SimulatorDataSet.generate(42, 1, ANCHOR));
    }

    @Test
    void sizeLooksLikeASmallFactory() {
        int customers = new TreeSet<String>() {{
            addAll(DATA.customers("DD"));
            addAll(DATA.customers("CBR"));
        }}.size();
        Set<String> both = new HashSet<>(DATA.customers("DD"));
        both.retainAll(DATA.customers("CBR"));

        assertThat(customers).isBetween(300, 800);
        assertThat(both).hasSizeGreaterThan(20).contains(DemoCustomers.ON_BOTH, DemoCustomers.APOSTROPHE, DemoCustomers.NON_ASCII);
        assertThat(DATA.size("DD", JSD) + DATA.size("CBR", JSD)).isBetween(3000, 20000);
        assertThat(orders("DD").values()).allSatisfy(lines -> assertThat(lines.size()).isBetween(1, 16));
        assertThat(orders("CBR").values().stream().mapToInt(List::size).max().orElse(0)).isGreaterThanOrEqualTo(14);
    }

    @Test
    void groups() {
        assertThat(DATA.groupMembers("CBR", DemoCustomers.BIG_GROUP)).hasSize(300);
        assertThat(DATA.groups("DD")).doesNotContain(DemoCustomers.BIG_GROUP, DemoCustomers.CBR_GROUP);
        assertThat(DATA.groupMembers("CBR", DemoCustomers.CBR_GROUP)).hasSize(5)
                .contains(DemoCustomers.APOSTROPHE_GROUP_MEMBER, DemoCustomers.NON_ASCII);
        Set<String> withOpenOrders = jsd("CBR").stream().filter(r -> SimulatorDataSet.WIP.equals(r.get("OrderStatus")))
                .map(r -> (String) r.get("Customer")).collect(Collectors.toSet());
        assertThat(withOpenOrders).containsAll(DATA.groupMembers("CBR", DemoCustomers.BIG_GROUP));
        assertThat(DATA.groupMembers("CBR", DemoCustomers.BIG_GROUP)).anyMatch(n -> n.contains("'"));
    }

    @Test
    void demoCustomers() {
        assertThat(DemoCustomers.all()).extracting(DemoCustomers.DemoCustomer::displayName).doesNotHaveDuplicates();
        for (DemoCustomers.DemoCustomer c : DemoCustomers.all()) {
            if (c.fieldType().equals(DemoCustomers.FIELD_TYPE_NAME)) {
                if (c.ddName() != null) {
                    assertThat(DATA.customers("DD")).contains(c.ddName());
                }
                if (c.cbrName() != null) {
                    assertThat(DATA.customers("CBR")).contains(c.cbrName());
                }
            } else {
                assertThat(DATA.groups("CBR")).contains(c.cbrName());
            }
        }
        assertThat(DATA.customers("CBR")).doesNotContain(DemoCustomers.DD_ONLY, DemoCustomers.NO_OPEN_ORDERS);
        assertThat(jsd("DD")).filteredOn(r -> DemoCustomers.NO_OPEN_ORDERS.equals(r.get("Customer"))).isNotEmpty()
                .noneMatch(r -> SimulatorDataSet.WIP.equals(r.get("OrderStatus")));
        for (String code : BuzSimulator.CODES) {
            assertThat(jsd(code)).anyMatch(r -> DemoCustomers.ON_BOTH.equals(r.get("Customer"))
                    && "90001".equals(r.get("RefNo")) && SimulatorDataSet.WIP.equals(r.get("OrderStatus")));
        }
    }

    @Test
    void hostileNamesReferencesAndDates() {
        Set<Object> customers = allJsd().stream().map(r -> r.get("Customer")).collect(Collectors.toSet());
        Set<Object> references = allJsd().stream().map(r -> r.get("Descn")).collect(Collectors.toSet());
        List<Object> dates = allJsd().stream().map(r -> r.get("DateScheduled")).toList();

        assertThat(customers).contains("O'Malley Blinds", "D'Angelo's Interiors", "Smith & Sons", "Café Façades",
                "Zoë Müller Interiors");
        assertThat(references).contains("<script>alert(1)</script>", "=HYPERLINK(\"http://x\",\"y\")", "+1", "-2", "@SUM(A1)");
        assertThat(dates).contains("not-a-date", "", "2025-13-45T00:00:00Z", "2025-01-05T00:00:00+10:00",
                "2025-01-05T00:00:00.0000000Z", "2025-01-05", null, "2025-01-09T00:00:00Z");
    }

    @Test
    void hostileStatusesAndOrders() {
        List<Map<String, Object>> rows = allJsd();
        assertThat(rows).anyMatch(r -> r.get("ProductionStatus") == null && SimulatorDataSet.WIP.equals(r.get("OrderStatus")));
        assertThat(rows).anyMatch(r -> "".equals(r.get("ProductionStatus")));
        assertThat(rows).anyMatch(r -> r.get("ProductionStatus") instanceof String s && !s.isEmpty() && !s.equals(s.strip()));
        assertThat(rows.stream().map(r -> r.get("ProductionStatus")).filter(Objects::nonNull).collect(Collectors.toSet()))
                .containsAll(SimulatorDataSet.FINISHED_STATUSES)
                .contains("Awaiting Fabric", "Cutting", "In Production", "Quality Check", "Dispatched", "Ready for Dispatch", "On Hold");
        assertThat(rows.stream().map(r -> r.get("OrderStatus")).collect(Collectors.toSet()))
                .contains("Work in Progress", "Quote", "Complete");
        assertThat(rows.stream().map(r -> r.get("ProductionLine")).collect(Collectors.toSet()))
                .contains("Roller Blinds", "Venetians", "Verticals", "Roman Blinds", "Shutters", "Awnings", "Curtains", "Honeycomb", "N/A", null);

        for (String code : BuzSimulator.CODES) {
            List<Object[]> raw = DATA.rawRows(code, JSD);
            boolean duplicate = false;
            for (int i = 1; i < raw.size(); i++) {
                duplicate |= Arrays.equals(raw.get(i), raw.get(i - 1));
            }
            assertThat(duplicate).as("exact duplicate line on %s", code).isTrue();

            var wipOrders = orders(code).values().stream()
                    .filter(lines -> SimulatorDataSet.WIP.equals(lines.get(0).get("OrderStatus"))).toList();
            assertThat(wipOrders).as("dates differ within an order").anyMatch(lines ->
                    lines.stream().map(r -> r.get("DateScheduled")).distinct().count() > 1);
            assertThat(wipOrders).as("fully finished").anyMatch(lines -> lines.stream()
                    .map(r -> r.get("ProductionStatus")).filter(s -> s != null && !s.toString().isBlank())
                    .allMatch(SimulatorDataSetTest::finished));
            assertThat(wipOrders).as("partly finished").anyMatch(lines ->
                    lines.stream().anyMatch(r -> finished(r.get("ProductionStatus")))
                            && lines.stream().anyMatch(r -> r.get("ProductionStatus") != null && !finished(r.get("ProductionStatus"))));
        }
        Set<String> ddRefs = orders("DD").keySet();
        assertThat(orders("CBR").keySet()).as("same order number at both factories").anyMatch(ddRefs::contains);
    }

    @Test
    void sensitiveAndHarmlessColumns() {
        assertThat(SimulatorDataSet.columns(JSD)).contains("RefNo", "Descn", "DateScheduled", "ProductionLine", "InventoryItem",
                "ProductionStatus", "FixedLine", "OrderStatus", "Customer", "Width", "Drop", "Colour", "Location",
                "UnitCost", "BuyPrice", "COGS", "Margin", "MarkupPct", "WholesalePrice", "SupplierPrice", "PkId", "Notes", "BarcodeNo");
        assertThat(SimulatorDataSet.columns(SimulatorDataSet.SALES_REPORT)).contains("Customer", "CustomerGroup", "Order_Status", "TotalCost");
        assertThat(SimulatorDataSet.columns(SimulatorDataSet.WORK_IN_PROGRESS)).contains("RefNo", "Customer");
        Map<String, Object> row = jsd("DD").get(0);
        for (String column : List.of("UnitCost", "BuyPrice", "COGS", "Margin", "MarkupPct", "WholesalePrice", "SupplierPrice", "PkId", "BarcodeNo")) {
            assertThat(row.get(column)).as(column).isNotNull();
        }
        assertThat(jsd("DD")).anyMatch(r -> r.get("Notes") != null);
        assertThat(row.get("FixedLine")).isInstanceOf(Integer.class);
        assertThat(DATA.rows("CBR", SimulatorDataSet.SALES_REPORT)).anyMatch(r -> r.get("Customer") instanceof String s && !s.equals(s.strip()));
    }

    @Test
    void scaleGrowsTheOpenOrders() {
        SimulatorDataSet big = SimulatorDataSet.build(7, 3, ANCHOR);
        SimulatorDataSet small = SimulatorDataSet.build(7, 1, ANCHOR);
        assertThat(big.size("CBR", JSD)).isGreaterThan(2 * small.size("CBR", JSD));
    }
}
