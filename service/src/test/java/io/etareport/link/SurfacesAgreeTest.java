package io.etareport.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.etareport.buz.Instance;
import io.etareport.buz.OrderLine;
import io.etareport.export.CalendarFeed;
import io.etareport.export.ExportFormat;
import io.etareport.report.FilterChoices;
import io.etareport.report.Order;
import io.etareport.report.OrderModel;
import io.etareport.report.OrderView;
import io.etareport.report.Report;
import io.etareport.report.ReportFilter;
import io.etareport.report.Stages;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * Tricky orders (dispatched but past their date, every line cancelled, one line on hold, mixed spellings, no date)
 * tell the same story on the page, in its summary and Show filter, in the CSV and XLSX columns and in the calendar:
 * each reads the one order model.
 */
class SurfacesAgreeTest {

    /** A Monday. */
    private static final LocalDate TODAY = LocalDate.of(2025, 1, 13);
    private static final LocalDate LAST_MONDAY = LocalDate.of(2025, 1, 6);
    private static final Stages STAGES = new Stages(List.of("Received", "In production", "Ready", "Dispatched"),
            "Ready", "On hold", Map.of("Cutting", "In production", "Invoiced", "Done", "Cancelled", "Cancelled",
            "On Hold", "On hold"));

    private static Order order(String refNo, LocalDate expected, String... statuses) {
        List<OrderLine> lines = new ArrayList<>();
        for (int i = 0; i < statuses.length; i++) {
            lines.add(new OrderLine(Instance.DD, refNo, "Site " + refNo, expected, "Roller Blinds", "Blockout",
                    statuses[i], String.valueOf(i + 1), Map.of()));
        }
        return new Order(Instance.DD, refNo, "Site " + refNo, expected, lines);
    }

    private static final Report REPORT = new Report("Acme", List.of(
            order("NODATE", null, "Cutting"),
            order("DISPATCHED-LATE", LAST_MONDAY, "Dispatched"),
            order("ALL-CANCELLED", LAST_MONDAY, "Cancelled", "CANCELLED"),
            order("ONE-ON-HOLD", LAST_MONDAY, "Dispatched", "On Hold", "Dispatched"),
            order("SPELLINGS", LAST_MONDAY, "CUTTING", "cutting ", "Cutting"),
            order("INVOICED-AND-READY", TODAY, "Invoiced", "Ready")),
            new FilterChoices(List.of("Cutting", "Dispatched"), List.of(), List.of("DD")), List.of(),
            Instant.parse("2025-01-13T00:00:00Z"));

    private static final OrderModel MODEL = new OrderModel(REPORT, TODAY, STAGES, Duration.ofDays(30));

    @Test
    void thePageShowsEachOrdersStateReadinessAndLatenessFromTheModel() {
        ReportPage page = page(ReportFilter.none());

        for (int i = 0; i < MODEL.orders().size(); i++) {
            OrderView truth = MODEL.orders().get(i);
            ReportPage.OrderView shown = page.orders().get(i);
            assertThat(shown.refNo()).isEqualTo(truth.order().refNo());
            assertThat(shown.state()).as(shown.refNo()).isEqualTo(truth.state());
            assertThat(shown.overdue()).as(shown.refNo()).isEqualTo(truth.overdue());
            assertThat(shown.ready()).as(shown.refNo()).isEqualTo(truth.ready());
            assertThat(shown.late()).as(shown.refNo()).isEqualTo(truth.lateText());
            assertThat(shown.overdue() && shown.ready()).isFalse();
        }
        assertThat(states()).containsExactly(
                Map.entry("NODATE", "In production|false|0"),
                Map.entry("DISPATCHED-LATE", "Dispatched|false|0"),
                Map.entry("ALL-CANCELLED", "Cancelled|false|0"),
                Map.entry("ONE-ON-HOLD", "On hold|true|5"),
                Map.entry("SPELLINGS", "In production|true|5"),
                Map.entry("INVOICED-AND-READY", "Ready|false|0"));
        assertThat(page.orders().get(4).lines()).extracting(ReportPage.LineView::status)
                .containsOnly("Cutting");
    }

    @Test
    void theSummaryCountsAreTheShowFiltersOrders() {
        ReportPage page = page(ReportFilter.none());

        assertThat(page.summary().ready()).isEqualTo(page(state("ready")).visibleOrders()).isEqualTo(2);
        assertThat(page.summary().overdue()).isEqualTo(page(state("overdue")).visibleOrders()).isEqualTo(2);
        assertThat(page.summary().onHold()).isEqualTo(page(state("on-hold")).visibleOrders()).isEqualTo(1);
        assertThat(page.summary().moved()).isEqualTo(page(state("moved")).visibleOrders()).isZero();
    }

    @Test
    void csvAndXlsxCarryEachLinesStageAndItsOrdersStateAndLateness() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportFormat.CSV.write(REPORT.orders(), out, null, MODEL);
        String text = out.toString(StandardCharsets.UTF_8).substring(1);
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text)).getRecords();

        Map<String, String> fromCsv = new java.util.LinkedHashMap<>();
        for (CSVRecord row : rows) {
            fromCsv.putIfAbsent(row.get("RefNo"), row.get("OrderState") + "|" + row.get("BusinessDaysLate"));
        }
        Map<String, String> fromModel = new java.util.LinkedHashMap<>();
        MODEL.orders().stream().filter(view -> !view.lines().isEmpty()).forEach(view -> fromModel.put(
                view.order().refNo(), nullToEmpty(view.state()) + "|" + view.businessDaysLate()));
        assertThat(fromCsv).isEqualTo(fromModel);
        assertThat(rows).filteredOn(row -> row.get("RefNo").equals("SPELLINGS"))
                .extracting(row -> row.get("ProductionStatus") + "/" + row.get("Stage"))
                .containsOnly("Cutting/In production");

        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        ExportFormat.XLSX.write(REPORT.orders(), xlsx, null, MODEL);
        assertThat(xlsx.size()).as("the same columns, written as a workbook").isPositive();
    }

    @Test
    void theCalendarDescribesEachDatedOrderAsTheModelDoes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CalendarFeed().write(REPORT, MODEL, TODAY, out);
        String ics = out.toString(StandardCharsets.UTF_8).replace("\r\n ", "");

        assertThat(ics).contains("DESCRIPTION:Dispatched\r\n", "DESCRIPTION:Cancelled\r\n",
                "DESCRIPTION:On hold. Expected 06 Jan 2025\\, 5 business days late.",
                "DESCRIPTION:In production. Expected 06 Jan 2025\\, 5 business days late.",
                "DESCRIPTION:Ready\r\n");
        assertThat(ics).doesNotContain("NODATE");
    }

    private static Map<String, String> states() {
        Map<String, String> states = new java.util.LinkedHashMap<>();
        MODEL.orders().forEach(view -> states.put(view.order().refNo(),
                view.state() + "|" + view.overdue() + "|" + view.businessDaysLate()));
        return states;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static ReportFilter state(String state) {
        Map<String, List<String>> query = new HashMap<>();
        query.put(ReportFilter.STATE, List.of(state));
        return ReportFilter.of(query);
    }

    private static ReportPage page(ReportFilter filter) {
        return ReportPage.of("0123456789abcdef0123456789abcdef", null, REPORT, MODEL, filter,
                ZoneId.of("Australia/Sydney"), new ReportPage.Settings(TODAY, 0, 30));
    }

}
