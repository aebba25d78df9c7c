package io.etareport.report;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.etareport.buz.Instance;
import io.etareport.buz.OrderLine;
import io.etareport.statuses.Spelling;

/**
 * The model of one report on one day: each order's state, readiness, lateness and counts, computed once here and
 * read by every surface. Pure: a report, today (in the business's zone), the stages and how long a date move stays
 * news in; views out.
 */
public final class OrderModel {

    private final List<OrderView> orders;
    private final Map<String, OrderView> byKey;

    /**
     * @param today        the customers' today, for overdue, lateness and recent moves
     * @param showMovesFor how long a move of an expected date counts as recent (whole days)
     */
    public OrderModel(Report report, LocalDate today, Stages stages, Duration showMovesFor) {
        Map<String, String> labels = new HashMap<>();
        report.choices().statuses().forEach(label -> labels.putIfAbsent(Spelling.key(label), label));
        long moveDays = showMovesFor == null ? 0 : showMovesFor.toDays();
        List<OrderView> views = new ArrayList<>(report.orders().size());
        Map<String, OrderView> keyed = new HashMap<>();
        for (Order order : report.orders()) {
            OrderView view = view(order, today, stages, moveDays, labels);
            views.add(view);
            keyed.putIfAbsent(key(order.instance(), order.refNo()), view);
        }
        this.orders = List.copyOf(views);
        this.byKey = keyed;
    }

    /** One view per order, in the report's order. */
    public List<OrderView> orders() {
        return orders;
    }

    public Optional<OrderView> find(Instance instance, String refNo) {
        return Optional.ofNullable(byKey.get(key(instance, refNo)));
    }

    /** The view of an order of this report (or the same order with fewer lines: a filter's result). */
    public Optional<OrderView> of(Order order) {
        return find(order.instance(), order.refNo());
    }

    public long overdueCount() {
        return orders.stream().filter(OrderView::overdue).count();
    }

    public long readyCount() {
        return orders.stream().filter(OrderView::ready).count();
    }

    public long movedCount() {
        return orders.stream().filter(OrderView::movedRecently).count();
    }

    public long onHoldCount() {
        return orders.stream().filter(OrderView::onHold).count();
    }

    private static String key(Instance instance, String refNo) {
        return instance + "|" + Spelling.tidy(refNo);
    }

    private static OrderView view(Order order, LocalDate today, Stages stages, long moveDays,
                                  Map<String, String> labels) {
        List<LineView> lines = new ArrayList<>(order.lines().size());
        int cancelled = 0;
        int ready = 0;
        int done = 0;
        boolean onHold = false;
        boolean unknown = false;
        String least = null;
        for (OrderLine line : order.lines()) {
            String stage = stages.stageOf(line.productionStatus());
            lines.add(new LineView(line, stage, label(line.productionStatus(), labels)));
            if (Stages.CANCELLED.equals(stage)) {
                cancelled++;
                continue;
            }
            if (stages.isReady(stage)) {
                ready++;
            }
            if (Stages.DONE.equals(stage)) {
                done++;
            } else if (stage == null) {
                unknown = true;
            } else if (stage.equals(stages.holdStage())) {
                onHold = true;
            } else if (least == null || stages.indexOf(stage) < stages.indexOf(least)) {
                least = stage;
            }
        }
        int active = lines.size() - cancelled;
        String state;
        if (lines.isEmpty()) {
            state = null;
        } else if (active == 0) {
            state = Stages.CANCELLED;
        } else if (done == active) {
            state = Stages.DONE;
        } else if (onHold) {
            state = stages.holdStage();
        } else {
            state = unknown ? null : least;
        }
        boolean isReady = active > 0 && ready == active;
        boolean overdue = order.expected() != null && order.expected().isBefore(today) && !isReady && active > 0;
        return new OrderView(order, state, isReady, onHold, overdue,
                overdue ? Math.max(1, businessDaysBetween(order.expected(), today)) : 0, ready, active, cancelled,
                movedRecently(order.dateChange(), today, moveDays), lines);
    }

    /** The label customers read: the report's one spelling of this status, else the status tidied. */
    private static String label(String status, Map<String, String> labels) {
        String tidy = Spelling.tidy(status);
        if (tidy.isEmpty()) {
            return null;
        }
        return labels.getOrDefault(Spelling.key(tidy), tidy);
    }

    /** Business days (Monday to Friday) after {@code from} up to and including {@code to}. */
    static int businessDaysBetween(LocalDate from, LocalDate to) {
        int days = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days++;
            }
        }
        return days;
    }

    private static boolean movedRecently(DateChange change, LocalDate today, long days) {
        return change != null && change.seenOn() != null && days > 0 && change.seenOn().isAfter(today.minusDays(days));
    }
}
