package io.etareport.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import java.time.LocalDate;

import io.etareport.report.Dates;
import io.etareport.report.Order;
import io.etareport.report.OrderModel;
import io.etareport.report.OrderView;
import io.etareport.report.Report;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Name;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * A report as an iCalendar feed (RFC 5545): one all-day event per open order on its expected date, so a customer
 * who subscribes sees their deliveries in their own calendar. The calendar is named after the customer
 * ({@code NAME}, and {@code X-WR-CALNAME} for apps that predate RFC 7986); each event names the order, its factory
 * and its state as the order model says, and an overdue order sits on today's date marked overdue (not weeks in the
 * past where nobody looks). Each event's {@code UID} depends only on the order (instance and order number), so a
 * subscribed calendar moves the event when the date moves. No lines or prices go out. Folding and escaping are
 * ical4j's.
 */
public final class CalendarFeed {

    private static final String UID_DOMAIN = "@eta-report";

    private final java.util.function.Function<io.etareport.buz.Instance, String> factoryNames;

    /** Events name each factory by its code. */
    public CalendarFeed() {
        this(io.etareport.buz.Instance::name);
    }

    /** Events name each factory as customers know it ({@code eta.buz.instances.<I>.display-name}). */
    public CalendarFeed(java.util.function.Function<io.etareport.buz.Instance, String> factoryNames) {
        this.factoryNames = factoryNames;
    }

    /**
     * Writes the report's dated orders (already filtered) as a calendar to {@code out}, and leaves it open.
     *
     * @param model the order model of this report as of {@code today}: what each order's state is, whether it is late
     */
    public void write(Report report, OrderModel model, LocalDate today, OutputStream out) throws IOException {
        String name = "Open orders: " + report.customerName().strip().replaceAll("\\s+", " ");
        Calendar calendar = new Calendar()
                .add(new ProdId("-//eta-report//Open order ETAs//EN"))
                .add(ImmutableVersion.VERSION_2_0)
                .add(ImmutableCalScale.GREGORIAN)
                .add(new Name(name))
                .add(new XProperty("X-WR-CALNAME", name));
        for (Order order : report.orders()) {
            if (order.expected() == null) {
                continue;
            }
            OrderView view = model.of(order).orElseThrow();
            LocalDate day = view.overdue() && today.isAfter(order.expected()) ? today : order.expected();
            VEvent event = new VEvent(day, day.plusDays(1), summary(view, factoryNames));
            // The report's time, not the clock's: two builds of an unchanged order give the same event.
            event.replace(new DtStamp(report.builtAt()));
            event.add(new Uid(uid(order)));
            String description = description(view);
            if (description != null) {
                // At most one DESCRIPTION an event (RFC 5545, 3.6.1).
                event.add(new Description(description));
            }
            calendar.add(event);
        }
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (ValidationException e) {
            throw new IllegalStateException("The calendar feed is not valid iCalendar", e);
        }
    }

    /**
     * {@code Order 300123 (ref Kitchen) · DD · In production}, {@code Overdue: ...} first when it is late; on one
     * line: a calendar shows a summary as a title.
     */
    static String summary(OrderView view) {
        return summary(view, io.etareport.buz.Instance::name);
    }

    static String summary(OrderView view, java.util.function.Function<io.etareport.buz.Instance, String> factoryNames) {
        Order order = view.order();
        String ref = order.descn() == null || order.descn().isBlank() ? "" : " (ref " + order.descn().strip() + ")";
        String state = view.state() == null ? "" : " · " + view.state();
        return ((view.overdue() ? "Overdue: " : "") + "Order " + order.refNo() + ref + " · " + factoryNames.apply(order.instance())
                + state).replaceAll("\\s+", " ");
    }

    /**
     * The order's state and, when it is late, by how much and from when: {@code In production},
     * {@code On hold. Expected 30 Dec 2024, 5 business days late. Shown on today's date until it is ready.}; null
     * when the model knows neither.
     */
    static String description(OrderView view) {
        String state = view.ready() && view.state() == null ? "Ready" : view.state();
        if (!view.overdue()) {
            return state;
        }
        String late = "Expected " + Dates.display(view.order().expected()) + ", " + view.lateText()
                + ". Shown on today's date until it is ready.";
        return state == null ? late : state + ". " + late;
    }

    /**
     * Stable per order, whatever its number holds: a hash of instance and order number (an order number can hold
     * any text the supplier typed).
     */
    static String uid(Order order) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] hash = sha.digest((order.instance().name() + "\u0000" + order.refNo())
                    .getBytes(StandardCharsets.UTF_8));
            return "order-" + HexFormat.of().formatHex(hash, 0, 16) + UID_DOMAIN;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
