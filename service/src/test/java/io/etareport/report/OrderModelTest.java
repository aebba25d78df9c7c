package io.etareport.report;

import io.etareport.buz.OrderLine;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.etareport.buz.Instance.CBR;
import static io.etareport.buz.Instance.DD;
import static org.assertj.core.api.Assertions.assertThat;

/** What an order means to its customer: the rules every surface reads. */
class OrderModelTest {

    /** A Monday. */
    private static final LocalDate TODAY = LocalDate.of(2025, 1, 13);
    private static final LocalDate LAST_MONDAY = LocalDate.of(2025, 1, 6);

    private static final Stages STAGES = new Stages(
            List.of("Received", "In production", "Ready", "Dispatched"), "Ready", "On hold",
            Map.of("Entered", "Received",
                    "Cutting", "In production",
                    "In Production", "In production",
                    "Ready for Dispatch", "Ready",
                    "Invoiced", "Done",
                    "Cancelled", "Cancelled",
                    "On Hold", "On hold",
                    "Retired", "A stage no longer configured"));

    private static OrderLine line(String refNo, int number, String status) {
        return new OrderLine(DD, refNo, "Kitchen", null, "Roller Blinds", "Blockout", status,
                String.valueOf(number), Map.of());
    }

    private static Order order(String refNo, LocalDate expected, String... statuses) {
        List<OrderLine> lines = new ArrayList<>();
        for (int i = 0; i < statuses.length; i++) {
            lines.add(line(refNo, i + 1, statuses[i]));
        }
        return new Order(DD, refNo, "Kitchen", expected, lines);
    }

    private static OrderModel model(Order... orders) {
        return model(FilterChoices.none(), orders);
    }

    private static OrderModel model(FilterChoices choices, Order... orders) {
        Report report = new Report("Acme Blinds", List.of(orders), choices, List.of(), Instant.EPOCH);
        return new OrderModel(report, TODAY, STAGES, Duration.ofDays(30));
    }

    private static OrderView only(Order order) {
        return model(order).orders().get(0);
    }

    @Test
    void anOrderDispatchedButPastItsDateIsReadyAndNotOverdue() {
        OrderView view = only(order("41639", LAST_MONDAY, "Dispatched"));

        assertThat(view.state()).isEqualTo("Dispatched");
        assertThat(view.ready()).isTrue();
        assertThat(view.overdue()).isFalse();
        assertThat(view.businessDaysLate()).isZero();
        assertThat(view.lateText()).isNull();
        assertThat(view.cancelled()).isFalse();
        assertThat(view.done()).isFalse();
        assertThat(view.itemsReadyText()).isEqualTo("1 item ready");
    }

    @Test
    void anOrderNotReadyPastItsDateIsOverdueByBusinessDays() {
        OrderView view = only(order("1", LAST_MONDAY, "Cutting", "Dispatched"));

        assertThat(view.state()).isEqualTo("In production");
        assertThat(view.ready()).isFalse();
        assertThat(view.overdue()).isTrue();
        assertThat(view.businessDaysLate()).isEqualTo(5);
        assertThat(view.lateText()).isEqualTo("5 business days late");
        assertThat(view.itemsReadyText()).isEqualTo("1 of 2 items ready");
    }

    @Test
    void anOrderIsNeverOverdueAndReadyAtOnce() {
        for (String status : List.of("Entered", "Cutting", "Ready for Dispatch", "Dispatched", "Invoiced",
                "Cancelled", "On Hold", "Something new", "")) {
            OrderView view = only(order("1", LAST_MONDAY, status));
            assertThat(view.overdue() && view.ready()).as(status).isFalse();
        }
    }

    @Test
    void anOrderExpectedTodayIsNotYetOverdue() {
        OrderView view = only(order("1", TODAY, "Cutting"));

        assertThat(view.overdue()).isFalse();
        assertThat(view.businessDaysLate()).isZero();
    }

    @Test
    void anOrderExpectedYesterdayIsOneBusinessDayLate() {
        OrderView view = only(order("1", TODAY.minusDays(1), "Cutting"));

        assertThat(view.overdue()).isTrue();
        assertThat(view.businessDaysLate()).isEqualTo(1);
        assertThat(view.lateText()).isEqualTo("1 business day late");
    }

    @Test
    void weekendsAreNotCountedAsDaysLate() {
        LocalDate friday = LocalDate.of(2025, 1, 10);
        LocalDate saturday = LocalDate.of(2025, 1, 11);

        assertThat(OrderModel.businessDaysBetween(friday, TODAY)).isEqualTo(1);
        assertThat(OrderModel.businessDaysBetween(LocalDate.of(2025, 1, 3), TODAY)).isEqualTo(6);
        assertThat(OrderModel.businessDaysBetween(friday, saturday)).isZero();
        assertThat(OrderModel.businessDaysBetween(TODAY, TODAY)).isZero();
    }

    @Test
    void anOrderLateOnlyOverTheWeekendIsStillAtLeastOneBusinessDayLate() {
        Report report = new Report("Acme", List.of(order("1", LocalDate.of(2025, 1, 10), "Cutting")),
                FilterChoices.none(), List.of(), Instant.EPOCH);
        OrderView view = new OrderModel(report, LocalDate.of(2025, 1, 12), STAGES, Duration.ZERO).orders().get(0);

        assertThat(view.overdue()).isTrue();
        assertThat(view.businessDaysLate()).isEqualTo(1);
    }

    @Test
    void anOrderWithEveryLineCancelledIsCancelledNeverReadyNeverLate() {
        OrderView view = only(order("2", LAST_MONDAY, "Cancelled", "CANCELLED"));

        assertThat(view.state()).isEqualTo("Cancelled");
        assertThat(view.cancelled()).isTrue();
        assertThat(view.ready()).isFalse();
        assertThat(view.overdue()).isFalse();
        assertThat(view.itemsActive()).isZero();
        assertThat(view.itemsCancelled()).isEqualTo(2);
        assertThat(view.itemsReady()).isZero();
        assertThat(view.itemsReadyText()).isEqualTo("2 cancelled");
    }

    @Test
    void cancelledLinesAreLeftOutOfItemsReadyAndSaidApart() {
        OrderView view = only(order("3", TODAY, "Ready for Dispatch", "Cutting", "Cancelled"));

        assertThat(view.itemsReady()).isEqualTo(1);
        assertThat(view.itemsActive()).isEqualTo(2);
        assertThat(view.itemsCancelled()).isEqualTo(1);
        assertThat(view.itemsReadyText()).isEqualTo("1 of 2 items ready, 1 cancelled");
        assertThat(view.state()).as("the least advanced active line").isEqualTo("In production");
        assertThat(view.lines()).extracting(LineView::cancelled).containsExactly(false, false, true);
    }

    @Test
    void aCancelledLineDoesNotStopTheRestBeingReady() {
        OrderView view = only(order("3", LAST_MONDAY, "Dispatched", "Cancelled"));

        assertThat(view.ready()).isTrue();
        assertThat(view.overdue()).isFalse();
        assertThat(view.state()).isEqualTo("Dispatched");
        assertThat(view.itemsReadyText()).isEqualTo("1 item ready, 1 cancelled");
    }

    @Test
    void oneLineOnHoldAmongDispatchedLinesPutsTheOrderOnHold() {
        OrderView view = only(order("4", LAST_MONDAY, "Dispatched", "On Hold", "Dispatched"));

        assertThat(view.state()).isEqualTo("On hold");
        assertThat(view.onHold()).isTrue();
        assertThat(view.ready()).isFalse();
        assertThat(view.overdue()).isTrue();
        assertThat(view.itemsReadyText()).isEqualTo("2 of 3 items ready");
        assertThat(view.lines()).extracting(LineView::stage).containsExactly("Dispatched", "On hold", "Dispatched");
    }

    @Test
    void aCancelledLineOnHoldDoesNotHoldTheOrder() {
        OrderView view = only(order("4", TODAY, "Dispatched", "Cancelled"));

        assertThat(view.onHold()).isFalse();
    }

    @Test
    void invoicedAndReadyLinesMakeAReadyOrderAtTheReadyStage() {
        OrderView view = only(order("5", LAST_MONDAY, "Invoiced", "Ready for Dispatch"));

        assertThat(view.state()).isEqualTo("Ready");
        assertThat(view.ready()).isTrue();
        assertThat(view.overdue()).isFalse();
        assertThat(view.itemsReadyText()).isEqualTo("2 of 2 items ready");
    }

    @Test
    void anOrderWithEveryActiveLineInvoicedIsDone() {
        OrderView view = only(order("6", LAST_MONDAY, "Invoiced", "invoiced", "Cancelled"));

        assertThat(view.state()).isEqualTo("Done");
        assertThat(view.done()).isTrue();
        assertThat(view.ready()).isTrue();
        assertThat(view.overdue()).isFalse();
        assertThat(view.itemsReadyText()).isEqualTo("2 of 2 items ready, 1 cancelled");
    }

    @Test
    void theSameStatusSpelledDifferentlyIsOneStageAndOneLabel() {
        FilterChoices choices = new FilterChoices(List.of("In Production"), List.of(), List.of());
        OrderView view = model(choices, order("7", TODAY, "IN PRODUCTION", " in  production", "In Production"))
                .orders().get(0);

        assertThat(view.lines()).extracting(LineView::stage).containsOnly("In production");
        assertThat(view.lines()).extracting(LineView::status).containsOnly("In Production");
        assertThat(view.state()).isEqualTo("In production");
    }

    @Test
    void aStatusNotAmongTheChoicesIsShownTidied() {
        OrderView view = only(order("7", TODAY, "  Sewing   room ", ""));

        assertThat(view.lines()).extracting(LineView::status).containsExactly("Sewing room", null);
    }

    @Test
    void anOrderWithNoDateIsNeverOverdue() {
        OrderView view = only(order("8", null, "Cutting"));

        assertThat(view.overdue()).isFalse();
        assertThat(view.businessDaysLate()).isZero();
    }

    @Test
    void theLeastAdvancedActiveLineGivesTheState() {
        assertThat(only(order("9", TODAY, "Dispatched", "Entered", "Ready for Dispatch")).state())
                .isEqualTo("Received");
        assertThat(only(order("9", TODAY, "Ready for Dispatch", "Dispatched")).state()).isEqualTo("Ready");
        assertThat(only(order("9", TODAY, "Dispatched", "Dispatched")).state()).isEqualTo("Dispatched");
    }

    @Test
    void aLineWithNoKnownStageNeverMakesAnOrderLookFurtherAlong() {
        OrderView unknown = only(order("10", LAST_MONDAY, "Dispatched", "Something new"));
        OrderView blank = only(order("10", LAST_MONDAY, "Dispatched", " "));
        OrderView retired = only(order("10", LAST_MONDAY, "Dispatched", "Retired"));

        for (OrderView view : List.of(unknown, blank, retired)) {
            assertThat(view.state()).isNull();
            assertThat(view.ready()).isFalse();
            assertThat(view.overdue()).isTrue();
            assertThat(view.itemsReady()).isEqualTo(1);
            assertThat(view.itemsActive()).isEqualTo(2);
        }
        assertThat(unknown.lines()).extracting(LineView::stage).containsExactly("Dispatched", null);
    }

    @Test
    void anOrderOnHoldStaysOnHoldWithAnUnknownLine() {
        assertThat(only(order("10", TODAY, "On Hold", "Something new")).state()).isEqualTo("On hold");
    }

    @Test
    void anOrderWithNoLinesHasNoStateAndIsNotReady() {
        OrderView view = only(order("11", LAST_MONDAY));

        assertThat(view.state()).isNull();
        assertThat(view.ready()).isFalse();
        assertThat(view.overdue()).isFalse();
        assertThat(view.itemsReadyText()).isNull();
    }

    @Test
    void anOrderWithNothingReadyAndNothingCancelledSaysNothingAboutItems() {
        assertThat(only(order("12", TODAY, "Cutting", "Cutting")).itemsReadyText()).isNull();
        assertThat(only(order("12", TODAY, "Dispatched", "Dispatched")).itemsReadyText())
                .isEqualTo("2 of 2 items ready");
        assertThat(only(order("12", TODAY, "Dispatched", "Cutting")).itemsReadyText())
                .isEqualTo("1 of 2 items ready");
    }

    @Test
    void aMoveOfTheExpectedDateIsRecentForTheConfiguredDays() {
        Order seenToday = order("13", TODAY, "Cutting").withDateChange(new DateChange(LAST_MONDAY, TODAY));
        Order seen29DaysAgo = order("14", TODAY, "Cutting")
                .withDateChange(new DateChange(LAST_MONDAY, TODAY.minusDays(29)));
        Order seen30DaysAgo = order("15", TODAY, "Cutting")
                .withDateChange(new DateChange(LAST_MONDAY, TODAY.minusDays(30)));
        Order seenWhenUnknown = order("16", TODAY, "Cutting").withDateChange(new DateChange(LAST_MONDAY, null));
        Order neverMoved = order("17", TODAY, "Cutting");

        OrderModel model = model(seenToday, seen29DaysAgo, seen30DaysAgo, seenWhenUnknown, neverMoved);

        assertThat(model.orders()).extracting(OrderView::movedRecently)
                .containsExactly(true, true, false, false, false);
        assertThat(model.movedCount()).isEqualTo(2);
    }

    @Test
    void noMoveIsRecentWhenMovesAreNotShown() {
        Order moved = order("13", TODAY, "Cutting").withDateChange(new DateChange(LAST_MONDAY, TODAY));
        Report report = new Report("Acme", List.of(moved), FilterChoices.none(), List.of(), Instant.EPOCH);

        assertThat(new OrderModel(report, TODAY, STAGES, Duration.ZERO).orders().get(0).movedRecently()).isFalse();
        assertThat(new OrderModel(report, TODAY, STAGES, null).orders().get(0).movedRecently()).isFalse();
    }

    /** Zero days turns the news off altogether: not even a move another node saw on a clock a day ahead. */
    @Test
    void noMoveIsRecentWhenMovesAreNotShownWhenEverItWasSeen() {
        Order seenTomorrow = order("13", TODAY, "Cutting")
                .withDateChange(new DateChange(LAST_MONDAY, TODAY.plusDays(1)));
        Report report = new Report("Acme", List.of(seenTomorrow), FilterChoices.none(), List.of(), Instant.EPOCH);

        assertThat(new OrderModel(report, TODAY, STAGES, Duration.ZERO).orders().get(0).movedRecently()).isFalse();
        assertThat(new OrderModel(report, TODAY, STAGES, Duration.ofDays(1)).orders().get(0).movedRecently())
                .isTrue();
    }

    @Test
    void theModelCountsEachSetOnceInReportOrder() {
        OrderModel model = model(
                order("A", LAST_MONDAY, "Cutting"),
                order("B", LAST_MONDAY, "Dispatched"),
                order("C", TODAY, "On Hold"),
                order("D", TODAY, "Ready for Dispatch", "Invoiced"),
                order("E", LAST_MONDAY, "Cancelled"));

        assertThat(model.orders()).extracting(view -> view.order().refNo()).containsExactly("A", "B", "C", "D", "E");
        assertThat(model.overdueCount()).isEqualTo(1);
        assertThat(model.readyCount()).isEqualTo(2);
        assertThat(model.onHoldCount()).isEqualTo(1);
        assertThat(model.movedCount()).isZero();
    }

    @Test
    void anOrderIsFoundByItsFactoryAndNumber() {
        Order atDd = order("300", TODAY, "Cutting");
        Order atCbr = new Order(CBR, "300", null, TODAY, List.of(line("300", 1, "Dispatched")));
        OrderModel model = model(atDd, atCbr);

        assertThat(model.find(DD, "300")).get().extracting(OrderView::state).isEqualTo("In production");
        assertThat(model.find(CBR, "300")).get().extracting(OrderView::state).isEqualTo("Dispatched");
        assertThat(model.find(CBR, " 300 ")).isPresent();
        assertThat(model.find(DD, "301")).isEmpty();
        assertThat(model.of(atDd.withLines(List.of()))).get().extracting(OrderView::order).isEqualTo(atDd);
    }

    @Test
    void linesKeepTheirOrderAndTheirStoredLine() {
        Order order = order("18", TODAY, "Cutting", "Dispatched");
        OrderView view = only(order);

        assertThat(view.order()).isSameAs(order);
        assertThat(view.lines()).extracting(LineView::line).containsExactlyElementsOf(order.lines());
        assertThat(view.lines()).extracting(LineView::cancelled).containsExactly(false, false);
    }

    @Test
    void withoutAReadyStageOnlyFinishedLinesAreReady() {
        Stages noReady = new Stages(List.of("Received", "Dispatched"), null, Map.of("Invoiced", "Done"));
        Report report = new Report("Acme", List.of(order("19", LAST_MONDAY, "Dispatched"),
                order("20", LAST_MONDAY, "Invoiced")), FilterChoices.none(), List.of(), Instant.EPOCH);
        OrderModel model = new OrderModel(report, TODAY, noReady, Duration.ZERO);

        assertThat(model.orders()).extracting(OrderView::ready).containsExactly(false, true);
        assertThat(model.orders()).extracting(OrderView::overdue).containsExactly(true, false);
    }

}
