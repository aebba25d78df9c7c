package io.etareport.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.etareport.buz.Instance;

import org.junit.jupiter.api.Test;

class ChangeDetectorTest {

    private static final LocalDate MAY_5 = LocalDate.of(2026, 5, 5);
    private static final LocalDate MAY_12 = LocalDate.of(2026, 5, 12);
    private static final Set<Instance> BOTH_LIVE = EnumSet.allOf(Instance.class);

    private static OrderFacts order(Instance instance, String refNo, LocalDate expected, boolean ready, boolean overdue,
                                    boolean finished) {
        return new OrderFacts(instance, refNo, "Kitchen", expected, ready, overdue, finished);
    }

    private static OrderFacts open(String refNo, LocalDate expected) {
        return order(Instance.DD, refNo, expected, false, false, false);
    }

    private static Map<OrderFacts.Key, OrderFacts> told(OrderFacts... orders) {
        return List.of(orders).stream().collect(Collectors.toMap(OrderFacts::key, Function.identity()));
    }

    @Test
    void ordersSeenForTheFirstTimeAreTheBaselineNotNews() {
        ChangeDetector.Result result = ChangeDetector.detect(Map.of(), List.of(open("1", MAY_5)), BOTH_LIVE);

        assertThat(result.changes()).isEmpty();
        assertThat(result.told()).containsExactly(open("1", MAY_5));
    }

    @Test
    void aMovedDateIsNewsWithItsOldAndNewDate() {
        ChangeDetector.Result result = ChangeDetector.detect(told(open("1", MAY_5)), List.of(open("1", MAY_12)),
                BOTH_LIVE);

        assertThat(result.changes()).containsExactly(
                new Change(Change.Kind.DATE_CHANGED, Instance.DD, "1", "Kitchen", MAY_5, MAY_12));
    }

    @Test
    void nothingChangedIsNoNews() {
        assertThat(ChangeDetector.detect(told(open("1", MAY_5)), List.of(open("1", MAY_5)), BOTH_LIVE).changes())
                .isEmpty();
    }

    @Test
    void becomingReadyOrOverdueIsNewsOnceStayingSoIsNot() {
        OrderFacts ready = order(Instance.DD, "1", MAY_5, true, false, false);
        OrderFacts overdue = order(Instance.DD, "2", MAY_5, false, true, false);

        ChangeDetector.Result first = ChangeDetector.detect(told(open("1", MAY_5), open("2", MAY_5)),
                List.of(ready, overdue), BOTH_LIVE);
        ChangeDetector.Result second = ChangeDetector.detect(told(ready, overdue), List.of(ready, overdue), BOTH_LIVE);

        assertThat(first.changes()).extracting(Change::kind, Change::refNo)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Change.Kind.READY, "1"),
                        org.assertj.core.groups.Tuple.tuple(Change.Kind.OVERDUE, "2"));
        assertThat(second.changes()).isEmpty();
    }

    @Test
    void anOrderGoneFromALiveFactoryOrDoneIsFinishedAndForgotten() {
        OrderFacts done = order(Instance.DD, "2", MAY_5, true, false, true);

        ChangeDetector.Result result = ChangeDetector.detect(told(open("1", MAY_5), open("2", MAY_5)), List.of(done),
                BOTH_LIVE);

        assertThat(result.changes()).extracting(Change::kind, Change::refNo).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(Change.Kind.FINISHED, "1"),
                org.assertj.core.groups.Tuple.tuple(Change.Kind.FINISHED, "2"));
        assertThat(result.told()).isEmpty();
    }

    @Test
    void aFactoryServedFromAStoredCopyTellsNothing() {
        OrderFacts cbrWas = order(Instance.CBR, "7", MAY_5, false, false, false);
        OrderFacts cbrNow = order(Instance.CBR, "7", MAY_12, false, false, false);

        ChangeDetector.Result moved = ChangeDetector.detect(told(cbrWas, open("1", MAY_5)), List.of(cbrNow),
                EnumSet.of(Instance.DD));

        // CBR's move is not news (its data is not live); DD's order 1 is gone from live data: finished.
        assertThat(moved.changes()).extracting(Change::refNo).containsExactly("1");
        assertThat(moved.told()).isEmpty();
    }
}
