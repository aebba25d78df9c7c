package io.etareport.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.etareport.buz.OrderLine;
import io.etareport.report.DateChange;
import io.etareport.report.LineView;
import io.etareport.report.Order;
import io.etareport.report.OrderModel;
import io.etareport.report.OrderView;
import io.etareport.report.Report;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A customer's report as JSON: orders with their lines, and where each instance's data came from. */
record OrdersJson(
        String customer,
        @JsonProperty("built_at") Instant builtAt,
        List<SourceJson> sources,
        List<OrderJson> orders) {

    /**
     * @param source      {@code live}, a stored copy ({@code cache-503}, {@code cache-timeout}, ...) or
     *                    {@code unavailable}
     * @param ageSeconds  how old the data is, from its last refresh at the supplier
     */
    record SourceJson(String instance, String source, @JsonProperty("refreshed_at") Instant refreshedAt,
                      @JsonProperty("age_seconds") Long ageSeconds) {
    }

    /**
     * @param previousExpected the expected date before its last move, when it moved within the days the page
     *                         shows moves for; null otherwise
     * @param dateChangedOn    when that move was seen
     * @param state            the order model's state: the stage of its least advanced active line, "On hold",
     *                         "Done", "Cancelled", or null when not known
     * @param overdue          expected before today and not ready
     * @param businessDaysLate business days late when overdue, else 0
     * @param itemsReady       lines not cancelled that are ready or later
     * @param itemsActive      lines not cancelled
     * @param itemsCancelled   cancelled lines
     */
    record OrderJson(String instance, @JsonProperty("order_no") String orderNo, String reference,
                     LocalDate expected, @JsonProperty("previous_expected") LocalDate previousExpected,
                     @JsonProperty("date_changed_on") LocalDate dateChangedOn, String state, boolean overdue,
                     boolean ready, @JsonProperty("on_hold") boolean onHold,
                     @JsonProperty("business_days_late") int businessDaysLate,
                     @JsonProperty("items_ready") int itemsReady, @JsonProperty("items_active") int itemsActive,
                     @JsonProperty("items_cancelled") int itemsCancelled, List<LineJson> lines) {
    }

    /**
     * @param stage  the line's stage, or null when its status has none
     * @param status the status customers read (mapping applied, one spelling per status)
     */
    record LineJson(String line, String group, String item, String status, String stage, LocalDate expected) {
    }

    static OrdersJson of(Report report, OrderModel model, Clock clock) {
        Instant now = clock.instant();
        List<SourceJson> sources = report.sources().stream().map(source -> new SourceJson(source.instance().name(),
                source.kind().label(), source.refreshedAt(), source.refreshedAt() == null ? null
                        : Math.max(0, Duration.between(source.refreshedAt(), now).toSeconds()))).toList();
        return new OrdersJson(report.customerName(), report.builtAt(), sources,
                model.orders().stream().map(OrdersJson::order).toList());
    }

    private static OrderJson order(OrderView view) {
        Order order = view.order();
        DateChange change = order.dateChange();
        return new OrderJson(order.instance().name(), order.refNo(), order.descn(), order.expected(),
                change == null ? null : change.previous(), change == null ? null : change.seenOn(),
                view.state(), view.overdue(), view.ready(), view.onHold(), view.businessDaysLate(),
                view.itemsReady(), view.itemsActive(), view.itemsCancelled(),
                view.lines().stream().map(OrdersJson::line).toList());
    }

    private static LineJson line(LineView view) {
        OrderLine line = view.line();
        return new LineJson(line.fixedLine(), line.productionLine(), line.inventoryItem(), view.status(),
                view.stage(), line.dateScheduled());
    }

    /** What the entity tag covers: the orders and each source's kind, not the ever-growing ages. */
    Object tagged() {
        return List.of(orders, sources.stream().map(s -> s.instance() + ":" + s.source()).toList());
    }
}
