package io.etareport.report;

import io.etareport.buz.OrderLine;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.etareport.buz.Instance.CBR;
import static io.etareport.buz.Instance.DD;
import static io.etareport.report.Lines.grouped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ReportFilterTest {

    private static final OrderLine DD1_CUTTING = grouped(DD, "SO-1", "1", "Roller Blinds", "Cutting");
    private static final OrderLine DD1_SEWING = grouped(DD, "SO-1", "2", "Curtains", "Sewing");
    private static final OrderLine CBR1_CUTTING = grouped(CBR, "SO-1", "1", "Shutters", " cutting ");
    private static final OrderLine CBR2_PACKING = grouped(CBR, "SO-2", "1", "Roller Blinds", "Packing");

    private static final List<Order> ORDERS = List.of(
            order(DD1_CUTTING, DD1_SEWING),
            order(CBR1_CUTTING),
            new Order(CBR, "SO-2", "Unit 5, Main St", LocalDate.of(2025, 2, 1), List.of(CBR2_PACKING)));

    private static Order order(OrderLine... lines) {
        return new Order(lines[0].instance(), lines[0].refNo(), lines[0].descn(), lines[0].dateScheduled(),
                List.of(lines));
    }

    private static ReportFilter filter(Map<String, List<String>> query) {
        return ReportFilter.of(query);
    }

    private static List<OrderLine> lines(List<Order> orders) {
        return orders.stream().flatMap(order -> order.lines().stream()).toList();
    }

    @Test
    void readsEachFilterUnderItsNameAndTheOriginalsAliasRepeatedOrCommaSeparated() {
        ReportFilter filter = filter(Map.of(
                "status", List.of("Cutting", " "),
                "statusFilter", List.of("Sewing"),
                "groupFilter", List.of("Shutters,Curtains"),
                "supplier", List.of("dd"),
                "q", List.of("  unit 5 ")));

        assertThat(filter.statuses()).containsExactly("Cutting");
        assertThat(filter.groups()).containsExactly("Shutters,Curtains", "Shutters", "Curtains");
        assertThat(filter.suppliers()).containsExactly("dd");
        assertThat(filter.search()).isEqualTo("unit 5");
    }

    @Test
    void whenBothNamesOfAFilterAreGivenTheNewNameWinsAsInTheOriginal() {
        ReportFilter filter = filter(Map.of(
                "status", List.of("Cutting"), "statusFilter", List.of("Sewing"),
                "group", List.of("Shutters"), "groupFilter", List.of("Curtains"),
                "supplier", List.of("DD"), "supplierFilter", List.of("CBR")));
        ReportFilter blankNewName = filter(Map.of("status", List.of(" "), "statusFilter", List.of("Sewing")));

        assertThat(filter.statuses()).containsExactly("Cutting");
        assertThat(filter.groups()).containsExactly("Shutters");
        assertThat(filter.suppliers()).containsExactly("DD");
        assertThat(blankNewName.statuses()).containsExactly("Sewing");
    }

    @Test
    void aStrayCommaInAListIsIgnored() {
        ReportFilter filter = filter(Map.of("status", List.of(",Cutting"), "group", List.of("Shutters,")));

        assertThat(filter.statuses()).contains("Cutting");
        assertThat(filter.groups()).contains("Shutters");
        assertThat(refNosAndInstances(filter.apply(ORDERS))).containsExactly("CBR SO-1");
    }

    @Test
    void withoutTheModelChangedKeepsOrdersWhoseDateMovedAtAll() {
        Order moved = ORDERS.get(2).withDateChange(new DateChange(LocalDate.of(2025, 1, 20), null));
        List<Order> orders = List.of(ORDERS.get(0), ORDERS.get(1), moved);

        assertThat(filter(Map.of("changed", List.of("1"))).apply(orders)).containsExactly(moved);
    }

    @Test
    void choicesAreComparedFoldedAsEveryStatusIs() {
        assertThat(ReportFilter.key("  In   PRODUCTION ")).isEqualTo("in production")
                .isEqualTo(io.etareport.statuses.Spelling.key("in production"));
    }

    @Test
    void noParametersOrOnlyBlankOnesFilterNothing() {
        ReportFilter blank = filter(Map.of("status", List.of(""), "group", List.of(" , "), "q", List.of(" ")));

        assertThat(filter(Map.of()).isEmpty()).isTrue();
        assertThat(blank.isEmpty()).isTrue();
        assertThat(blank.apply(ORDERS)).isSameAs(ORDERS);
        assertThat(ReportFilter.none().apply(ORDERS)).isSameAs(ORDERS);
    }

    @Test
    void aStatusFilterKeepsMatchingLinesComparedTrimmedIgnoringCase() {
        List<Order> kept = filter(Map.of("status", List.of("CUTTING"))).apply(ORDERS);

        assertThat(kept).extracting(Order::instance, Order::refNo).containsExactly(tuple(DD, "SO-1"), tuple(CBR, "SO-1"));
        assertThat(lines(kept)).containsExactly(DD1_CUTTING, CBR1_CUTTING);
    }

    @Test
    void aStatusWhoseNameHasACommaStillMatches() {
        OrderLine comma = grouped(DD, "SO-9", "1", "Shutters", "Waiting, stock");
        List<Order> orders = List.of(order(comma), order(DD1_CUTTING));

        assertThat(lines(filter(Map.of("status", List.of("Waiting, stock"))).apply(orders))).containsExactly(comma);
    }

    @Test
    void everyNonEmptyFilterMustMatch() {
        List<Order> kept = filter(Map.of(
                "status", List.of("Cutting", "Packing"),
                "group", List.of("roller blinds"))).apply(ORDERS);

        assertThat(lines(kept)).containsExactly(DD1_CUTTING, CBR2_PACKING);
    }

    @Test
    void aSupplierFilterKeepsThatInstancesOrders() {
        List<Order> kept = filter(Map.of("supplierFilter", List.of("Cbr"))).apply(ORDERS);

        assertThat(lines(kept)).containsExactly(CBR1_CUTTING, CBR2_PACKING);
    }

    @Test
    void anUnknownValueKeepsNothing() {
        assertThat(filter(Map.of("supplier", List.of("XYZ"))).apply(ORDERS)).isEmpty();
        assertThat(filter(Map.of("status", List.of("Lost"))).apply(ORDERS)).isEmpty();
    }

    @Test
    void ordersLeftWithoutLinesAreDroppedAndTheOthersKeepTheirHeader() {
        List<Order> kept = filter(Map.of("status", List.of("Sewing"))).apply(ORDERS);

        assertThat(kept).singleElement().satisfies(order -> {
            assertThat(order.refNo()).isEqualTo("SO-1");
            assertThat(order.instance()).isEqualTo(DD);
            assertThat(order.expected()).isEqualTo(DD1_CUTTING.dateScheduled());
            assertThat(order.lines()).containsExactly(DD1_SEWING);
        });
    }

    @Test
    void theSearchNarrowsToOrdersWhoseNumberOrReferenceContainsIt() {
        assertThat(filter(Map.of("q", List.of("main st"))).apply(ORDERS))
                .extracting(Order::refNo).containsExactly("SO-2");
        assertThat(filter(Map.of("q", List.of(" so-1 "))).apply(ORDERS))
                .extracting(Order::instance).containsExactly(DD, CBR);
        assertThat(filter(Map.of("q", List.of("SO-1"), "supplier", List.of("CBR"))).apply(ORDERS))
                .extracting(Order::instance, Order::refNo).containsExactly(tuple(CBR, "SO-1"));
    }

    @Test
    void everyOfferedChoiceKeepsTheLinesShowingIt() {
        Report report = new ReportBuilder(ReportRules.defaults()).build("Acme", Map.of(
                DD, List.of(grouped(DD, "SO-1", "1", "roller  blinds", "in production"),
                        grouped(DD, "SO-1", "2", "Roller Blinds ", "In Production")),
                CBR, List.of(grouped(CBR, "SO-2", "1", "SHUTTERS", "QC check"))), Map.of(), List.of(), null);
        // As the report holds them: each status in its one spelling.
        OrderLine lower = report.orders().get(0).lines().get(0);
        OrderLine title = report.orders().get(0).lines().get(1);
        OrderLine other = report.orders().get(1).lines().get(0);

        assertThat(report.choices().statuses()).containsExactly("In Production", "QC Check");
        assertThat(report.choices().groups()).containsExactly("Roller Blinds", "Shutters");
        assertThat(lines(filter(Map.of("status", List.of("In Production"))).apply(report.orders())))
                .containsExactly(lower, title);
        assertThat(lines(filter(Map.of("status", List.of("QC Check"))).apply(report.orders())))
                .containsExactly(other);
        assertThat(lines(filter(Map.of("group", List.of("Roller Blinds"))).apply(report.orders())))
                .containsExactly(lower, title);
        assertThat(lines(filter(Map.of("group", List.of("Shutters"))).apply(report.orders())))
                .containsExactly(other);
    }

    @Test
    void toQueryGivesTheSameFilterBackUnderTheCanonicalNames() {
        ReportFilter filter = filter(Map.of(
                "statusFilter", List.of("Cutting", "Sewing"),
                "group", List.of("Shutters"),
                "supplierFilter", List.of("CBR"),
                "q", List.of("main")));

        Map<String, List<String>> query = filter.toQuery();

        assertThat(query).containsExactly(
                Map.entry("status", List.of("Cutting", "Sewing")),
                Map.entry("group", List.of("Shutters")),
                Map.entry("supplier", List.of("CBR")),
                Map.entry("q", List.of("main")));
        assertThat(ReportFilter.of(query)).isEqualTo(filter);
        assertThat(ReportFilter.none().toQuery()).isEmpty();
    }

    @Test
    void builtDirectlyItTidiesItsValues() {
        ReportFilter filter = new ReportFilter(Set.of(" Cutting "), null, Set.of(""), null);

        assertThat(filter.statuses()).containsExactly("Cutting");
        assertThat(filter.groups()).isEmpty();
        assertThat(filter.suppliers()).isEmpty();
        assertThat(filter.search()).isEmpty();
    }

    /** The model's sets, over orders whose statuses make them overdue, ready, on hold and (one) moved. */
    private static OrderModel stateModel() {
        LocalDate today = LocalDate.of(2025, 1, 13);
        Order late = new Order(DD, "LATE", "a", LocalDate.of(2025, 1, 6), List.of(grouped(DD, "LATE", "1", "G", "Cutting")));
        Order ready = new Order(DD, "READY", "b", LocalDate.of(2025, 1, 6),
                List.of(grouped(DD, "READY", "1", "G", "Dispatched"), grouped(DD, "READY", "2", "G", "Cutting")
                        .withProductionStatus("Ready")));
        Order held = new Order(DD, "HELD", "c", LocalDate.of(2025, 1, 20), List.of(grouped(DD, "HELD", "1", "G", "On Hold")))
                .withDateChange(new DateChange(LocalDate.of(2025, 1, 15), today.minusDays(2)));
        Order movedLongAgo = new Order(DD, "OLD", "d", LocalDate.of(2025, 1, 20),
                List.of(grouped(DD, "OLD", "1", "G", "Cutting")))
                .withDateChange(new DateChange(LocalDate.of(2025, 1, 15), today.minusDays(40)));
        Report report = new Report("Acme", List.of(late, ready, held, movedLongAgo), FilterChoices.none(), List.of(),
                java.time.Instant.EPOCH);
        Stages stages = new Stages(List.of("In production", "Ready", "Dispatched"), "Ready",
                Map.of("Cutting", "In production", "On Hold", "On hold"));
        return new OrderModel(report, today, stages, java.time.Duration.ofDays(30));
    }

    private static List<String> refNos(List<Order> orders) {
        return orders.stream().map(Order::refNo).toList();
    }

    @Test
    void theStateFilterKeepsExactlyTheOrderModelsSets() {
        OrderModel model = stateModel();

        assertThat(refNos(filter(Map.of("state", List.of("overdue"))).apply(model))).containsExactly("LATE")
                .hasSize((int) model.overdueCount());
        assertThat(refNos(filter(Map.of("state", List.of("ready"))).apply(model))).containsExactly("READY")
                .hasSize((int) model.readyCount());
        assertThat(refNos(filter(Map.of("state", List.of("on-hold"))).apply(model))).containsExactly("HELD")
                .hasSize((int) model.onHoldCount());
        assertThat(refNos(filter(Map.of("state", List.of("moved"))).apply(model))).containsExactly("HELD")
                .hasSize((int) model.movedCount());
        assertThat(refNos(filter(Map.of("state", List.of("ready,on-hold"))).apply(model)))
                .as("several states keep orders in any of them").containsExactly("READY", "HELD");
        assertThat(refNos(filter(Map.of()).apply(model))).containsExactly("LATE", "READY", "HELD", "OLD");
    }

    @Test
    void dateChangedKeepsTheRecentlyMovedOrdersOfTheModel() {
        assertThat(refNos(filter(Map.of("changed", List.of("1"))).apply(stateModel()))).containsExactly("HELD");
    }

    @Test
    void unknownStatesAreIgnoredAndStatesGoBackIntoTheQuery() {
        ReportFilter filter = filter(Map.of("state", List.of(" Ready ", "nonsense")));

        assertThat(filter.states()).containsExactly("ready");
        assertThat(filter.isEmpty()).isFalse();
        assertThat(filter.toQuery()).containsEntry("state", List.of("ready"));
        assertThat(filter(Map.of("state", List.of("nonsense"))).isEmpty()).isTrue();
    }

    @Test
    void aStateFilterCannotBeAppliedWithoutTheModel() {
        org.assertj.core.api.Assertions.assertThatIllegalStateException()
                .isThrownBy(() -> filter(Map.of("state", List.of("ready"))).apply(ORDERS));
    }

    @Test
    void stateAndLineFiltersCombine() {
        assertThat(refNos(filter(Map.of("state", List.of("on-hold"), "q", List.of("held"))).apply(stateModel())))
                .containsExactly("HELD");
        assertThat(filter(Map.of("state", List.of("on-hold"), "q", List.of("late"))).apply(stateModel())).isEmpty();
    }

    private static List<String> refNosAndInstances(List<Order> orders) {
        return orders.stream().map(order -> order.instance() + " " + order.refNo()).toList();
    }
}
