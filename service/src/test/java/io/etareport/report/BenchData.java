package io.etareport.report;

import io.etareport.buz.Instance;
import io.etareport.buz.OrderLine;
import io.etareport.cache.Source;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Deterministic, seeded data shaped like a large customer group's open orders, for benchmarks (the report
 * pipeline, the downloads, and the page and end-to-end benchmarks that build on them).
 * <p>
 * About five lines per order (one to nine), 60% at DD; order numbers that sometimes exist at both factories; 2% of
 * orders undated; lines arriving out of line-number order. {@link #pipelineInput} adds what the pipeline removes:
 * about 5% of orders finished (all lines invoiced or cancelled) and about 1% duplicated lines.
 */
public final class BenchData {

    public static final long SEED = 20_250_105L;
    public static final Instant AT = Instant.parse("2025-01-05T00:00:00Z");

    private static final String[] STATUSES = {"Awaiting Fabric", "cutting", "Sewing", "Assembly", "QC check",
            "Packed", "Ready for Dispatch", "On Hold", "Powder Coating", "In Production"};
    private static final String[] FINISHED = {"Invoiced", "Cancelled"};
    private static final String[] GROUPS = {"Roller Blinds", "Venetians", "Vertical Blinds", "Shutters", "Awnings",
            "Curtains", "Romans", "Panel Glides", "Honeycomb", "Motorisation", "Tracks", "Accessories"};
    private static final String[] STREETS = {"Main St", "George St", "King St", "Queen St", "Station Rd",
            "Church St", "High St", "Park Ave", "Victoria Rd", "Albert St"};
    private static final String[] ROOMS = {"Kitchen", "Lounge", "Bed 1", "Bed 2", "Bed 3", "Office", "Dining",
            "Study", "Laundry", "Bath"};
    private static final String[] COLOURS = {"White", "Black", "Grey", "Sand", "Charcoal", "Birch", "Linen",
            "Stone", "Ivory", "Slate"};
    private static final String[] OTHER_COLUMNS = {"Width", "Drop", "Colour", "Location", "Control", "Fabric",
            "OrderStatus", "Customer", "CustomerRef", "Fixing", "Bracket", "Chain", "Roll", "BottomRail", "Motor",
            "Remote", "Notes2Customer", "Pelmet", "Side", "Qty"};

    private BenchData() {
    }

    /** Lines for {@link ReportBuilder}: about {@code lineCount} of them, with finished orders and duplicates. */
    public static Map<Instance, List<OrderLine>> pipelineInput(int lineCount, int otherColumns) {
        return generate(lineCount, otherColumns, true, new Random(SEED));
    }

    /** Exactly {@code rows} lines, grouped and sorted as a report holds them; nothing the pipeline would drop. */
    public static List<Order> exportInput(int rows, int otherColumns) {
        Map<Instance, List<OrderLine>> lines = generate(rows, otherColumns, false, new Random(SEED));
        Report report = new ReportBuilder(new ReportRules(false, List.of()))
                .build("Bench Customer", lines, Map.of(), sources(), AT);
        if (report.lineCount() != rows) {
            throw new IllegalStateException("expected " + rows + " rows, got " + report.lineCount());
        }
        return report.orders();
    }

    /** A report built from {@link #pipelineInput}, as the page and downloads would get it. */
    public static Report report(int lineCount, int otherColumns) {
        return new ReportBuilder(ReportRules.defaults())
                .build("Bench Customer", pipelineInput(lineCount, otherColumns), statusMapping(), sources(), AT);
    }

    /** Active mappings for half the statuses, as staff would have set them up. */
    public static Map<String, String> statusMapping() {
        Map<String, String> mapping = new LinkedHashMap<>();
        for (int i = 0; i < STATUSES.length; i += 2) {
            mapping.put(STATUSES[i], STATUSES[i].toUpperCase() + " (mapped)");
        }
        return mapping;
    }

    public static List<InstanceSource> sources() {
        return List.of(InstanceSource.live(Instance.DD, AT), new InstanceSource(Instance.CBR, Source.CACHE_503, AT.minusSeconds(3_600)));
    }

    private static Map<Instance, List<OrderLine>> generate(int lineCount, int otherColumns, boolean withWaste,
                                                           Random random) {
        if (otherColumns > OTHER_COLUMNS.length) {
            throw new IllegalArgumentException("at most " + OTHER_COLUMNS.length + " other columns");
        }
        Map<Instance, List<OrderLine>> lines = new EnumMap<>(Instance.class);
        lines.put(Instance.DD, new ArrayList<>());
        lines.put(Instance.CBR, new ArrayList<>());
        LocalDate start = LocalDate.of(2025, 1, 6);
        int made = 0;
        for (int order = 0; made < lineCount; order++) {
            Instance instance = random.nextInt(10) < 6 ? Instance.DD : Instance.CBR;
            // Numbers overlap between factories now and then: the same number is two different orders.
            String refNo = "SO-" + (instance == Instance.DD ? 90_000 + order : 90_000 + order - random.nextInt(3));
            String descn = "Unit " + (1 + random.nextInt(400)) + ", " + STREETS[random.nextInt(STREETS.length)];
            LocalDate date = random.nextInt(50) == 0 ? null : start.plusDays(random.nextInt(120));
            boolean finished = withWaste && random.nextInt(20) == 0;
            int size = Math.min(1 + random.nextInt(9), lineCount - made);
            List<OrderLine> orderLines = new ArrayList<>(size);
            for (int n = 1; n <= size; n++) {
                String status = finished ? FINISHED[random.nextInt(FINISHED.length)]
                        : STATUSES[random.nextInt(STATUSES.length)];
                orderLines.add(new OrderLine(instance, refNo, descn, date, GROUPS[random.nextInt(GROUPS.length)],
                        "Item " + (1 + random.nextInt(200)), status, Integer.toString(n),
                        otherColumns(otherColumns, random)));
            }
            Collections.shuffle(orderLines, random);
            if (withWaste && random.nextInt(20) == 0) {
                orderLines.add(orderLines.get(0));
            }
            lines.get(instance).addAll(orderLines);
            made += size;
        }
        return lines;
    }

    private static Map<String, String> otherColumns(int count, Random random) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String name = OTHER_COLUMNS[i];
            columns.put(name, switch (name) {
                case "Width", "Drop" -> Integer.toString(300 + random.nextInt(2_700));
                case "Colour" -> COLOURS[random.nextInt(COLOURS.length)];
                case "Location" -> ROOMS[random.nextInt(ROOMS.length)];
                default -> name + " " + random.nextInt(50);
            });
        }
        return columns;
    }
}
