package io.etareport.notify;

import java.time.LocalDate;

import io.etareport.buz.Instance;
import io.etareport.report.OrderView;

/**
 * What subscribers are told about one order, as the order model states it.
 *
 * @param finished every active line is finished: the order is leaving the customer's list
 */
record OrderFacts(Instance instance, String refNo, String descn, LocalDate expected, boolean ready, boolean overdue,
                  boolean finished) {

    static OrderFacts of(OrderView view) {
        return new OrderFacts(view.order().instance(), view.order().refNo(), view.order().descn(),
                view.order().expected(), view.ready(), view.overdue(), view.done());
    }

    Key key() {
        return new Key(instance, refNo);
    }

    record Key(Instance instance, String refNo) {
    }
}
