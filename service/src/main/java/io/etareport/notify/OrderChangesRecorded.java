package io.etareport.notify;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.etareport.buz.Instance;
import io.etareport.report.OrderView;
import io.etareport.report.Stages;

/**
 * Published inside the transaction that records a customer's changes found in a live report, so other modules
 * (webhooks) write what they send in the same transaction. Never published for a stored copy or when nothing
 * changed. Order facts only, as the order model states them: no price, no column staff have not approved.
 */
public record OrderChangesRecorded(long customerId, List<OrderChange> changes) {

    public OrderChangesRecorded {
        changes = List.copyOf(changes);
    }

    /**
     * One change to one order.
     *
     * @param kind      {@code date_changed}, {@code ready}, {@code overdue} or {@code finished}
     * @param reference the customer's own reference, or null
     * @param state     the order model's state now ("Done" for an order gone from the open orders), or null
     * @param oldDate   the expected date before (date changes), else the last one seen
     */
    public record OrderChange(String kind, Instance instance, String refNo, String reference, String state,
                              boolean overdue, LocalDate oldDate, LocalDate newDate) {
    }

    static OrderChangesRecorded of(long customerId, List<Change> changes, List<OrderView> views) {
        Map<OrderFacts.Key, OrderView> byKey = views.stream().collect(Collectors.toMap(
                view -> new OrderFacts.Key(view.order().instance(), view.order().refNo()), Function.identity(),
                (first, second) -> first));
        return new OrderChangesRecorded(customerId, changes.stream().map(change -> {
            OrderView view = byKey.get(new OrderFacts.Key(change.instance(), change.refNo()));
            String state = view != null ? view.state() : Stages.DONE;
            return new OrderChange(change.kind().code(), change.instance(), change.refNo(), change.descn(), state,
                    view != null && view.overdue(), change.oldDate(), change.newDate());
        }).toList());
    }
}
