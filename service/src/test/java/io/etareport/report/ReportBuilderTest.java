package io.etareport.report;

import io.etareport.buz.Instance;
import io.etareport.buz.OrderLine;
import io.etareport.cache.Source;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.etareport.buz.Instance.CBR;
import static io.etareport.buz.Instance.DD;
import static io.etareport.report.Lines.dated;
import static io.etareport.report.Lines.grouped;
import static io.etareport.report.Lines.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ReportBuilderTest {

    private static final Instant BUILT_AT = Instant.parse("2025-01-02T03:04:05Z");

    private final ReportBuilder builder = new ReportBuilder(ReportRules.defaults());

    private Report build(Map<Instance, List<OrderLine>> lines) {
        return build(builder, lines, Map.of());
    }

    private static Report build(ReportBuilder builder, Map<Instance, List<OrderLine>> lines,
                                Map<String, String> mapping) {
        return builder.build("Acme Blinds", lines, mapping, List.of(InstanceSource.live(DD, BUILT_AT)), BUILT_AT);
    }

    private static List<String> refNos(Report report) {
        return report.orders().stream().map(Order::refNo).toList();
    }

    private static List<String> statuses(Order order) {
        return order.lines().stream().map(OrderLine::productionStatus).toList();
    }

    @Test
    void theSameOrderNumberAtBothFactoriesIsTwoOrders() {
        Report report = build(Map.of(
                DD, List.of(line(DD, "SO-1", "1", "Cutting"), line(DD, "SO-1", "2", "Sewing")),
                CBR, List.of(line(CBR, "SO-1", "1", "Packing"))));

        assertThat(report.orders())
                .extracting(Order::instance, Order::refNo, order -> order.lines().size())
                .containsExactly(tuple(DD, "SO-1", 2), tuple(CBR, "SO-1", 1));
    }

    @Test
    void anOrderIsDroppedWhenEveryStatusIsFinished() {
        Report report = build(Map.of(DD, List.of(
                line(DD, "SO-1", "1", " invoiced "),
                line(DD, "SO-1", "2", "CANCELLED"),
                line(DD, "SO-1", "3", ""),
                line(DD, "SO-2", "1", "Invoice ex GST fees - actioned in Xero"),
                line(DD, "SO-2", "2", "invoice ex gst fees - not in xero"),
                line(DD, "SO-3", "1", "Cutting"))));

        assertThat(refNos(report)).containsExactly("SO-3");
    }

    @Test
    void aFinishedStatusIsRecognisedAsFiltersCompareLabelsWithSpacesRunTogether() {
        Report report = build(Map.of(DD, List.of(
                line(DD, "SO-1", "1", "Invoice ex GST  fees -\tnot in Xero"),
                line(DD, "SO-2", "1", "Cutting"))));

        assertThat(refNos(report)).containsExactly("SO-2");
    }

    @Test
    void anOrderWithOneUnfinishedStatusStaysWhole() {
        Report report = build(Map.of(DD, List.of(
                line(DD, "SO-1", "1", "Invoiced"),
                line(DD, "SO-1", "2", "Cutting"))));

        assertThat(statuses(report.orders().get(0))).containsExactly("Invoiced", "Cutting");
    }

    @Test
    void anOrderWithNoStatusesStays() {
        Report report = build(Map.of(DD, List.of(line(DD, "SO-1", "1", null), line(DD, "SO-1", "2", "  "))));

        assertThat(refNos(report)).containsExactly("SO-1");
    }

    @Test
    void finishedOrdersStayWhenTheRuleIsSwitchedOff() {
        ReportBuilder keepAll = new ReportBuilder(new ReportRules(false, ReportRules.defaults().finishedStatuses()));

        Report report = build(keepAll, Map.of(DD, List.of(line(DD, "SO-1", "1", "Invoiced"))), Map.of());

        assertThat(refNos(report)).containsExactly("SO-1");
    }

    @Test
    void theFinishedStatusesComeFromTheRules() {
        ReportBuilder custom = new ReportBuilder(new ReportRules(true, List.of("Dispatched")));

        Report report = build(custom, Map.of(DD, List.of(
                line(DD, "SO-1", "1", "dispatched"),
                line(DD, "SO-2", "1", "Invoiced"))), Map.of());

        assertThat(refNos(report)).containsExactly("SO-2");
    }

    @Test
    void theFinishedRuleLooksAtRawStatusesBeforeMapping() {
        Report report = build(builder, Map.of(DD, List.of(
                line(DD, "SO-1", "1", "Invoiced"),
                line(DD, "SO-2", "1", "Packed"))), Map.of("Invoiced", "Ready", "Packed", "Cancelled"));

        assertThat(report.orders()).extracting(Order::refNo, order -> statuses(order).get(0))
                .containsExactly(tuple("SO-2", "Cancelled"));
    }

    @Test
    void statusesAreReplacedByTheirMappingsCustomNameMatchedIgnoringCaseAndSpacing() {
        Map<String, String> mapping = Map.of("Cutting", "Being made", " Sewing ", " Being sewn ");

        Report report = build(builder, Map.of(DD, List.of(
                line(DD, "SO-1", "1", " Cutting "),
                line(DD, "SO-1", "2", "Sewing"),
                line(DD, "SO-1", "3", "cutting"),
                line(DD, "SO-1", "4", "Packing"))), mapping);

        assertThat(statuses(report.orders().get(0)))
                .containsExactly("Being made", "Being sewn", "Being made", "Packing");
    }

    @Test
    void aBlankCustomNameLeavesTheRawStatus() {
        Report report = build(builder, Map.of(DD, List.of(line(DD, "SO-1", "1", "Cutting"))),
                Map.of("Cutting", " "));

        assertThat(statuses(report.orders().get(0))).containsExactly("Cutting");
    }

    @Test
    void duplicateLinesAreRemovedKeepingTheFirst() {
        OrderLine first = line(DD, "SO-1", "1", "Cutting");
        OrderLine sameButOtherColumns = new OrderLine(DD, "SO-1", first.descn(), first.dateScheduled(),
                first.productionLine(), first.inventoryItem(), "Cutting", "1", Map.of("Width", "900"));
        OrderLine otherLineNumber = line(DD, "SO-1", "2", "Cutting");
        OrderLine otherItem = new OrderLine(DD, "SO-1", first.descn(), first.dateScheduled(),
                first.productionLine(), "Sunscreen", "Cutting", "1", Map.of());

        Report report = build(Map.of(DD, List.of(first, sameButOtherColumns, otherLineNumber, first, otherItem)));

        assertThat(report.orders().get(0).lines()).containsExactly(first, otherItem, otherLineNumber);
    }

    @Test
    void linesThatOnlyDifferedByARawStatusMappedToOneNameAreDuplicates() {
        Report report = build(builder, Map.of(DD, List.of(
                line(DD, "SO-1", "1", "Cut"),
                line(DD, "SO-1", "1", "Cut again"))), Map.of("Cut", "Being made", "Cut again", "Being made"));

        assertThat(statuses(report.orders().get(0))).containsExactly("Being made");
    }

    @Test
    void linesAreSortedByLineNumberWithNumbersComparedByValue() {
        Report report = build(Map.of(DD, List.of(
                line(DD, "SO-1", "10", "A"),
                line(DD, "SO-1", "9", "B"),
                line(DD, "SO-1", "2a", "C"),
                line(DD, "SO-1", null, "D"),
                line(DD, "SO-1", "2", "E"))));

        assertThat(report.orders().get(0).lines()).extracting(OrderLine::fixedLine)
                .containsExactly(null, "2", "2a", "9", "10");
    }

    @Test
    void ordersAreSortedByExpectedDateEarliestFirstAndUndatedFirst() {
        Report report = build(Map.of(
                DD, List.of(dated(DD, "SO-1", LocalDate.of(2025, 3, 1)), dated(DD, "SO-2", null)),
                CBR, List.of(dated(CBR, "SO-3", LocalDate.of(2025, 2, 1)))));

        assertThat(report.orders()).extracting(Order::refNo, Order::expected)
                .containsExactly(tuple("SO-2", null), tuple("SO-3", LocalDate.of(2025, 2, 1)),
                        tuple("SO-1", LocalDate.of(2025, 3, 1)));
    }

    @Test
    void ordersOnTheSameDateSortByInstanceThenOrderNumberByValue() {
        LocalDate day = LocalDate.of(2025, 1, 5);
        Report report = build(Map.of(
                CBR, List.of(dated(CBR, "SO-5", day)),
                DD, List.of(dated(DD, "SO-100", day), dated(DD, "SO-99", day), dated(DD, "Q-1", day))));

        assertThat(report.orders()).extracting(Order::instance, Order::refNo)
                .containsExactly(tuple(DD, "Q-1"), tuple(DD, "SO-99"), tuple(DD, "SO-100"), tuple(CBR, "SO-5"));
    }

    @Test
    void anOrdersExpectedDateIsItsLatestLineDateAndItsReferenceTheFirstGiven() {
        OrderLine undated = new OrderLine(DD, "SO-1", " ", null, "G", "I", "S", "1", Map.of());
        OrderLine early = new OrderLine(DD, "SO-1", "Kitchen", LocalDate.of(2025, 1, 5), "G", "I", "S", "2", Map.of());
        OrderLine late = new OrderLine(DD, "SO-1", "Lounge", LocalDate.of(2025, 2, 7), "G", "I", "S", "3", Map.of());

        Order order = build(Map.of(DD, List.of(undated, early, late))).orders().get(0);

        assertThat(order.expected()).isEqualTo(LocalDate.of(2025, 2, 7));
        assertThat(order.descn()).isEqualTo("Kitchen");
    }

    @Test
    void filterChoicesAreDistinctSortedWithoutBlanksTitleCasedUnlessStaffNamedThem() {
        Report report = build(builder, Map.of(
                DD, List.of(
                        grouped(DD, "SO-1", "1", " roller blinds ", "in production"),
                        grouped(DD, "SO-1", "2", "Roller Blinds", "In Production"),
                        grouped(DD, "SO-1", "3", "N/A", "raw cut"),
                        grouped(DD, "SO-1", "4", "", "n/a"),
                        grouped(DD, "SO-1", "5", "Shutters", null),
                        grouped(DD, "SO-1", "6", "awnings", "  "))),
                Map.of("raw cut", "being cut"));

        assertThat(report.choices().statuses()).containsExactly("being cut", "In Production");
        assertThat(report.choices().groups()).containsExactly("Awnings", "Roller Blinds", "Shutters");
        assertThat(report.choices().suppliers()).containsExactly("DD");
    }

    @Test
    void supplierChoicesAreTheInstancesWithOrdersInFactoryOrder() {
        Report report = build(Map.of(
                CBR, List.of(line(CBR, "SO-1", "1", "Cutting")),
                DD, List.of(line(DD, "SO-2", "1", "Cutting"))));
        Report cbrOnly = build(Map.of(
                CBR, List.of(line(CBR, "SO-1", "1", "Cutting")),
                DD, List.of(line(DD, "SO-2", "1", "Invoiced"))));

        assertThat(report.choices().suppliers()).containsExactly("DD", "CBR");
        assertThat(cbrOnly.choices().suppliers()).containsExactly("CBR");
    }

    @Test
    void choicesLeaveOutWhatOnlyDroppedOrdersHad() {
        Report report = build(Map.of(DD, List.of(
                grouped(DD, "SO-1", "1", "Awnings", "Invoiced"),
                grouped(DD, "SO-2", "1", "Shutters", "Cutting"))));

        assertThat(report.choices().statuses()).containsExactly("Cutting");
        assertThat(report.choices().groups()).containsExactly("Shutters");
    }

    @Test
    void anInstanceWithoutLinesOrLeftOutGivesNoOrders() {
        Map<Instance, List<OrderLine>> lines = new LinkedHashMap<>();
        lines.put(DD, List.of());

        Report report = build(lines);

        assertThat(report.isEmpty()).isTrue();
        assertThat(report.lineCount()).isZero();
        assertThat(report.choices()).isEqualTo(FilterChoices.none());
    }

    @Test
    void theReportCarriesTheCustomerSourcesAndWhenItWasBuilt() {
        List<InstanceSource> sources = List.of(InstanceSource.live(DD, BUILT_AT),
                new InstanceSource(CBR, Source.CACHE_503, Instant.parse("2025-01-01T22:00:00Z")));

        Report report = builder.build("Acme Blinds", Map.of(DD, List.of(
                line(DD, "SO-1", "1", "Cutting"), line(DD, "SO-1", "2", "Cutting"))), Map.of(), sources, BUILT_AT);

        assertThat(report.customerName()).isEqualTo("Acme Blinds");
        assertThat(report.sources()).isEqualTo(sources);
        assertThat(report.builtAt()).isEqualTo(BUILT_AT);
        assertThat(report.fromCache()).isTrue();
        assertThat(report.lineCount()).isEqualTo(2);
        assertThat(report.isEmpty()).isFalse();
    }
}
