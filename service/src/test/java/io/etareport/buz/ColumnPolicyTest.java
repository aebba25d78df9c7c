package io.etareport.buz;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** An allowlist: nothing passes unless the report needs it or it is approved, and nothing sensitive ever. */
class ColumnPolicyTest {

    @Test
    void theColumnsTheServiceNeedsAlwaysPass() {
        ColumnPolicy policy = ColumnPolicy.approving(List.of());

        assertThat(List.of("RefNo", "DateScheduled", "ProductionStatus", "ProductionLine", "InventoryItem", "Descn",
                "FixedLine", "OrderStatus", "Customer", "CustomerGroup", "Order_Status")).allMatch(policy::allows);
    }

    @Test
    void anUnknownColumnDoesNotPassWhateverItsName() {
        ColumnPolicy policy = ColumnPolicy.approving(List.of("Width"));

        assertThat(policy.allows("Width")).isTrue();
        assertThat(policy.allows("LineValue")).isFalse();
        assertThat(policy.allows("SellPrice")).isFalse();
        assertThat(policy.allows("width")).as("names are the supplier's, compared exactly").isFalse();
        assertThat(policy.allows(null)).isFalse();
    }

    @Test
    void anAdminsDecisionOverridesTheDefaults() {
        ColumnPolicy policy = ColumnPolicy.of(List.of("Width", "Drop"), Map.of("Drop", false, "LineValue", true),
                Map.of());

        assertThat(policy.allows("Width")).isTrue();
        assertThat(policy.allows("Drop")).isFalse();
        assertThat(policy.allows("LineValue")).isTrue();
    }

    @Test
    void aSensitiveLookingNameNeverPassesEvenWhenApprovedByDefaultOrByDecision() {
        ColumnPolicy policy = ColumnPolicy.of(List.of("UnitCost"), Map.of("Gross Margin %", true), Map.of());

        assertThat(policy.allows("UnitCost")).isFalse();
        assertThat(policy.allows("Gross Margin %")).isFalse();
        assertThat(ColumnPolicy.canApprove("Supplier_Price")).isFalse();
        assertThat(ColumnPolicy.canApprove("LineValue")).isTrue();
        assertThat(ColumnPolicy.canApprove(" ")).isFalse();
    }

    @Test
    void filteringKeepsUpstreamOrderAndReturnsTheSameMapWhenNothingGoes() {
        ColumnPolicy policy = ColumnPolicy.approving(List.of("Width", "Colour"));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("Colour", "White");
        row.put("LineValue", new BigDecimal("187.25"));
        row.put("RefNo", "1");
        row.put("Width", 900);

        assertThat(policy.filter(row)).containsExactly(Map.entry("Colour", "White"), Map.entry("RefNo", "1"),
                Map.entry("Width", 900));
        Map<String, Object> clean = Map.of("RefNo", "1");
        assertThat(policy.filter(clean)).isSameAs(clean);
    }

    @Test
    void aFetchSaysWhatEachColumnHoldsByItsFirstValue() {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("Width", 900);
        first.put("DateOrdered", "2024-12-01T00:00:00Z");
        first.put("Colour", "White");
        first.put("LineValue", null);
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("Width", 1200);
        second.put("DateOrdered", "not-a-date");
        second.put("LineValue", new BigDecimal("187.25"));

        SeenColumns seen = SeenColumns.of(Instance.DD, "JobsScheduleDetailed", List.of(first, second));

        assertThat(seen.kinds()).containsEntry("Width", ColumnKind.NUMBER)
                .containsEntry("DateOrdered", ColumnKind.DATE)
                .containsEntry("Colour", ColumnKind.TEXT)
                .containsEntry("LineValue", ColumnKind.NUMBER);
        assertThat(SeenColumns.of(Instance.DD, "X", List.of(Map.of("Empty", ""))).kinds().get("Empty")).isNull();
    }

    @Test
    void asAPredicateItAllowsWhatItAllows() {
        ColumnPolicy policy = ColumnPolicy.approving(List.of("Width"));

        assertThat(policy.test("Width")).isTrue();
        assertThat(policy.test("LineValue")).isFalse();
        assertThat(policy.test(null)).isFalse();
    }

    @Test
    void columnsAreTextUnlessTheirKindIsKnown() {
        ColumnPolicy policy = ColumnPolicy.of(List.of("Width", "DateOrdered"), Map.of(),
                Map.of("Width", ColumnKind.NUMBER));

        assertThat(policy.kindOf("Width")).isEqualTo(ColumnKind.NUMBER);
        assertThat(policy.kindOf("DateOrdered")).isEqualTo(ColumnKind.TEXT);
    }

    @Test
    void theApprovedNamesAreListedSortedWithoutTheRequiredOnes() {
        ColumnPolicy policy = ColumnPolicy.approving(List.of("Width", "Colour"));

        assertThat(policy.approvedNames()).containsExactly("Colour", "Width");
    }
}
