package io.etareport.link;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.time.LocalDate;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.etareport.buz.OrderLine;
import io.etareport.report.DateChange;
import io.etareport.report.Dates;
import io.etareport.report.FilterChoices;
import io.etareport.report.Order;
import io.etareport.report.Report;
import io.etareport.report.ReportFilter;
import io.etareport.report.OrderModel;
import io.etareport.report.Stages;
import io.etareport.report.InstanceSource;
import io.etareport.report.SavedCopyNotice;

/**
 * What the report page shows, with every text prepared here so the template only prints. Every
 * order is rendered; those outside the current filter are marked hidden, so the page's script
 * can filter instantly and the page still works without it.
 */
record ReportPage(String customerId, String jobId, String title, List<OrderView> orders, int visibleOrders,
                  FilterChoices choices, ReportFilter filter, List<String> notices, String updated, String zoneName,
                  String query, Summary summary, int expectedWindow, List<WeekView> weeks) {

    private static final DateTimeFormatter UPDATED =
            DateTimeFormatter.ofPattern("d MMM yyyy, h:mm a", Locale.ENGLISH);

    /**
     * @param window    the expected date's window ("07 Jan 2025 – 09 Jan 2025"), or null
     * @param moved     "was 12 May — moved later on 3 Dec" for a recent move, or null
     * @param askAbout  the subject of an email about this order
     * @param state     the order model's state (its stage, "On hold", "Done", "Cancelled"), or null
     * @param late      "5 business days late" when overdue, else null
     * @param states    the filter sets it is in, space separated ("overdue moved"), for the page's script
     */
    record OrderView(String supplier, String expected, String refNo, String ref, String search, boolean hidden,
                     List<LineView> lines, boolean overdue, boolean ready, String window, String moved,
                     String askAbout, boolean changed, List<StageView> tracker, String itemsReady, String key,
                     String expectedIso, String state, boolean onHold, String late, String states,
                     String supplierKey) {
    }

    /** One step of an order's stage tracker: done, the current one, or still to come. */
    record StageView(String name, boolean done, boolean current) {
    }

    /** Orders expected in one week (Monday to Sunday), under a heading; orders without a date come first. */
    record WeekView(String id, String heading, List<OrderView> orders, boolean hidden) {
    }

    /**
     * The line heading the page: what a customer wants to know before reading any order; the order model's
     * counts, so "3 ready" is the 3 orders the Ready filter shows.
     */
    record Summary(int orders, int overdue, int ready, int moved, int onHold) {
    }

    /**
     * What the page needs to know besides the report and its model.
     *
     * @param today          the customers' today, for recent moves
     * @param expectedWindow business days either side of an expected date; 0: no window shown
     * @param showMovesFor   days a date move stays marked on the page
     * @param stages         the configured stages, for the tracker
     */
    record Settings(LocalDate today, int expectedWindow, int showMovesFor, List<String> stages,
                    java.util.function.Function<io.etareport.buz.Instance, String> factoryNames) {

        Settings(LocalDate today, int expectedWindow, int showMovesFor) {
            this(today, expectedWindow, showMovesFor, List.of());
        }

        Settings(LocalDate today, int expectedWindow, int showMovesFor, List<String> stages) {
            this(today, expectedWindow, showMovesFor, stages, io.etareport.buz.Instance::name);
        }
    }

    record LineView(String group, String item, String status, String groupKey, String statusKey, boolean hidden,
                    String stage) {
    }

    /**
     * The page as of the day the report was built, with no expected window and no stages beyond the special ones
     * (tests).
     */
    static ReportPage of(String customerId, String jobId, Report report, ReportFilter filter, ZoneId zone) {
        Settings settings = new Settings(report.builtAt().atZone(zone).toLocalDate(), 0, 30);
        return of(customerId, jobId, report, new OrderModel(report, settings.today(), Stages.NONE,
                java.time.Duration.ofDays(settings.showMovesFor())), filter, zone, settings);
    }

    /**
     * @param jobId the job whose report this is, so downloads from the page hold exactly what it
     *              shows; null for a report built inside the request
     * @param zone  the service's time zone, in which times are shown
     */
    static ReportPage of(String customerId, String jobId, Report report, OrderModel model, ReportFilter filter,
                         ZoneId zone, Settings settings) {
        LocalDate today = settings.today();
        // The filter returns the same line objects it was given: identity tells what it kept.
        List<Order> kept = filter.apply(model);
        Set<OrderLine> visibleLines = Collections.newSetFromMap(new IdentityHashMap<>());
        kept.forEach(order -> visibleLines.addAll(order.lines()));
        List<OrderView> orders = new ArrayList<>(model.orders().size());
        for (io.etareport.report.OrderView view : model.orders()) {
            Order order = view.order();
            List<LineView> lines = new ArrayList<>(view.lines().size());
            boolean anyVisible = false;
            for (io.etareport.report.LineView line : view.lines()) {
                boolean visible = visibleLines.contains(line.line());
                anyVisible |= visible;
                lines.add(new LineView(orNa(line.line().productionLine()), item(line.line()), orNa(line.status()),
                        key(line.line().productionLine()), key(line.status()), !visible, line.stage()));
            }
            // Newline: the search box cannot hold one, so a search never spans number and reference.
            orders.add(new OrderView(settings.factoryNames().apply(order.instance()), Dates.display(order.expected()),
                    orNa(order.refNo()),
                    orNa(order.descn()), key(order.refNo()) + "\n" + key(order.descn()), !anyVisible, lines,
                    view.overdue(), view.ready(), Dates.window(order.expected(), settings.expectedWindow()),
                    moved(order, today, settings.showMovesFor()), askAbout(order), view.movedRecently(),
                    tracker(view.state(), settings.stages()), view.itemsReadyText(),
                    order.instance().name() + "|" + orNa(order.refNo()),
                    order.expected() == null ? "" : order.expected().toString(), view.state(), view.onHold(),
                    view.lateText(), states(view), key(order.instance().name())));
        }
        return new ReportPage(customerId, jobId, "Open Orders for " + report.customerName(), orders, kept.size(),
                report.choices(), filter, notices(report, zone, settings.factoryNames()), UPDATED.format(report.builtAt().atZone(zone)),
                Dates.placeName(zone), queryString(filter),
                new Summary(orders.size(), (int) model.overdueCount(), (int) model.readyCount(),
                        (int) model.movedCount(), (int) model.onHoldCount()),
                settings.expectedWindow(), weeks(report.orders(), orders));
    }

    /** The filter sets an order is in, as the filter names them. */
    private static String states(io.etareport.report.OrderView view) {
        List<String> states = new ArrayList<>();
        for (String state : ReportFilter.STATES) {
            if (new ReportFilter(Set.of(), Set.of(), Set.of(), "", false, Set.of(state)).inStates(view)) {
                states.add(state);
            }
        }
        return String.join(" ", states);
    }

    /** The orders (already sorted by date, undated first) cut into weeks. */
    private static List<WeekView> weeks(List<Order> orders, List<OrderView> views) {
        List<WeekView> weeks = new ArrayList<>();
        LocalDate week = null;
        boolean undated = false;
        List<OrderView> current = null;
        for (int i = 0; i < orders.size(); i++) {
            LocalDate expected = orders.get(i).expected();
            LocalDate monday = expected == null ? null : expected.with(java.time.DayOfWeek.MONDAY);
            boolean start = current == null || (monday == null ? !undated : !monday.equals(week));
            if (start) {
                current = new ArrayList<>();
                undated = monday == null;
                week = monday;
                weeks.add(new WeekView(monday == null ? "week-none" : "week-" + monday,
                        monday == null ? "No expected date yet" : "Week of " + Dates.display(monday), current, false));
            }
            current.add(views.get(i));
        }
        List<WeekView> marked = new ArrayList<>(weeks.size());
        for (WeekView view : weeks) {
            marked.add(new WeekView(view.id(), view.heading(), List.copyOf(view.orders()),
                    view.orders().stream().allMatch(OrderView::hidden)));
        }
        return marked;
    }

    /** "was 12 May — moved later on 3 Dec", for a move seen within the last {@code days} days. */
    static String moved(Order order, LocalDate today, int days) {
        DateChange change = order.dateChange();
        if (change == null || change.seenOn() == null || days <= 0 || !change.seenOn().isAfter(today.minusDays(days))) {
            return null;
        }
        String direction = change.previous() == null || order.expected() == null ? "changed"
                : order.expected().isAfter(change.previous()) ? "moved later" : "moved earlier";
        return "was " + Dates.dayMonth(change.previous()) + " — " + direction + " on "
                + Dates.dayMonth(change.seenOn());
    }

    /** The stages with this order's state marked; empty when its state is not one of them or none are configured. */
    static List<StageView> tracker(String state, List<String> stages) {
        int current = state == null ? -1 : stages.indexOf(state);
        if (current < 0) {
            return List.of();
        }
        List<StageView> tracker = new ArrayList<>(stages.size());
        for (int i = 0; i < stages.size(); i++) {
            tracker.add(new StageView(stages.get(i), i < current, i == current));
        }
        return tracker;
    }

    private static String askAbout(Order order) {
        String subject = "Order " + orNa(order.refNo());
        return blank(order.descn()) ? subject : subject + " (ref " + order.descn().trim() + ")";
    }

    /** The query of the page's download links: its filter, and the job whose report it shows. */
    public String downloadQuery() {
        String job = jobId == null ? "" : "job=" + jobId;
        if (query == null) {
            return job.isEmpty() ? "" : "?" + job;
        }
        return "?" + query + (job.isEmpty() ? "" : "&" + job);
    }

    /** Whether any order's date moved recently, so the "Date changed" filter has something to find. */
    public boolean anyChanged() {
        return orders.stream().anyMatch(OrderView::changed);
    }

    public boolean empty() {
        return orders.isEmpty();
    }

    private static List<String> notices(Report report, ZoneId zone,
                                        java.util.function.Function<io.etareport.buz.Instance, String> names) {
        List<String> notices = new ArrayList<>();
        for (InstanceSource source : report.sources()) {
            SavedCopyNotice.of(source, report.builtAt(), zone, names.apply(source.instance())).ifPresent(notices::add);
        }
        return notices;
    }

    /** "3 hours ago", measured up to when the report was built, so a kept report reads the same later. */
    static String age(java.time.Instant saved, java.time.Instant builtAt) {
        return SavedCopyNotice.age(saved, builtAt);
    }

    private static String item(OrderLine line) {
        String item = blank(line.inventoryItem()) ? "N/A" : line.inventoryItem().trim();
        return blank(line.fixedLine()) ? item : item + " (" + line.fixedLine().trim() + ")";
    }

    private static String orNa(String value) {
        return blank(value) ? "N/A" : value.trim();
    }

    /** Whether a filter choice is among the selected values (compared as the filter compares). */
    public boolean selected(Set<String> values, String choice) {
        String wanted = key(choice);
        return values.stream().anyMatch(value -> key(value).equals(wanted));
    }

    /** How filters compare labels; the page's script compares these keys, rendered here, and never folds. */
    static String key(String value) {
        return ReportFilter.key(value);
    }

    /** A filter choice's key, for the page's script. */
    public String keyOf(String choice) {
        return key(choice);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** The filter as a URL query (without '?'), or null when there is none. */
    static String queryString(ReportFilter filter) {
        return org.springframework.web.util.UriComponentsBuilder.newInstance()
                .queryParams(new org.springframework.util.LinkedMultiValueMap<>(filter.toQuery()))
                .build().encode().getQuery();
    }
}
