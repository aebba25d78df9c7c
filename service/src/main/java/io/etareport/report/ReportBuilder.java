package io.etareport.report;

import io.etareport.statuses.Spelling;
import io.etareport.buz.Instance;
import io.etareport.buz.OrderLine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the open order lines fetched from each instance into a customer's {@link Report}.
 * <p>
 * Per instance, on the raw lines: lines are grouped into orders by order number (the same number at both
 * factories is two orders); an order whose every non-empty status is finished is dropped (unless the rules say
 * not to); each status is replaced by its mapping's custom name; duplicate lines are removed; lines are sorted by
 * line number. Orders are then sorted by expected date, undated first, then by instance and order number. Numbers
 * inside order and line numbers sort by value ({@code SO-99} before {@code SO-100}).
 * <p>
 * Runs in linear time apart from the sorts: every step walks the lines once.
 */
final class ReportBuilder {

    private static final Comparator<OrderLine> BY_LINE_NUMBER =
            Comparator.comparing(OrderLine::fixedLine, NaturalOrder.INSTANCE);

    private static final Comparator<Order> BY_EXPECTED_DATE =
            Comparator.comparing(Order::expected, Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder()))
                    .thenComparing(Order::instance)
                    .thenComparing(Order::refNo, NaturalOrder.INSTANCE);

    private final boolean dropFinishedOrders;
    private final Set<String> finishedStatuses;
    private final Set<String> readyStatuses;

    public ReportBuilder(ReportRules rules) {
        this.dropFinishedOrders = rules.dropFinishedOrders();
        this.finishedStatuses = new HashSet<>();
        for (String status : rules.finishedStatuses()) {
            finishedStatuses.add(Spelling.key(status));
        }
        this.readyStatuses = new HashSet<>();
        for (String status : rules.readyStatuses()) {
            readyStatuses.add(Spelling.key(status));
        }
    }

    /**
     * @param linesByInstance the open order lines fetched from each instance; the key decides which factory an
     *                        order belongs to
     * @param statusMapping   custom status names of the ACTIVE mappings, keyed by raw status; a raw status
     *                        matches ignoring case and spacing (one status however it is spelled; the first
     *                        mapping of a spelling wins); a blank custom name leaves the raw status
     */
    public Report build(String customerName, Map<Instance, List<OrderLine>> linesByInstance,
                        Map<String, String> statusMapping, List<InstanceSource> sources, Instant builtAt) {
        return build(customerName, linesByInstance, statusMapping, Stages.NONE, sources, builtAt);
    }

    /**
     * As {@link #build(String, Map, Map, List, Instant)}, with each order's stage and ready lines from the stages
     * staff gave its lines' statuses.
     */
    public Report build(String customerName, Map<Instance, List<OrderLine>> linesByInstance,
                        Map<String, String> statusMapping, Stages stages, List<InstanceSource> sources, Instant builtAt) {
        Map<String, String> mapping = tidyMapping(statusMapping);
        List<Order> orders = new ArrayList<>();
        for (Instance instance : Instance.values()) {
            List<OrderLine> lines = linesByInstance.get(instance);
            if (lines == null) {
                continue;
            }
            for (Map.Entry<String, List<OrderLine>> group : groupByOrder(lines).entrySet()) {
                boolean finished = isFinished(group.getValue());
                if (dropFinishedOrders && finished) {
                    continue;
                }
                orders.add(toOrder(instance, group.getKey(), group.getValue(), mapping, finished, stages));
            }
        }
        orders.sort(BY_EXPECTED_DATE);
        return new Report(customerName, orders, choicesOf(orders), sources, builtAt);
    }

    private static Map<String, String> tidyMapping(Map<String, String> statusMapping) {
        Map<String, String> tidy = new HashMap<>();
        if (statusMapping != null) {
            statusMapping.forEach((raw, custom) -> {
                if (raw != null && custom != null && !custom.isBlank()) {
                    tidy.putIfAbsent(Spelling.key(raw), custom.strip());
                }
            });
        }
        return tidy;
    }

    private static Map<String, List<OrderLine>> groupByOrder(List<OrderLine> lines) {
        Map<String, List<OrderLine>> byRefNo = new LinkedHashMap<>();
        for (OrderLine line : lines) {
            String refNo = line.refNo() == null ? "" : line.refNo().strip();
            byRefNo.computeIfAbsent(refNo, key -> new ArrayList<>()).add(line);
        }
        return byRefNo;
    }

    /** Finished when it has at least one non-empty status and all of them are finished ones. */
    private boolean isFinished(List<OrderLine> lines) {
        boolean anyStatus = false;
        for (OrderLine line : lines) {
            String status = Spelling.key(line.productionStatus());
            if (status.isEmpty()) {
                continue;
            }
            if (!finishedStatuses.contains(status)) {
                return false;
            }
            anyStatus = true;
        }
        return anyStatus;
    }

    /**
     * The order's progress, on its raw lines. A line is ready when its status is a ready one or its stage is at or
     * past the ready stage. The order is ready when every line with a non-empty status is ready or finished and at
     * least one is ready: an order partly invoiced and the rest waiting to go is ready; one with a line still in
     * production is not. Its stage is its least advanced line's.
     */
    private OrderProgress progress(List<OrderLine> lines, Stages stages) {
        boolean anyReady = false;
        boolean allReadyOrFinished = true;
        int readyLines = 0;
        int least = Integer.MAX_VALUE;
        for (OrderLine line : lines) {
            String status = line.productionStatus() == null ? "" : line.productionStatus().strip();
            if (status.isEmpty()) {
                continue;
            }
            String key = Spelling.key(status);
            String stageName = stages.stageOf(key);
            int stage = stages.indexOf(stageName);
            if (stage >= 0) {
                least = Math.min(least, stage);
            }
            if (readyStatuses.contains(key) || stages.isReady(stageName)) {
                anyReady = true;
                readyLines++;
            } else if (finishedStatuses.contains(key)) {
                readyLines++;
            } else {
                allReadyOrFinished = false;
            }
        }
        return new OrderProgress(anyReady && allReadyOrFinished, readyLines,
                least == Integer.MAX_VALUE ? null : stages.names().get(least));
    }

    private record OrderProgress(boolean ready, int readyLines, String stage) {
    }

    private Order toOrder(Instance instance, String refNo, List<OrderLine> lines, Map<String, String> mapping,
                          boolean finished, Stages stages) {
        OrderProgress progress = progress(lines, stages);
        Set<LineKey> seen = new HashSet<>();
        List<OrderLine> kept = new ArrayList<>(lines.size());
        String descn = null;
        LocalDate expected = null;
        for (OrderLine raw : lines) {
            OrderLine line = mapStatus(raw, mapping);
            if (!seen.add(LineKey.of(line))) {
                continue;
            }
            kept.add(line);
            if (descn == null && line.descn() != null && !line.descn().isBlank()) {
                descn = line.descn();
            }
            // Lines already carry their order's latest date; taking the latest again costs nothing and keeps
            // the order's date right if they ever do not.
            if (line.dateScheduled() != null && (expected == null || line.dateScheduled().isAfter(expected))) {
                expected = line.dateScheduled();
            }
        }
        kept.sort(BY_LINE_NUMBER);
        return new Order(instance, refNo, descn, expected, kept, finished, progress.ready(), null, progress.stage(),
                Math.min(progress.readyLines(), kept.size()));
    }

    private static OrderLine mapStatus(OrderLine line, Map<String, String> mapping) {
        if (line.productionStatus() == null || mapping.isEmpty()) {
            return line;
        }
        String custom = mapping.get(Spelling.key(line.productionStatus()));
        return custom == null ? line : line.withProductionStatus(custom);
    }

    private static FilterChoices choicesOf(List<Order> orders) {
        Map<String, String> statuses = new HashMap<>();
        Map<String, String> groups = new HashMap<>();
        Set<Instance> suppliers = new TreeSet<>();
        for (Order order : orders) {
            suppliers.add(order.instance());
            for (OrderLine line : order.lines()) {
                addChoice(statuses, line.productionStatus());
                addChoice(groups, line.productionLine());
            }
        }
        return new FilterChoices(sorted(statuses.values()), sorted(groups.values()),
                suppliers.stream().map(Instance::name).toList());
    }

    private static void addChoice(Map<String, String> choices, String value) {
        if (value != null && !Labels.isBlank(value)) {
            choices.computeIfAbsent(Spelling.key(value), key -> Labels.titleCase(value));
        }
    }

    private static List<String> sorted(Collection<String> values) {
        List<String> list = new ArrayList<>(values);
        list.sort(NaturalOrder.INSTANCE);
        return list;
    }

    /** What makes two lines of one order duplicates. */
    private record LineKey(String descn, LocalDate date, String group, String item, String status, String line) {

        static LineKey of(OrderLine line) {
            return new LineKey(line.descn(), line.dateScheduled(), line.productionLine(), line.inventoryItem(),
                    line.productionStatus(), line.fixedLine());
        }
    }
}
