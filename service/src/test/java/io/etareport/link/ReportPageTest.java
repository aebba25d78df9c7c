package io.etareport.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
import io.etareport.report.Stages;
import io.etareport.report.Report;
import io.etareport.report.ReportFilter;

import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;

class ReportPageTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 1, 10);
    private static final ReportPage.Settings SETTINGS = new ReportPage.Settings(TODAY, 1, 30);

    private static OrderLine line(String refNo, String status) {
        return new OrderLine(Instance.DD, refNo, "Kitchen", null, "Roller Blinds", "Blockout", status, "1", Map.of());
    }

    private static final Stages STAGES = new Stages(List.of("Received", "In production", "Ready", "Dispatched"),
            "Ready", Map.of("Cutting", "In production", "Invoiced", "Done"));

    private static Order order(String refNo, LocalDate expected, DateChange change, String status) {
        return new Order(Instance.DD, refNo, "Kitchen", expected, List.of(line(refNo, status)), change);
    }

    private static ReportPage page(Order... orders) {
        return page(ReportFilter.of(new LinkedMultiValueMap<>()), orders);
    }

    private static ReportPage page(ReportFilter filter, Order... orders) {
        Report report = new Report("Acme", List.of(orders),
                new FilterChoices(List.of("In Production"), List.of("Roller Blinds"), List.of("DD")), List.of(),
                Instant.parse("2025-01-10T00:00:00Z"));
        return ReportPage.of("0123456789abcdef0123456789abcdef", null, report, model(report), filter,
                ZoneId.of("Australia/Sydney"), SETTINGS);
    }

    private static OrderModel model(Report report) {
        return new OrderModel(report, TODAY, STAGES, Duration.ofDays(30));
    }

    @Test
    void theSummaryCountsTheOrderModelsSetsOverdueReadyMovedAndOnHold() {
        ReportPage page = page(
                order("LATE", TODAY.minusDays(1), null, "Cutting"),
                order("TODAY", TODAY, null, "Cutting"),
                order("DONE-LATE", TODAY.minusDays(5), null, "Invoiced"),
                order("READY", TODAY.plusDays(3), new DateChange(TODAY, TODAY.minusDays(6)), "Ready"),
                order("MOVED-LONG-AGO", TODAY.plusDays(3),
                        new DateChange(TODAY, TODAY.minusDays(7)), "Cutting"),
                order("UNDATED", null, null, "Cutting"));

        assertThat(page.summary()).as("a finished order counts as ready; moves count for show-moves-for (30 days)")
                .isEqualTo(new ReportPage.Summary(6, 1, 2, 2, 0));
        assertThat(page.orders()).filteredOn(ReportPage.OrderView::overdue)
                .extracting(ReportPage.OrderView::refNo).containsExactly("LATE");
    }

    @Test
    void aRecentMoveSaysWhatTheDateWasWhichWayItMovedAndWhen() {
        ReportPage page = page(
                order("LATER", LocalDate.of(2025, 1, 20),
                        new DateChange(LocalDate.of(2025, 1, 15), LocalDate.of(2025, 1, 3)), "Cutting"),
                order("EARLIER", LocalDate.of(2025, 1, 12),
                        new DateChange(LocalDate.of(2025, 1, 15), LocalDate.of(2024, 12, 12)), "Cutting"),
                order("OLD-MOVE", LocalDate.of(2025, 1, 12),
                        new DateChange(LocalDate.of(2025, 1, 15), LocalDate.of(2024, 12, 11)), "Cutting"),
                order("NEVER", LocalDate.of(2025, 1, 12), null, "Cutting"));

        assertThat(page.orders()).extracting(ReportPage.OrderView::moved).containsExactly(
                "was 15 Jan — moved later on 3 Jan", "was 15 Jan — moved earlier on 12 Dec", null, null);
    }

    @Test
    void expectedDatesShowTheirWindowAndEachOrderAsksAboutItsNumberAndReference() {
        ReportPage.OrderView view = page(order("300123", LocalDate.of(2025, 1, 6), null, "Cutting"))
                .orders().get(0);

        assertThat(view.window()).isEqualTo("03 Jan 2025 – 07 Jan 2025");
        assertThat(view.askAbout()).isEqualTo("Order 300123 (ref Kitchen)");
    }

    @Test
    void aLineShowsItsStatusSpelledAsTheFilterSpellsIt() {
        ReportPage page = page(order("A", TODAY, null, " in  PRODUCTION "));

        assertThat(page.orders().get(0).lines().get(0).status()).isEqualTo("In Production");
    }

    @Test
    void theTrackerMarksStagesBeforeTheOrdersAsDoneAndItsOwnAsCurrent() {
        Order order = new Order(Instance.DD, "7", "Kitchen", TODAY, List.of(line("7", "Cutting"), line("7", "Ready"),
                line("7", "Ready")));
        ReportPage.OrderView view = page(order).orders().get(0);

        List<ReportPage.StageView> tracker = ReportPage.tracker(view.state(),
                List.of("Received", "In production", "Ready", "Dispatched"));

        assertThat(tracker).containsExactly(new ReportPage.StageView("Received", true, false),
                new ReportPage.StageView("In production", false, true),
                new ReportPage.StageView("Ready", false, false), new ReportPage.StageView("Dispatched", false, false));
        assertThat(view.itemsReady()).isEqualTo("2 of 3 items ready");
        assertThat(ReportPage.tracker(view.state(), List.of("Received", "Ready"))).as("a stage no longer configured")
                .isEmpty();
    }

    @Test
    void ordersAreGroupedUnderAHeadingPerExpectedWeekUndatedFirst() {
        ReportPage page = page(
                order("U", null, null, "Cutting"),
                order("MON", LocalDate.of(2025, 1, 6), null, "Cutting"),
                order("SUN", LocalDate.of(2025, 1, 12), null, "Cutting"),
                order("NEXT", LocalDate.of(2025, 1, 13), null, "Cutting"));

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
        ReportPage sydney = ReportPage.of("0123456789abcdef0123456789abcdef", null, zoned(), model(zoned()),
                ReportFilter.none(), ZoneId.of("Australia/Sydney"), SETTINGS);
        ReportPage perth = ReportPage.of("0123456789abcdef0123456789abcdef", null, zoned(), model(zoned()),
                ReportFilter.none(), ZoneId.of("Australia/Perth"), SETTINGS);

        assertThat(sydney.updated()).isEqualTo("5 Jan 2025, 12:30 PM");
        assertThat(sydney.zoneName()).isEqualTo("Sydney");
        assertThat(perth.updated()).isEqualTo("5 Jan 2025, 9:30 AM");
        assertThat(perth.zoneName()).isEqualTo("Perth");
        assertThat(perth.notices()).singleElement().asString()
                .contains("last refreshed 3 hours ago (5 Jan 2025, 6:00 AM Perth time)");
    }

    private static ReportPage page(String query, Order... orders) {
        Report report = new Report("Acme", List.of(orders),
                new FilterChoices(List.of("In Production"), List.of("Roller Blinds"), List.of("DD")), List.of(),
                Instant.parse("2025-01-10T00:00:00Z"));
        LinkedMultiValueMap<String, String> params = new LinkedMultiValueMap<>(
                org.springframework.web.util.UriComponentsBuilder.fromUriString("/?" + query).build().getQueryParams());
        return ReportPage.of("0123456789abcdef0123456789abcdef", null, report, ReportFilter.of(params),
                ZoneId.of("Australia/Sydney"), SETTINGS, ReportPage.Narrowing.of(params), model(report));
    }

    /** A summary count is a shortcut: its link is the page shown, and Filter / download stays shut. */
    @Test
    void aSummaryShortcutIsThePageShownAndKeepsFilterAndDownloadShut() {
        Order late = order("LATE", TODAY.minusDays(1), null, "Cutting");
        Order ready = order("READY", TODAY.plusDays(3), null, "Ready");

        ReportPage overdue = page("state=overdue", late, ready);
        assertThat(overdue.showing("overdue")).isTrue();
        assertThat(overdue.showing("ready")).isFalse();
        assertThat(overdue.showing(null)).isFalse();
        assertThat(overdue.toolsOpen()).isFalse();
        assertThat(overdue.stateFilter()).isEqualTo("overdue");
        assertThat(overdue.orders()).filteredOn(view -> !view.hidden()).extracting(ReportPage.OrderView::refNo)
                .containsExactly("LATE");
        assertThat(overdue.downloadQuery()).isEqualTo("?state=overdue");

        ReportPage narrowed = page("state=overdue&supplier=DD", late, ready);
        assertThat(narrowed.showing("overdue")).as("a filter besides the shortcut").isFalse();
        assertThat(narrowed.toolsOpen()).isTrue();

        ReportPage all = page("", late, ready);
        assertThat(all.showing(null)).isTrue();
        assertThat(all.stateFilter()).isNull();
    }

    /** Customers read a factory's display name; the supplier filter and its links keep the factory's code. */
    @Test
    void anOrderNamesItsFactoryAsConfiguredAndKeepsItsCodeForTheFilter() {
        ReportPage.Settings named = new ReportPage.Settings(TODAY, 1, 30, List.of(), null,
                instance -> instance == Instance.DD ? "Dandenong factory" : instance.name());
        Report report = new Report("Acme", List.of(order("1", TODAY, null, "Cutting")), FilterChoices.none(),
                List.of(), Instant.parse("2025-01-10T00:00:00Z"));

        ReportPage page = ReportPage.of("0123456789abcdef0123456789abcdef", null, report, model(report),
                ReportFilter.none(), ZoneId.of("Australia/Sydney"), named);

        assertThat(page.orders()).singleElement().satisfies(view -> {
            assertThat(view.supplier()).isEqualTo("Dandenong factory");
            assertThat(view.supplierCode()).isEqualTo("DD");
        });
        assertThat(page.labelOf("supplier", "DD")).as("the supplier filter's option text").isEqualTo("Dandenong factory");
        assertThat(page.labelOf("supplier", "CBR")).isEqualTo("CBR");
        assertThat(page.labelOf("status", "DD")).as("other filters show their choices as they are").isEqualTo("DD");
    }

    @Test
    void theFreshnessLineSaysJustNowForUnderAMinuteThenTheAge() {
        Instant built = Instant.parse("2025-01-13T08:20:00Z");
        Report report = new Report("Acme", List.of(), FilterChoices.none(),
                List.of(InstanceSource.live(Instance.DD, built)), built);
        ZoneId sydney = ZoneId.of("Australia/Sydney");

        assertThat(ReportPage.freshness(report, sydney, built.plusSeconds(59))).startsWith("Updated just now, 7:20");
        assertThat(ReportPage.freshness(report, sydney, built.plusSeconds(60))).startsWith("Updated 1 minute ago, 7:20");
        assertThat(ReportPage.freshness(report, sydney, built.plusSeconds(3 * 3600)))
                .startsWith("Updated 3 hours ago, 7:20");
    }
}
