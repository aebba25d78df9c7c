package io.etareport.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.etareport.buz.OrderLine;
import io.etareport.report.DateChange;
import io.etareport.report.Order;
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
     */
    record OrderJson(String instance, @JsonProperty("order_no") String orderNo, String reference,
                     LocalDate expected, @JsonProperty("previous_expected") LocalDate previousExpected,
                     @JsonProperty("date_changed_on") LocalDate dateChangedOn, List<LineJson> lines) {
    }

    record LineJson(String line, String group, String item, String status, LocalDate expected) {
    }

    static OrdersJson of(Report report, Clock clock) {
        Instant now = clock.instant();
        List<SourceJson> sources = report.sources().stream().map(source -> new SourceJson(source.instance().name(),
                source.kind().label(), source.refreshedAt(), source.refreshedAt() == null ? null
                        : Math.max(0, Duration.between(source.refreshedAt(), now).toSeconds()))).toList();
        return new OrdersJson(report.customerName(), report.builtAt(), sources,
                report.orders().stream().map(OrdersJson::order).toList());
    }

    private static OrderJson order(Order order) {
        DateChange change = order.dateChange();
        return new OrderJson(order.instance().name(), order.refNo(), order.descn(), order.expected(),
                change == null ? null : change.previous(), change == null ? null : change.seenOn(),
                order.lines().stream().map(OrdersJson::line).toList());
    }

    private static LineJson line(OrderLine line) {
        return new LineJson(line.fixedLine(), line.productionLine(), line.inventoryItem(), line.productionStatus(),
                line.dateScheduled());
    }

    /** What the entity tag covers: the orders and each source's kind, not the ever-growing ages. */
    Object tagged() {
        return List.of(orders, sources.stream().map(s -> s.instance() + ":" + s.source()).toList());
    }
}
