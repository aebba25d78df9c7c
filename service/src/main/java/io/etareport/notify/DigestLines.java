package io.etareport.notify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import io.etareport.buz.Instance;
import io.etareport.report.Dates;

/**
 * The lines of one mail from the changes since a subscriber's last one: an order whose date moved twice shows
 * its first date and its last (and nothing when it moved back), and each order says each other news once.
 */
final class DigestLines {

    private DigestLines() {
    }

    /** One line: the order and what happened to it, in plain words. */
    record Line(String supplier, String refNo, String reference, String what) {
    }

    /**
     * @param supplierName the factory's name as customers read it (the page's, {@code buz.InstanceNames})
     */
    static List<Line> of(List<Change> changes, Function<Instance, String> supplierName) {
        Map<String, Change> merged = new LinkedHashMap<>();
        for (Change change : changes) {
            String key = change.kind() + "|" + change.instance() + "|" + change.refNo();
            Change first = merged.get(key);
            merged.put(key, first == null || change.kind() != Change.Kind.DATE_CHANGED ? change
                    : new Change(change.kind(), change.instance(), change.refNo(), change.descn(), first.oldDate(),
                    change.newDate()));
        }
        List<Line> lines = new ArrayList<>();
        for (Change change : merged.values()) {
            String what = switch (change.kind()) {
                case DATE_CHANGED -> Objects.equals(change.oldDate(), change.newDate()) ? null
                        : "Expected date moved from " + Dates.display(change.oldDate()) + " to "
                        + Dates.display(change.newDate());
                case READY -> "Ready";
                case OVERDUE -> "Overdue: it was expected on " + Dates.display(change.newDate());
                case FINISHED -> "Finished: it is no longer on your list of open orders";
            };
            if (what != null) {
                lines.add(new Line(supplierName.apply(change.instance()), change.refNo(),
                        change.descn() == null ? "" : change.descn(), what));
            }
        }
        return lines;
    }
}
