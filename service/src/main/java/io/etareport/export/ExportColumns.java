package io.etareport.export;

import io.etareport.buz.ColumnKind;
import io.etareport.buz.ColumnNames;
import io.etareport.buz.Instance;
import io.etareport.buz.OrderLine;
import io.etareport.report.LineView;
import io.etareport.report.Order;
import io.etareport.report.OrderModel;
import io.etareport.report.OrderView;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The columns of a download, in order: the fixed ones, then every other column the lines carry (in the order
 * first seen), with what each holds (text, numbers, dates).
 * <p>
 * Which columns a line carries is the column policy's decision, made once where rows enter the service
 * ({@code buz.BuzQueries}); a download writes what the report holds and decides nothing again.
 */
final class ExportColumns {

    public static final List<String> FIXED = List.of("RefNo", "DateScheduled", "ProductionStatus", "ProductionLine",
            "InventoryItem", "Descn", "Instance", "FixedLine");

    /** The order's expected date before its last move, made by this service (not a Buz column). */
    public static final String PREVIOUS_DATE = "PreviousDateScheduled";

    /**
     * The last columns, from the order model (not Buz columns): the line's stage, its order's state and how many
     * business days late the order is (0 when not overdue); blank when written without the model.
     */
    public static final List<String> MODEL = List.of("Stage", "OrderState", "BusinessDaysLate");

    static final int DATE_SCHEDULED = 1;
    // Longer is no number a supplier sends: text, whatever it looks like.
    private static final int MAX_NUMBER_LENGTH = 40;

    private static final Set<String> FIXED_KEYS = new HashSet<>();

    static {
        FIXED.forEach(name -> FIXED_KEYS.add(ColumnNames.key(name)));
    }

    private final List<String> names;
    private final List<String> others;
    private final ColumnKind[] kinds;
    private final int previousDate;
    // Only lines of orders whose date moved: the rest have no previous date.
    private final Map<OrderLine, LocalDate> previousDates;
    // The model's view of each line (identity: filtered orders hold the model's line objects).
    private final Map<OrderLine, Facts> facts;
    private final Function<Instance, String> factoryNames;

    /** What the order model says about one line and its order. */
    private record Facts(String status, String stage, String state, int businessDaysLate) {
    }

    private ExportColumns(List<String> others, Function<String, ColumnKind> kindOf,
                          Map<OrderLine, LocalDate> previousDates,
                          Map<OrderLine, Facts> facts, Function<Instance, String> factoryNames) {
        this.factoryNames = factoryNames;
        this.others = List.copyOf(others);
        this.facts = facts;
        this.kinds = new ColumnKind[FIXED.size() + others.size() + 1 + MODEL.size()];
        Arrays.fill(kinds, ColumnKind.TEXT);
        kinds[DATE_SCHEDULED] = ColumnKind.DATE;
        for (int i = 0; i < others.size(); i++) {
            ColumnKind kind = kindOf == null ? null : kindOf.apply(others.get(i));
            kinds[FIXED.size() + i] = kind == null ? ColumnKind.TEXT : kind;
        }
        this.previousDate = FIXED.size() + others.size();
        kinds[previousDate] = ColumnKind.DATE;
        kinds[kinds.length - 1] = ColumnKind.NUMBER;
        this.previousDates = previousDates;
        List<String> all = new ArrayList<>(FIXED);
        all.addAll(others);
        all.add(PREVIOUS_DATE);
        all.addAll(MODEL);
        this.names = List.copyOf(all);
    }

    /** The columns for these orders' lines, every other column written as text. */
    public static ExportColumns of(List<Order> orders) {
        return of(orders, null);
    }

    /** The columns for these orders' lines; {@code kinds} says which other columns hold numbers or dates. */
    public static ExportColumns of(List<Order> orders, Function<String, ColumnKind> kinds) {
        return of(orders, kinds, null);
    }

    /**
     * As {@link #of(List, Function)}, with the status label, stage, state and lateness the order {@code model}
     * (of the report these orders come from) gives each line; null: those cells stay blank, statuses as stored.
     */
    public static ExportColumns of(List<Order> orders, Function<String, ColumnKind> kinds, OrderModel model) {
        return of(orders, kinds, model, Instance::name);
    }

    /**
     * As {@link #of(List, Function, OrderModel)}, the {@code Instance} column naming each factory as
     * {@code factoryNames} says (its display name where one is set, else its code).
     */
    public static ExportColumns of(List<Order> orders, Function<String, ColumnKind> kinds, OrderModel model,
                                   Function<Instance, String> factoryNames) {
        Map<OrderLine, Facts> facts = new IdentityHashMap<>();
        if (model != null) {
            for (OrderView view : model.orders()) {
                for (LineView line : view.lines()) {
                    facts.put(line.line(), new Facts(line.status(), line.stage(), view.state(),
                            view.businessDaysLate()));
                }
            }
        }
        Set<String> others = new LinkedHashSet<>();
        Set<String> seen = new HashSet<>();
        Map<OrderLine, LocalDate> previousDates = new IdentityHashMap<>();
        for (Order order : orders) {
            if (order.dateChange() != null && order.dateChange().previous() != null) {
                order.lines().forEach(line -> previousDates.put(line, order.dateChange().previous()));
            }
            for (OrderLine line : order.lines()) {
                for (String column : line.otherColumns().keySet()) {
                    // One check per distinct name, not per row: a download can hold 100,000 rows.
                    // A column named like a fixed one ("refno") would be a second, different RefNo.
                    if (seen.add(column) && !FIXED_KEYS.contains(ColumnNames.key(column))) {
                        others.add(column);
                    }
                }
            }
        }
        return new ExportColumns(new ArrayList<>(others), kinds, previousDates, facts, factoryNames);
    }

    public List<String> names() {
        return names;
    }

    int size() {
        return names.size();
    }

    /** What a column holds: {@code DateScheduled} and date columns are dates, numbers the supplier typed as such. */
    ColumnKind kind(int column) {
        return kinds[column];
    }

    /** A date column's cell as a date; null when empty or unreadable (then written as its text). */
    LocalDate date(OrderLine line, int column) {
        if (column == DATE_SCHEDULED) {
            return line.dateScheduled();
        }
        if (column == previousDate) {
            return previousDates.get(line);
        }
        String text = text(line, column);
        return text == null ? null : ColumnKind.calendarDate(text);
    }

    /** A number column's cell as a number; null when empty or not a number (then written as its text). */
    static BigDecimal number(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_NUMBER_LENGTH) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String modelCell(OrderLine line, int which) {
        Facts fact = facts.get(line);
        if (fact == null) {
            return null;
        }
        return switch (which) {
            case 0 -> fact.stage();
            case 1 -> fact.state();
            default -> String.valueOf(fact.businessDaysLate());
        };
    }

    /** A cell's value as text, before any guard; null when empty. The date column is left to each format. */
    String text(OrderLine line, int column) {
        return switch (column) {
            case 0 -> line.refNo();
            case DATE_SCHEDULED -> throw new IllegalArgumentException("DateScheduled is written by each format");
            case 2 -> facts.containsKey(line) ? facts.get(line).status() : line.productionStatus();
            case 3 -> line.productionLine();
            case 4 -> line.inventoryItem();
            case 5 -> line.descn();
            case 6 -> line.instance() == null ? null : factoryNames.apply(line.instance());
            case 7 -> line.fixedLine();
            default -> column == previousDate ? null
                    : column > previousDate ? modelCell(line, column - previousDate - 1)
                    : line.otherColumns().get(others.get(column - FIXED.size()));
        };
    }
}
