package io.etareport.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.etareport.report.Order;
import io.etareport.report.OrderModel;
import io.etareport.report.OrderView;
import io.etareport.report.Report;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * A report as an iCalendar feed (RFC 5545): one all-day event per open order on its expected date, so a customer
 * who subscribes sees their deliveries in their own calendar. Each event's {@code UID} depends only on the order
 * (instance and order number), so a subscribed calendar moves the event when the date moves. Only the order number,
 * reference, date and the order model's state and lateness go out (as the event's description): no lines, statuses
 * or prices. Folding and escaping are ical4j's.
 */
public final class CalendarFeed {

    private static final String UID_DOMAIN = "@eta-report";

    /** Writes the report's dated orders (already filtered) as a calendar to {@code out}, and leaves it open. */
    public void write(Report report, OutputStream out) throws IOException {
        write(report, null, out);
    }

    /**
     * As {@link #write(Report, OutputStream)}, each event described with what {@code model} (of the report these
     * orders come from; null: no description) says of its order: "Ready", "In production · 5 business days late".
     */
    public void write(Report report, OrderModel model, OutputStream out) throws IOException {
        Calendar calendar = new Calendar()
                .add(new ProdId("-//eta-report//Open order ETAs//EN"))
                .add(ImmutableVersion.VERSION_2_0)
                .add(ImmutableCalScale.GREGORIAN);
        for (Order order : report.orders()) {
            if (order.expected() == null) {
                continue;
            }
            VEvent event = new VEvent(order.expected(), order.expected().plusDays(1), summary(order));
            // The report's time, not the clock's: two builds of an unchanged order give the same event.
            event.replace(new DtStamp(report.builtAt()));
            event.add(new Uid(uid(order)));
            String description = model == null ? null : model.of(order).map(CalendarFeed::description).orElse(null);
            if (description != null) {
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

    /** {@code Order 300123 (ref Kitchen) expected}, on one line: a calendar shows a summary as a title. */
    static String summary(Order order) {
        String ref = order.descn() == null || order.descn().isBlank() ? "" : " (ref " + order.descn().strip() + ")";
        return ("Order " + order.refNo() + ref + " expected").replaceAll("\\s+", " ");
    }

    /** The order's state and lateness in a few words, or null when the model knows neither. */
    static String description(OrderView view) {
        String state = view.ready() && view.state() == null ? "Ready" : view.state();
        String late = view.lateText();
        if (state == null) {
            return late == null ? null : "Overdue: " + late;
        }
        return late == null ? state : state + " · overdue: " + late;
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
