package io.etareport.export;

import static io.etareport.buz.Instance.CBR;
import static io.etareport.buz.Instance.DD;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import java.time.Duration;

import io.etareport.buz.OrderLine;
import io.etareport.report.Order;
import io.etareport.report.OrderModel;
import io.etareport.report.Report;
import io.etareport.report.Stages;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

import org.junit.jupiter.api.Test;

public class CalendarFeedTest {

    private static final Instant BUILT = Instant.parse("2025-01-06T00:00:00Z");

    private static Report report(Order... orders) {
        return new Report("Acme", List.of(orders), null, List.of(), BUILT);
    }

    private static final LocalDate TODAY = LocalDate.of(2025, 1, 6);

    private static byte[] feed(Report report) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CalendarFeed().write(report, new OrderModel(report, TODAY, Stages.NONE, Duration.ofDays(30)), TODAY, out);
        return out.toByteArray();
    }

    public static List<VEvent> events(byte[] ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new ByteArrayInputStream(ics));
        return calendar.getComponents("VEVENT").stream().map(VEvent.class::cast).toList();
    }

    public static String value(VEvent event, String property) {
        return event.<Property>getProperty(property).orElseThrow().getValue();
    }

    @Test
    void oneAllDayEventPerDatedOrderOnItsExpectedDateWithoutPricesOrLines() throws Exception {
        Order kitchen = new Order(DD, "300123", "Kitchen", LocalDate.of(2025, 1, 16), List.of());
        Order undated = new Order(DD, "300124", "Deck", null, List.of());
        Order sameNumberAtCbr = new Order(CBR, "300123", null, LocalDate.of(2025, 2, 3), List.of());

        byte[] ics = feed(report(kitchen, undated, sameNumberAtCbr));
        List<VEvent> events = events(ics);

        assertThat(events).hasSize(2);
        assertThat(events).extracting(event -> value(event, "SUMMARY"))
                .containsExactly("Order 300123 (ref Kitchen) · DD", "Order 300123 · CBR");
        assertThat(new String(ics, StandardCharsets.UTF_8)).contains("DTSTART;VALUE=DATE:20250116")
                .contains("DTEND;VALUE=DATE:20250117").contains("DTSTAMP:20250106T000000Z");
        assertThat(events).extracting(event -> value(event, "UID")).doesNotHaveDuplicates();
    }

    @Test
    void theUidDependsOnlyOnInstanceAndOrderNumberSoAMovedDateKeepsIt() throws Exception {
        Order before = new Order(DD, "300123", "Kitchen", LocalDate.of(2025, 1, 16), List.of());
        Order after = new Order(DD, "300123", "Kitchen (upstairs)", LocalDate.of(2025, 1, 23), List.of());

        String first = value(events(feed(report(before))).get(0), "UID");
        String second = value(events(feed(report(after))).get(0), "UID");

        assertThat(first).isEqualTo(second).endsWith("@eta-report");
        assertThat(CalendarFeed.uid(new Order(CBR, "300123", null, null, List.of()))).isNotEqualTo(first);
    }

    @Test
    void hostileReferencesAreEscapedAndComeBackAsWritten() throws Exception {
        String hostile = "Lot 7, \"Harbour\"; St\\n\nBEGIN:VEVENT\r\nUID:evil <script>alert(1)</script> "
                + "Zoë's Café ".repeat(4);
        Order order = new Order(DD, "=HYPERLINK(\"x\")", hostile, LocalDate.of(2025, 1, 16), List.of());

        byte[] ics = feed(report(order));
        List<VEvent> events = events(ics);

        assertThat(events).hasSize(1);
        assertThat(value(events.get(0), "SUMMARY"))
                .startsWith("Order =HYPERLINK(\"x\") (ref Lot 7, \"Harbour\"; St\\n BEGIN:VEVENT UID:evil <script>");
        String text = new String(ics, StandardCharsets.UTF_8);
        assertThat(text.lines()).filteredOn(line -> line.startsWith("BEGIN:VEVENT")).hasSize(1);
        assertThat(text.lines()).filteredOn(line -> line.startsWith("UID:")).hasSize(1);
        // Long lines folded (ical4j folds at 75 characters; RFC 5545 says octets "should" be the limit).
        assertThat(text.split("\r\n")).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(75));
    }

    @Test
    void theCalendarIsNamedAfterTheCustomerAndEachEventNamesItsFactoryAndStateOverdueOnesOnToday() throws Exception {
        Stages stages = new Stages(List.of("Received", "In production", "Ready"), "Ready",
                java.util.Map.of("Cutting", "In production", "Ready", "Ready"));
        Order late = new Order(DD, "300123", "Kitchen", LocalDate.of(2024, 12, 30), List.of(
                new OrderLine(DD, "300123", "Kitchen", null, "Roller", "Blockout", "Cutting", "1", java.util.Map.of())));
        Order readyLate = new Order(CBR, "300124", null, LocalDate.of(2024, 12, 30), List.of(
                new OrderLine(CBR, "300124", null, null, "Roller", "Blockout", "Ready", "1", java.util.Map.of())));
        Report report = new Report("Acme  Blinds", List.of(late, readyLate), null, List.of(), BUILT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CalendarFeed().write(report, new OrderModel(report, TODAY, stages, Duration.ofDays(30)), TODAY, out);

        Calendar calendar = new CalendarBuilder().build(new ByteArrayInputStream(out.toByteArray()));
        assertThat(calendar.<Property>getProperty("NAME").orElseThrow().getValue()).isEqualTo("Open orders: Acme Blinds");
        assertThat(calendar.<Property>getProperty("X-WR-CALNAME").orElseThrow().getValue())
                .isEqualTo("Open orders: Acme Blinds");
        List<VEvent> events = events(out.toByteArray());
        assertThat(events).extracting(event -> value(event, "SUMMARY")).containsExactly(
                "Overdue: Order 300123 (ref Kitchen) · DD · In production", "Order 300124 · CBR · Ready");
        assertThat(value(events.get(0), "DTSTART")).as("overdue: on today's date").isEqualTo("20250106");
        assertThat(events.get(0).getProperties("DESCRIPTION")).as("one description an event (RFC 5545)").hasSize(1);
        assertThat(value(events.get(0), "DESCRIPTION")).isEqualTo("In production. Expected 30 Dec 2024, 5 business"
                + " days late. Shown on today's date until it is ready.");
        assertThat(value(events.get(1), "DESCRIPTION")).isEqualTo("Ready");
        assertThat(value(events.get(1), "DTSTART")).as("ready: not late, on its own date").isEqualTo("20241230");
    }

    @Test
    void eventsNameEachFactoryAsCustomersKnowIt() throws Exception {
        Order order = new Order(CBR, "300125", null, LocalDate.of(2025, 1, 20), List.of(
                new OrderLine(CBR, "300125", null, null, "Roller", "Blockout", "Cutting", "1", java.util.Map.of())));
        Report report = new Report("Acme", List.of(order), null, List.of(), BUILT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CalendarFeed(instance -> instance == CBR ? "Canberra factory" : instance.name())
                .write(report, new OrderModel(report, TODAY, Stages.NONE, Duration.ofDays(30)), TODAY, out);

        assertThat(events(out.toByteArray())).extracting(event -> value(event, "SUMMARY"))
                .containsExactly("Order 300125 · Canberra factory");
    }
}
