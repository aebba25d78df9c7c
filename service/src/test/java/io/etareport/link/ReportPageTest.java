package io.etareport.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.etareport.buz.Instance;
import io.etareport.buz.OrderLine;
import io.etareport.cache.Source;
import io.etareport.report.DateChange;
import io.etareport.report.FilterChoices;
import io.etareport.report.InstanceSource;
import io.etareport.report.Order;
import io.etareport.report.OrderModel;
import io.etareport.report.Report;
import io.etareport.report.Stages;
import java.time.Duration;
import io.etareport.report.ReportFilter;

import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;

class ReportPageTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 1, 10);
    private static final ReportPage.Settings SETTINGS = new ReportPage.Settings(TODAY, 1, 30);

    private static OrderLine line(String refNo, String status) {
        return new OrderLine(Instance.DD, refNo, "Kitchen", null, "Roller Blinds", "Blockout", status, "1", Map.of());
    }

    private static Order order(String refNo, LocalDate expected, boolean finished, boolean ready, DateChange change,
                               String status) {
        return new Order(Instance.DD, refNo, "Kitchen", expected, List.of(line(refNo, status)), finished, ready,
                change, null, 0);
    }

    private static ReportPage page(Order... orders) {
        Report report = new Report("Acme", List.of(orders),
                new FilterChoices(List.of("In Production"), List.of("Roller Blinds"), List.of("DD")), List.of(),
                Instant.parse("2025-01-10T00:00:00Z"));
        return ReportPage.of("0123456789abcdef0123456789abcdef", null, report,
                ReportFilter.of(new LinkedMultiValueMap<>()), ZoneId.of("Australia/Sydney"), SETTINGS);
    }

    private static final Stages STAGES = new Stages(List.of("Received", "In production", "Ready", "Dispatched"),
            "Ready", Map.of("Cutting", "In production", "Ready", "Ready", "Invoiced", Stages.DONE));

    @Test
    void theSummaryCountsWhatTheOrderModelSaysAndEachOrderCarriesItsSets() {
        List<Order> orders = List.of(
                order("LATE", TODAY.minusDays(1), false, false, null, "Cutting"),
                order("TODAY", TODAY, false, false, null, "Cutting"),
                order("DONE-LATE", TODAY.minusDays(5), true, false, null, "Invoiced"),
                order("READY", TODAY.plusDays(3), false, true, new DateChange(TODAY, TODAY.minusDays(6)), "Ready"),
                order("MOVED-LONG-AGO", TODAY.plusDays(3), false, false,
                        new DateChange(TODAY, TODAY.minusDays(40)), "Cutting"),
                order("UNDATED", null, false, false, null, "Cutting"));
        Report report = new Report("Acme", orders, FilterChoices.none(), List.of(),
                Instant.parse("2025-01-10T00:00:00Z"));
        ReportPage page = ReportPage.of("0123456789abcdef0123456789abcdef", null, report, ReportFilter.none(),
                ZoneId.of("Australia/Sydney"), SETTINGS, ReportPage.Narrowing.NONE,
                new OrderModel(report, TODAY, STAGES, Duration.ofDays(30)));

        // A finished order counts as ready (the model's rule), never as overdue.
        assertThat(page.summary()).isEqualTo(new ReportPage.Summary(6, 1, 2, 1));
        assertThat(page.orders()).filteredOn(ReportPage.OrderView::overdue)
                .extracting(ReportPage.OrderView::refNo).containsExactly("LATE");
        assertThat(page.orders()).extracting(ReportPage.OrderView::states)
                .containsExactly("overdue", "", "ready", "ready moved", "", "");
        assertThat(page.orders().get(0).late()).isEqualTo("1 business day late");
        assertThat(page.orders().get(0).state()).isEqualTo("In production");
    }

    @Test
    void aRecentMoveSaysWhatTheDateWasWhichWayItMovedAndWhen() {
        ReportPage page = page(
                order("LATER", LocalDate.of(2025, 1, 20), false, false,
                        new DateChange(LocalDate.of(2025, 1, 15), LocalDate.of(2025, 1, 3)), "Cutting"),
                order("EARLIER", LocalDate.of(2025, 1, 12), false, false,
                        new DateChange(LocalDate.of(2025, 1, 15), LocalDate.of(2024, 12, 12)), "Cutting"),
                order("OLD-MOVE", LocalDate.of(2025, 1, 12), false, false,
                        new DateChange(LocalDate.of(2025, 1, 15), LocalDate.of(2024, 12, 11)), "Cutting"),
                order("NEVER", LocalDate.of(2025, 1, 12), false, false, null, "Cutting"));

        assertThat(page.orders()).extracting(ReportPage.OrderView::moved).containsExactly(
                "was 15 Jan — moved later on 3 Jan", "was 15 Jan — moved earlier on 12 Dec", null, null);
    }

    @Test
    void expectedDatesShowTheirWindowAndEachOrderAsksAboutItsNumberAndReference() {
        ReportPage.OrderView view = page(order("300123", LocalDate.of(2025, 1, 6), false, false, null, "Cutting"))
                .orders().get(0);

        assertThat(view.window()).isEqualTo("03 Jan 2025 – 07 Jan 2025");
        assertThat(view.askAbout()).isEqualTo("Order 300123 (ref Kitchen)");
    }

    @Test
    void aLineShowsItsStatusSpelledAsTheFilterSpellsIt() {
        ReportPage page = page(order("A", TODAY, false, false, null, " in  PRODUCTION "));

        assertThat(page.orders().get(0).lines().get(0).status()).isEqualTo("In Production");
    }

    @Test
    void theTrackerMarksStagesBeforeTheOrdersAsDoneAndItsOwnAsCurrent() {
        Order order = new Order(Instance.DD, "7", "Kitchen", TODAY, List.of(line("7", "Cutting"), line("7", "Ready"),
                line("7", "Ready")), false, false, null, "In production", 2);

        List<ReportPage.StageView> tracker = ReportPage.tracker(order,
                List.of("Received", "In production", "Ready", "Dispatched"));

        assertThat(tracker).containsExactly(new ReportPage.StageView("Received", true, false),
                new ReportPage.StageView("In production", false, true),
                new ReportPage.StageView("Ready", false, false), new ReportPage.StageView("Dispatched", false, false));
        assertThat(ReportPage.itemsReady(order)).isEqualTo("2 of 3 items ready");
        assertThat(ReportPage.tracker(order, List.of("Received", "Ready"))).as("a stage no longer configured")
                .isEmpty();
    }

    @Test
    void ordersAreGroupedUnderAHeadingPerExpectedWeekUndatedFirst() {
        ReportPage page = page(
                order("U", null, false, false, null, "Cutting"),
                order("MON", LocalDate.of(2025, 1, 6), false, false, null, "Cutting"),
                order("SUN", LocalDate.of(2025, 1, 12), false, false, null, "Cutting"),
                order("NEXT", LocalDate.of(2025, 1, 13), false, false, null, "Cutting"));

        assertThat(page.weeks()).extracting(ReportPage.WeekView::heading).containsExactly(
                "No expected date yet", "Week of 06 Jan 2025", "Week of 13 Jan 2025");
        assertThat(page.weeks().get(1).orders()).extracting(ReportPage.OrderView::refNo).containsExactly("MON", "SUN");
        assertThat(page.weeks()).extracting(ReportPage.WeekView::id).doesNotHaveDuplicates();
    }

    private static Report zoned() {
        return new Report("Acme", List.of(), FilterChoices.none(), List.of(new InstanceSource(Instance.DD,
                Source.CACHE_503, Instant.parse("2025-01-04T22:00:00Z"))), Instant.parse("2025-01-05T01:30:00Z"));
    }

    /** The page shows times in the service's one time zone ({@code eta.time-zone}), and names it. */
    @Test
    void timesAreShownInTheConfiguredZone() {
        ReportPage sydney = ReportPage.of("0123456789abcdef0123456789abcdef", null, zoned(), ReportFilter.none(),
                ZoneId.of("Australia/Sydney"), SETTINGS);
        ReportPage perth = ReportPage.of("0123456789abcdef0123456789abcdef", null, zoned(), ReportFilter.none(),
                ZoneId.of("Australia/Perth"), SETTINGS);

        assertThat(sydney.updated()).isEqualTo("5 Jan 2025, 12:30 PM");
        assertThat(sydney.zoneName()).isEqualTo("Sydney");
        assertThat(perth.updated()).isEqualTo("5 Jan 2025, 9:30 AM");
        assertThat(perth.zoneName()).isEqualTo("Perth");
        assertThat(perth.notices()).singleElement().asString()
                .contains("last refreshed 3 hours ago (5 Jan 2025, 6:00 AM Perth time)");
    }

    private static Order memberOrder(String refNo, LocalDate expected, boolean ready, String member) {
        OrderLine line = new OrderLine(Instance.CBR, refNo, "Site " + refNo, null, "Roller Blinds", "Blockout",
                ready ? "Ready" : "Cutting", "1", Map.of("Customer", member));
        return new Order(Instance.CBR, refNo, "Site " + refNo, expected, List.of(line), false, ready, null, null, 0);
    }

    private static ReportPage narrowed(ReportPage.Narrowing narrowing, List<Order> orders) {
        Report report = new Report("Big Group", orders, FilterChoices.none(), List.of(),
                Instant.parse("2025-01-10T00:00:00Z"));
        return ReportPage.of("0123456789abcdef0123456789abcdef", "job", report, ReportFilter.none(),
                ZoneId.of("Australia/Sydney"), SETTINGS, narrowing, new OrderModel(report, TODAY, STAGES,
                        Duration.ofDays(30)));
    }

    @Test
    void theHeaderSaysHowOldTheOldestDataShownIsAndItsTimeInTheBusinessZone() {
        Report report = new Report("Acme", List.of(), FilterChoices.none(), List.of(
                InstanceSource.live(Instance.CBR, Instant.parse("2026-12-07T08:27:00Z")),
                new InstanceSource(Instance.DD, Source.CACHE_BLACKOUT, Instant.parse("2026-12-07T08:21:00Z"))),
                Instant.parse("2026-12-07T08:27:00Z"));

        assertThat(ReportPage.freshness(report, ZoneId.of("Australia/Sydney"), Instant.parse("2026-12-07T08:27:30Z")))
                .isEqualTo("Updated 6 minutes ago, 7:21 PM Sydney time");
        assertThat(ReportPage.freshness(report, ZoneId.of("Australia/Sydney"), Instant.parse("2026-12-09T08:27:30Z")))
                .as("another day names the day").isEqualTo("Updated 2 days ago, 7 Dec, 7:21 PM Sydney time");
    }

    @Test
    void aGroupsPageNamesEachOrdersMemberAndNarrowsToOneMemberOrOneSummarySet() {
        List<Order> orders = List.of(memberOrder("1", TODAY.minusDays(3), false, "Alpha Blinds"),
                memberOrder("2", TODAY.plusDays(2), true, "Beta Shades"),
                memberOrder("3", TODAY.plusDays(3), false, "alpha blinds"));

        ReportPage all = narrowed(ReportPage.Narrowing.NONE, orders);
        assertThat(all.orders()).extracting(ReportPage.OrderView::member)
                .containsExactly("Alpha Blinds", "Beta Shades", "alpha blinds");
        assertThat(all.members()).as("one choice per member, case aside").containsExactly("Alpha Blinds",
                "Beta Shades");

        ReportPage alpha = narrowed(new ReportPage.Narrowing(null, "ALPHA blinds"), orders);
        assertThat(alpha.orders()).filteredOn(view -> !view.hidden()).extracting(ReportPage.OrderView::refNo)
                .containsExactly("1", "3");
        assertThat(alpha.visibleOrders()).isEqualTo(2);
        assertThat(alpha.filtered()).isTrue();

        ReportPage overdue = narrowed(ReportPage.Narrowing.of(Map.of("state", List.of("overdue"))), orders);
        assertThat(overdue.orders()).filteredOn(view -> !view.hidden()).extracting(ReportPage.OrderView::refNo)
                .containsExactly("1");
        ReportPage ready = narrowed(ReportPage.Narrowing.of(Map.of("state", List.of("ready"))), orders);
        assertThat(ready.orders()).filteredOn(view -> !view.hidden()).extracting(ReportPage.OrderView::refNo)
                .containsExactly("2");
        assertThat(ReportPage.Narrowing.of(Map.of("state", List.of("nonsense"))).isEmpty()).isTrue();
    }

    @Test
    void aSingleCustomersPageNamesNoMember() {
        ReportPage page = narrowed(ReportPage.Narrowing.NONE, List.of(memberOrder("1", TODAY, false, "Alpha"),
                memberOrder("2", TODAY, false, "Alpha")));

        assertThat(page.orders()).extracting(ReportPage.OrderView::member).containsOnlyNulls();
        assertThat(page.members()).isEmpty();
    }

    @Test
    void aLongReportShowsOneLinePerOrderWithItsLinesOnDemandUnlessAFilterLeavesFew() {
        List<Order> many = new java.util.ArrayList<>();
        for (int i = 0; i < ReportPage.FULL_ORDERS + 1; i++) {
            many.add(memberOrder("N" + i, TODAY.plusDays(i), false, "M" + (i % 3)));
        }
        assertThat(narrowed(ReportPage.Narrowing.NONE, many.subList(0, ReportPage.FULL_ORDERS)).orders())
                .allMatch(ReportPage.OrderView::full);
        assertThat(narrowed(ReportPage.Narrowing.NONE, many).orders()).noneMatch(ReportPage.OrderView::full);

        ReportPage one = narrowed(new ReportPage.Narrowing(null, "M1"), many);
        assertThat(one.orders()).filteredOn(ReportPage.OrderView::full).hasSize(one.visibleOrders())
                .noneMatch(ReportPage.OrderView::hidden);
        assertThat(one.order("CBR|N5")).get().extracting(ReportPage.OrderView::full).isEqualTo(true);
    }

    @Test
    void weeksAfterTheNextFourWithOrdersStartCollapsedUnlessTheListIsNarrowed() {
        // TODAY is Friday 10 Jan 2025. Past weeks stay open; of the weeks from this one on, the first four with
        // orders stay open, however far ahead they are.
        List<Order> orders = List.of(memberOrder("PAST", LocalDate.of(2024, 12, 2), false, "A"),
                memberOrder("NOW", TODAY, false, "A"), memberOrder("FEB", LocalDate.of(2025, 2, 3), false, "A"),
                memberOrder("MAR", LocalDate.of(2025, 3, 3), false, "A"),
                memberOrder("APR", LocalDate.of(2025, 4, 7), false, "A"),
                memberOrder("MAY", LocalDate.of(2025, 5, 5), false, "A"),
                memberOrder("MAY2", LocalDate.of(2025, 5, 6), false, "A"));

        List<ReportPage.WeekView> weeks = narrowed(ReportPage.Narrowing.NONE, orders).weeks();
        assertThat(weeks).extracting(ReportPage.WeekView::later).containsExactly(false, false, false, false, false,
                true);
        assertThat(weeks.get(5).count()).isEqualTo("2 orders");
        assertThat(narrowed(new ReportPage.Narrowing("overdue", null), orders).weeks())
                .noneMatch(ReportPage.WeekView::later);
    }
}
