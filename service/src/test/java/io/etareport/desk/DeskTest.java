package io.etareport.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.etareport.buz.Instance;
import io.etareport.buz.OrderLine;
import io.etareport.report.DateChange;
import io.etareport.report.FilterChoices;
import io.etareport.report.Order;
import io.etareport.report.OrderModel;
import io.etareport.report.Report;
import io.etareport.report.Stages;

import org.junit.jupiter.api.Test;

/** The desk groups the order model's problem orders by customer, newest problem first. */
class DeskTest {

    /** A Wednesday. */
    private static final LocalDate TODAY = LocalDate.of(2025, 1, 15);
    private static final Stages STAGES = new Stages(List.of("Received", "In production", "Ready", "Dispatched"),
            "Ready", "On hold", Map.of("Cutting", "In production", "Ready for Dispatch", "Ready",
            "On Hold", "On hold", "Invoiced", "Done"));

    private static Order order(String refNo, LocalDate expected, String... statuses) {
        List<OrderLine> lines = new ArrayList<>();
        for (int i = 0; i < statuses.length; i++) {
            lines.add(new OrderLine(Instance.DD, refNo, "Kitchen", null, "Roller Blinds", "Blockout", statuses[i],
                    String.valueOf(i + 1), Map.of()));
        }
        return new Order(Instance.DD, refNo, "Kitchen " + refNo, expected, lines);
    }

    private static Desk.Source customer(long id, String name, Order... orders) {
        Report report = new Report(name, List.of(orders), FilterChoices.none(), List.of(), Instant.EPOCH);
        return new Desk.Source(id, name, false, Instant.EPOCH,
                DeskOrders.of(id, report, new OrderModel(report, TODAY, STAGES, Duration.ofDays(7))), null, 0, "link",
                "mailto:");
    }

    /** Every row the filter keeps, in the desk's order. */
    private static List<DeskRow> rows(Desk desk, DeskFilter filter) {
        return desk.grouped(filter).stream().flatMap(group -> group.shown().stream()).toList();
    }

    @Test
    void onlyOrdersTheModelFlagsAreListedWithTheirReasons() {
        Desk desk = Desk.of(List.of(customer(1, "Acme",
                order("1", TODAY.minusDays(2), "Cutting"),
                order("2", TODAY.plusDays(5), "Ready for Dispatch"),
                order("3", TODAY.plusDays(5), "Cutting"),
                order("4", TODAY.plusDays(5), "On Hold", "Cutting"),
                order("5", TODAY.plusDays(9), "Cutting").withDateChange(new DateChange(TODAY, TODAY.minusDays(1))))));

        DeskCustomer acme = desk.customers().get(0);
        assertThat(acme.rows()).extracting(DeskRow::refNo).containsExactlyInAnyOrder("1", "2", "4", "5");
        assertThat(acme.rows()).filteredOn(row -> row.refNo().equals("1")).singleElement()
                .satisfies(row -> assertThat(row.states()).containsExactly(DeskState.OVERDUE));
        assertThat(acme.rows()).filteredOn(row -> row.refNo().equals("5")).singleElement()
                .satisfies(row -> assertThat(row.movedFrom()).isEqualTo(TODAY));
        assertThat(acme.openOrders()).isEqualTo(5);
        assertThat(List.of(acme.overdue(), acme.ready(), acme.onHold(), acme.moved())).containsExactly(1L, 1L, 1L, 1L);
    }

    @Test
    void theNewestProblemComesFirstAcrossAndWithinCustomersAndCustomersWithoutAReportAreLast() {
        Desk.Source noReport = new Desk.Source(3, "Aardvark", false, null, null, null, 0, "link", "mailto:");
        Desk desk = Desk.of(List.of(
                customer(1, "Late Since Monday", order("10", TODAY.minusDays(3), "Cutting")),
                noReport,
                customer(2, "Moved Today", order("20", TODAY.minusDays(9), "Cutting"),
                        order("21", TODAY.plusDays(9), "Cutting").withDateChange(new DateChange(TODAY, TODAY)))));

        assertThat(desk.customers()).extracting(DeskCustomer::name)
                .containsExactly("Moved Today", "Late Since Monday", "Aardvark");
        assertThat(desk.customers().get(0).rows()).extracting(DeskRow::refNo).containsExactly("21", "20");
        assertThat(desk.withoutReport()).extracting(DeskCustomer::name).containsExactly("Aardvark");
    }

    @Test
    void filtersNarrowByCustomerFactoryStateAndOrderNumberOrReference() {
        Desk desk = Desk.of(List.of(customer(1, "Acme", order("100", TODAY.minusDays(2), "Cutting"),
                order("200", TODAY.plusDays(2), "Ready for Dispatch")), customer(2, "Bolt",
                order("300", TODAY.minusDays(1), "Cutting"))));

        assertThat(rows(desk, DeskFilter.of("1", null, null, null))).extracting(DeskRow::refNo)
                .containsExactlyInAnyOrder("100", "200");
        assertThat(rows(desk, DeskFilter.of(null, "cbr", null, null))).isEmpty();
        assertThat(rows(desk, DeskFilter.of(null, "DD", "overdue", null))).extracting(DeskRow::refNo)
                .containsExactlyInAnyOrder("100", "300");
        assertThat(rows(desk, DeskFilter.of(null, null, null, "kitchen 2"))).extracting(DeskRow::refNo)
                .containsExactly("200");
        assertThat(desk.grouped(DeskFilter.of(null, null, "ready", null))).extracting(group -> group.customer().name())
                .containsExactly("Acme");
        assertThat(DeskFilter.of("x", "nowhere", "bogus", " ").isEmpty()).isTrue();
    }

    @Test
    void acrossCustomersEachShowsItsNewestFewWithExactCountsAndOneCustomerShowsAll() {
        Desk desk = Desk.of(List.of(customer(1, "Acme",
                        order("1", TODAY.minusDays(1), "Cutting"), order("2", TODAY.minusDays(2), "Cutting"),
                        order("3", TODAY.minusDays(3), "Cutting"), order("4", TODAY.plusDays(4), "Ready for Dispatch")),
                customer(2, "Bolt", order("5", TODAY.minusDays(1), "Cutting"))));

        List<DeskGroup> groups = desk.grouped(DeskFilter.NONE, 2);

        assertThat(groups).extracting(group -> group.customer().name()).containsExactly("Acme", "Bolt");
        DeskGroup acme = groups.get(0);
        assertThat(acme.shown()).extracting(DeskRow::refNo).containsExactly("4", "1");
        assertThat(List.of(acme.matching(), acme.hidden())).containsExactly(4, 2);
        assertThat(acme.customer().overdue()).isEqualTo(3);
        assertThat(groups.get(1).hidden()).isZero();

        assertThat(desk.grouped(DeskFilter.of(null, null, "overdue", null), 2).get(0))
                .satisfies(group -> assertThat(List.of(group.shown().size(), group.matching())).containsExactly(2, 3));
        DeskGroup all = desk.grouped(DeskFilter.of("1", null, "overdue", null), 2).get(0);
        assertThat(all.shown()).extracting(DeskRow::refNo).containsExactly("1", "2", "3");
        assertThat(all.hidden()).isZero();
    }

    @Test
    void showAllKeepsTheFilterAndNamesTheCustomer() {
        assertThat(DeskFilter.NONE.queryFor(7)).isEqualTo("?customer=7");
        assertThat(DeskFilter.of("3", "cbr", "on-hold", "Kitchen & Deck").queryFor(7))
                .isEqualTo("?customer=7&factory=CBR&state=on-hold&q=Kitchen+%26+Deck");
    }
}
