package io.etareport.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.etareport.buz.Instance;
import io.etareport.buz.OrderLine;
import io.etareport.report.FilterChoices;
import io.etareport.report.Order;
import io.etareport.report.Report;
import io.etareport.report.ReportFilter;

import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Issue 20, item 4: a group's page shows each order's member customer (the lines' {@code Customer} column) and
 * narrows to one member ({@code member=}, in the URL, so bookmarkable and working without JavaScript).
 */
class ReportPageGroupTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 1, 10);

    private static Order order(String refNo, String member) {
        Map<String, String> columns = member == null ? Map.of() : Map.of("Customer", member);
        return new Order(Instance.DD, refNo, "Kitchen", TODAY.plusDays(3), List.of(new OrderLine(Instance.DD, refNo,
                "Kitchen", null, "Roller Blinds", "Blockout", "Cutting", "1", columns)));
    }

    /** The query as the controller receives it: decoded. */
    private static MultiValueMap<String, String> query(String query) {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        UriComponentsBuilder.fromUriString("/?" + query).build().getQueryParams().forEach((name, values) ->
                values.forEach(value -> params.add(name, UriUtils.decode(value, StandardCharsets.UTF_8))));
        return params;
    }

    private static ReportPage page(String query, Order... orders) {
        Report report = new Report("Big Group", List.of(orders), FilterChoices.none(), List.of(),
                Instant.parse("2025-01-10T00:00:00Z"));
        MultiValueMap<String, String> params = query(query);
        return ReportPage.of("0123456789abcdef0123456789abcdef", null, report, ReportFilter.of(params),
                ZoneId.of("Australia/Sydney"), new ReportPage.Settings(TODAY, 0, 30), ReportPage.Narrowing.of(params));
    }

    @Test
    void aGroupsPageNamesEachOrdersMemberAndListsTheMembersOnce() {
        ReportPage page = page("", order("1", "Beta Blinds"), order("2", "alpha interiors"), order("3", " Beta Blinds "));

        assertThat(page.orders()).extracting(ReportPage.OrderView::member)
                .containsExactly("Beta Blinds", "alpha interiors", "Beta Blinds");
        assertThat(page.members()).as("sorted, case aside, each once").containsExactly("alpha interiors", "Beta Blinds");
        assertThat(page.orders().get(0).search()).as("search finds an order by its member").contains("beta blinds");
    }

    @Test
    void aSingleCustomersPageNamesNoMember() {
        ReportPage page = page("", order("1", "Beta Blinds"), order("2", "Beta Blinds"), order("3", null));

        assertThat(page.members()).isEmpty();
        assertThat(page.orders()).extracting(ReportPage.OrderView::member).containsOnlyNulls();
    }

    @Test
    void narrowingToAMemberHidesTheOtherMembersOrdersAndOpensFilterAndDownload() {
        ReportPage page = page("member=beta%20blinds", order("1", "Beta Blinds"), order("2", "Alpha Interiors"),
                order("3", "Beta Blinds"));

        assertThat(page.orders()).filteredOn(view -> !view.hidden()).extracting(ReportPage.OrderView::refNo)
                .as("the member compared as filters compare").containsExactly("1", "3");
        assertThat(page.visibleOrders()).isEqualTo(2);
        assertThat(page.summary().orders()).as("the summary still counts the whole report").isEqualTo(3);
        assertThat(page.filtered()).isTrue();
        assertThat(page.toolsOpen()).isTrue();
        assertThat(page.showing(null)).as("'all orders' is not the page shown").isFalse();
        assertThat(page.memberFilter()).containsExactly("beta blinds");
    }

    @Test
    void theMemberStaysAcrossTheLoadingPageBesideTheFilter() {
        assertThat(CustomerReportController.pageQuery(query("member=Beta%20%26%20Co&state=overdue")))
                .isEqualTo("state=overdue&member=Beta+%26+Co");
        assertThat(CustomerReportController.pageQuery(query("member=Beta"))).isEqualTo("member=Beta");
        assertThat(CustomerReportController.pageQuery(query(""))).isNull();
    }

    @Test
    void aMemberWithNoOrdersHereShowsNone() {
        ReportPage page = page("member=Gamma", order("1", "Beta Blinds"), order("2", "Alpha Interiors"));

        assertThat(page.visibleOrders()).isZero();
        assertThat(page.orders()).allMatch(ReportPage.OrderView::hidden);
    }
}
