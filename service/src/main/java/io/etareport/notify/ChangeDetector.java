package io.etareport.notify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.etareport.buz.Instance;

/**
 * Compares what a customer's subscribers were last told with a new report's facts. Only instances whose data is
 * live take part: a stored copy's orders are no news, and an order missing from an instance that was not reached
 * has not finished. An order seen for the first time is the baseline, not news.
 */
final class ChangeDetector {

    private ChangeDetector() {
    }

    /**
     * @param changes what changed, in the report's order of orders
     * @param told    the facts to remember for the live instances (finished orders are forgotten)
     */
    record Result(List<Change> changes, List<OrderFacts> told) {
    }

    static Result detect(Map<OrderFacts.Key, OrderFacts> before, List<OrderFacts> now, Set<Instance> live) {
        List<Change> changes = new ArrayList<>();
        List<OrderFacts> told = new ArrayList<>();
        Map<OrderFacts.Key, OrderFacts> gone = new LinkedHashMap<>(before);
        for (OrderFacts order : now) {
            if (!live.contains(order.instance())) {
                continue;
            }
            OrderFacts was = gone.remove(order.key());
            if (was != null) {
                if (!Objects.equals(was.expected(), order.expected()) && !order.finished()) {
                    changes.add(change(Change.Kind.DATE_CHANGED, order, was));
                }
                if (order.finished()) {
                    changes.add(change(Change.Kind.FINISHED, order, was));
                } else if (order.ready() && !was.ready()) {
                    changes.add(change(Change.Kind.READY, order, was));
                } else if (order.overdue() && !was.overdue()) {
                    changes.add(change(Change.Kind.OVERDUE, order, was));
                }
            }
            if (!order.finished()) {
                told.add(order);
            }
        }
        for (OrderFacts was : gone.values()) {
            if (live.contains(was.instance())) {
                // Gone from the open orders of a factory that answered: finished (invoiced, dispatched).
                changes.add(change(Change.Kind.FINISHED, was, was));
            }
        }
        return new Result(changes, told);
    }

    private static Change change(Change.Kind kind, OrderFacts now, OrderFacts was) {
        return new Change(kind, now.instance(), now.refNo(), now.descn() == null ? was.descn() : now.descn(),
                was.expected(), now.expected());
    }
}
