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

import io.etareport.report.Order;
import io.etareport.report.Report;

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

    private static byte[] feed(Report report) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CalendarFeed().write(report, out);
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
                .containsExactly("Order 300123 (ref Kitchen) expected", "Order 300123 expected");
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
        assertThat(value(events.get(0), "SUMMARY")).isEqualTo(CalendarFeed.summary(order))
                .startsWith("Order =HYPERLINK(\"x\") (ref Lot 7, \"Harbour\"; St\\n BEGIN:VEVENT UID:evil <script>");
        String text = new String(ics, StandardCharsets.UTF_8);
        assertThat(text.lines()).filteredOn(line -> line.startsWith("BEGIN:VEVENT")).hasSize(1);
        assertThat(text.lines()).filteredOn(line -> line.startsWith("UID:")).hasSize(1);
        // Long lines folded (ical4j folds at 75 characters; RFC 5545 says octets "should" be the limit).
        assertThat(text.split("\r\n")).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(75));
    }
}
