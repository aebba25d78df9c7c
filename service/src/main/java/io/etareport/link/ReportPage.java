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
import io.etareport.report.OrderModel;
import io.etareport.report.Stages;

/**
 * What the report page shows, with every text prepared here so the template only prints. Every
 * order is rendered; those outside the current filter are marked hidden, so the page's script
 * can filter instantly and the page still works without it.
 */
record ReportPage(String customerId, String jobId, String title, List<OrderView> orders, int visibleOrders,
                  FilterChoices choices, ReportFilter filter, List<String> notices, String updated, String zoneName,
                  String query, Summary summary, int expectedWindow, List<WeekView> weeks, String freshness,
                  List<String> members, String customerName, Narrowing narrowing, java.time.Instant builtAt,
                  ZoneId zone, java.util.function.Function<io.etareport.buz.Instance, String> factoryNames) {

    /**
     * What the page narrows to besides the report filter: a group's member customer ({@code member=}). A summary set
     * ({@code state=overdue}) is the report filter's own ({@link ReportFilter#states()}), which downloads apply too.
     */
    record Narrowing(String member) {

        static final Narrowing NONE = new Narrowing(null);

        static Narrowing of(java.util.Map<String, List<String>> query) {
            return new Narrowing(first(query, "member"));
        }

        private static String first(java.util.Map<String, List<String>> query, String name) {
            List<String> values = query == null ? null : query.get(name);
            String value = values == null || values.isEmpty() ? null : values.get(0);
            return value == null || value.isBlank() ? null : value.strip();
        }

        boolean isEmpty() {
            return member == null;
        }

        boolean keeps(OrderView order) {
            return member == null || (order.member() != null && key(order.member()).equals(key(member)));
        }

        /** As query parameters, appended to the filter's. */
        String query() {
            return member == null ? ""
                    : "member=" + java.net.URLEncoder.encode(member, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static final DateTimeFormatter UPDATED =
            DateTimeFormatter.ofPattern("d MMM yyyy, h:mm a", Locale.ENGLISH);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("h:mm a", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_CLOCK = DateTimeFormatter.ofPattern("d MMM, h:mm a", Locale.ENGLISH);

    /**
     * Up to this many orders, every order's lines are on the page; above it, an order shows one line and its lines
     * come on demand (the page stays light on a phone: the 329-order group would be 18,000 elements otherwise).
     */
    static final int FULL_ORDERS = 60;

    /** A filter leaving at most this many orders shows their lines even on a long report (found by search). */
    static final int FULL_MATCHES = 20;

    /** Weeks from this many ahead of the current one start collapsed under their heading. */
    static final int OPEN_WEEKS = 4;

    /**
     * @param supplier     the factory's name as customers read it ({@code eta.buz.instances.<I>.display-name})
     * @param supplierCode the factory's code (DD, CBR): the value of the supplier filter and its links
     * @param window    the expected date's window ("07 Jan 2025 – 09 Jan 2025"), or null
     * @param moved     "was 12 May — moved later on 3 Dec" for a recent move, or null
     * @param askAbout  the subject of an email about this order
     * @param index     its place on the page, for element ids
     * @param state     the customer-facing state name for the order's one-line row, or null
     * @param late      "3 business days late" for an overdue order, or null
     * @param member    the member customer the order belongs to on a group's page, or null
     * @param full      whether its lines are on the page (otherwise they come on demand)
     * @param states    the summary sets it belongs to ("overdue ready moved on-hold"), space separated
     * @param statusKeys its lines' status keys, "|"-separated, so the page's script filters without the lines
     * @param groupKeys  its lines' product group keys, likewise
     */
    record OrderView(String supplier, String supplierCode, String expected, String refNo, String ref, String search, boolean hidden,
                     List<LineView> lines, boolean overdue, boolean ready, String window, String moved,
                     String askAbout, boolean changed, List<StageView> tracker, String itemsReady, String key,
                     String expectedIso, int index, String state, String late, String member, boolean full,
                     String states, String statusKeys, String groupKeys, String shortExpected) {

        /** The same order hidden by the page's narrowing. */
        OrderView hiddenNow() {
            return new OrderView(supplier, supplierCode, expected, refNo, ref, search, true, lines, overdue, ready, window, moved,
                    askAbout, changed, tracker, itemsReady, key, expectedIso, index, state, late, member, full,
                    states, statusKeys, groupKeys, shortExpected);
        }

        /** The same order with its lines on the page or not. */
        OrderView withFull(boolean showLines) {
            return new OrderView(supplier, supplierCode, expected, refNo, ref, search, hidden, lines, overdue, ready, window, moved,
                    askAbout, changed, tracker, itemsReady, key, expectedIso, index, state, late, member, showLines,
                    states, statusKeys, groupKeys, shortExpected);
        }
    }

    /** One step of an order's stage tracker: done, the current one, or still to come. */
    record StageView(String name, boolean done, boolean current) {
    }

    /**
     * Orders expected in one week (Monday to Sunday), under a heading; orders without a date come first.
     *
     * @param later a week with orders after the next {@value #OPEN_WEEKS} such weeks: it starts collapsed under its
     *              heading
     */
    record WeekView(String id, String heading, List<OrderView> orders, boolean hidden, boolean later) {

        /** "12 orders", for the heading of a collapsed week. */
        public String count() {
            return orders.size() + (orders.size() == 1 ? " order" : " orders");
        }
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
                    java.time.Instant now,
                    java.util.function.Function<io.etareport.buz.Instance, String> factoryNames) {

        Settings(LocalDate today, int expectedWindow, int showMovesFor) {
            this(today, expectedWindow, showMovesFor, List.of());
        }

        Settings(LocalDate today, int expectedWindow, int showMovesFor, List<String> stages) {
            this(today, expectedWindow, showMovesFor, stages, null, io.etareport.buz.Instance::name);
        }
    }

    record LineView(String group, String item, String status, String groupKey, String statusKey, boolean hidden,
                    String stage) {
    }

    /**
     * The page as of the day the report was built, with no expected window and no stages beyond the special ones
     * (tests).
     *
     * @param jobId the job whose report this is, so downloads from the page hold exactly what it
     *              shows; null for a report built inside the request
     * @param zone  the service's time zone, in which times are shown
     */
    static ReportPage of(String customerId, String jobId, Report report, ReportFilter filter, ZoneId zone) {
        return of(customerId, jobId, report, filter, zone,
                new Settings(report.builtAt().atZone(zone).toLocalDate(), 0, 30));
    }

    static ReportPage of(String customerId, String jobId, Report report, ReportFilter filter, ZoneId zone,
                         Settings settings) {
        return of(customerId, jobId, report, filter, zone, settings, Narrowing.NONE);
    }

    static ReportPage of(String customerId, String jobId, Report report, ReportFilter filter, ZoneId zone,
                         Settings settings, Narrowing narrowing) {
        return of(customerId, jobId, report, filter, zone, settings, narrowing, new OrderModel(report,
                settings.today(), Stages.NONE, java.time.Duration.ofDays(settings.showMovesFor())));
    }

    static ReportPage of(String customerId, String jobId, Report report, OrderModel model, ReportFilter filter,
                         ZoneId zone, Settings settings) {
        return of(customerId, jobId, report, filter, zone, settings, Narrowing.NONE, model);
    }

    /** The page, every fact about an order (its state, overdue, ready, moved, on hold) read from {@code model}. */
    static ReportPage of(String customerId, String jobId, Report report, ReportFilter filter, ZoneId zone,
                         Settings settings, Narrowing narrowing, OrderModel model) {
        LocalDate today = settings.today();
        // The filter returns the same line objects it was given: identity tells what it kept.
        List<Order> kept = filter.apply(model);
        Set<OrderLine> visibleLines = Collections.newSetFromMap(new IdentityHashMap<>());
        kept.forEach(order -> visibleLines.addAll(order.lines()));
        List<OrderView> orders = new ArrayList<>(report.orders().size());
        Set<String> members = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        report.orders().forEach(order -> {
            String member = member(order);
            if (member != null) {
                members.add(member);
            }
        });
        boolean group = members.size() > 1;
        for (io.etareport.report.OrderView fact : model.orders()) {
            Order order = fact.order();
            List<LineView> lines = new ArrayList<>(order.lines().size());
            boolean anyVisible = false;
            Set<String> statusKeys = new java.util.LinkedHashSet<>();
            Set<String> groupKeys = new java.util.LinkedHashSet<>();
            for (io.etareport.report.LineView lineFact : fact.lines()) {
                OrderLine line = lineFact.line();
                boolean visible = visibleLines.contains(line);
                anyVisible |= visible;
                lines.add(new LineView(orNa(line.productionLine()), item(line), orNa(lineFact.status()),
                        key(line.productionLine()), key(lineFact.status()), !visible, lineFact.stage()));
                statusKeys.add(key(lineFact.status()));
                groupKeys.add(key(line.productionLine()));
            }
            // Newline: the search box cannot hold one, so a search never spans number and reference.
            boolean late = fact.overdue();
            String moved = moved(order, today, settings.showMovesFor());
            String member = group ? member(order) : null;
            String search = key(order.refNo()) + "\n" + key(order.descn()) + (member == null ? "" : "\n" + key(member));
            orders.add(new OrderView(settings.factoryNames().apply(order.instance()), order.instance().name(),
                    Dates.display(order.expected()),
                    orNa(order.refNo()), orNa(order.descn()), search, !anyVisible, lines,
                    late, fact.ready(), Dates.window(order.expected(), settings.expectedWindow()),
                    moved, askAbout(order), fact.movedRecently(),
                    tracker(fact.state(), settings.stages()), fact.itemsReadyText(),
                    order.instance().name() + "|" + orNa(order.refNo()),
                    order.expected() == null ? "" : order.expected().toString(), orders.size(), fact.state(),
                    fact.lateText(), member, true,
                    states(fact),
                    String.join("|", statusKeys), String.join("|", groupKeys),
                    order.expected() == null ? "No date" : Dates.dayMonth(order.expected())));
        }
        if (!narrowing.isEmpty()) {
            orders.replaceAll(view -> view.hidden() || narrowing.keeps(view) ? view : view.hiddenNow());
        }
        int visible = (int) orders.stream().filter(view -> !view.hidden()).count();
        boolean allFull = orders.size() <= FULL_ORDERS;
        boolean matchesFull = !(filter.isEmpty() && narrowing.isEmpty()) && visible <= FULL_MATCHES;
        orders.replaceAll(view -> view.withFull(allFull || (matchesFull && !view.hidden())));
        return new ReportPage(customerId, jobId, "Open Orders for " + report.customerName(), orders, visible,
                report.choices(), filter, notices(report, zone, settings.factoryNames()),
                UPDATED.format(report.builtAt().atZone(zone)), Dates.placeName(zone), queryString(filter),
                new Summary(orders.size(), (int) model.overdueCount(), (int) model.readyCount(),
                        (int) model.movedCount(), (int) model.onHoldCount()),
                settings.expectedWindow(), weeks(report.orders(), orders, today, filter.isEmpty() && narrowing.isEmpty()),
                freshness(report, zone, settings.now()), group ? List.copyOf(members) : List.of(),
                report.customerName(), narrowing, report.builtAt(), zone, settings.factoryNames());
    }

    /** A filter choice as customers read it: a supplier (its code is the value) by its factory's display name. */
    public String labelOf(String filterName, String choice) {
        if (!"supplier".equals(filterName)) {
            return choice;
        }
        return java.util.Arrays.stream(io.etareport.buz.Instance.values())
                .filter(instance -> instance.name().equalsIgnoreCase(choice)).findFirst()
                .map(factoryNames).orElse(choice);
    }

    /** The member customer an order belongs to (its lines' {@code Customer} column), or null when not known. */
    static String member(Order order) {
        for (OrderLine line : order.lines()) {
            String customer = line.otherColumns().get("Customer");
            if (customer != null && !customer.isBlank()) {
                return customer.strip();
            }
        }
        return null;
    }

    /**
     * "Updated 6 minutes ago, 7:21 PM Sydney time": the age and time of the oldest data on the page (a saved copy's
     * when one is shown), so the header never claims fresher data than a notice below it.
     *
     * @param now the time the page is shown; null: when the report was built
     */
    static String freshness(Report report, ZoneId zone, java.time.Instant now) {
        java.time.Instant oldest = oldest(report);
        java.time.Instant at = now == null ? report.builtAt() : now;
        // Under a minute reads "just now"; decided from the times, not by reading the age's words back.
        boolean justNow = java.time.Duration.between(oldest, at).toMinutes() < 1;
        return "Updated " + (justNow ? "just now" : age(oldest, at)) + ", " + clockTime(oldest, zone, at) + " "
                + Dates.placeName(zone) + " time";
    }

    /** When the oldest data on the page was fetched: the report's time, or a saved copy's when older. */
    static java.time.Instant oldest(Report report) {
        java.time.Instant oldest = report.builtAt();
        for (InstanceSource source : report.sources()) {
            if (source.refreshedAt() != null && source.refreshedAt().isBefore(oldest)) {
                oldest = source.refreshedAt();
            }
        }
        return oldest;
    }

    /** "7:21 PM" in the business zone, or "6 Dec, 7:21 PM" when {@code when} is not on {@code now}'s day there. */
    static String clockTime(java.time.Instant when, ZoneId zone, java.time.Instant now) {
        java.time.ZonedDateTime at = when.atZone(zone);
        boolean sameDay = at.toLocalDate().equals(now.atZone(zone).toLocalDate());
        return (sameDay ? CLOCK : DAY_CLOCK).format(at);
    }

    /** The summary sets an order is in, as the state filter (and the summary's links) name them. */
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
    private static List<WeekView> weeks(List<Order> orders, List<OrderView> views, LocalDate today,
                                        boolean collapseLater) {
        LocalDate thisWeek = today.with(java.time.DayOfWeek.MONDAY);
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
                        monday == null ? "No expected date yet" : "Week of " + Dates.display(monday), current, false,
                        false));
            }
            current.add(views.get(i));
        }
        // The next weeks that have orders stay open (never a first screen of closed weeks); later ones fold.
        List<WeekView> marked = new ArrayList<>(weeks.size());
        int ahead = 0;
        for (WeekView view : weeks) {
            LocalDate monday = view.id().equals("week-none") ? null : LocalDate.parse(view.id().substring(5));
            boolean coming = monday != null && !monday.isBefore(thisWeek);
            marked.add(new WeekView(view.id(), view.heading(), List.copyOf(view.orders()),
                    view.orders().stream().allMatch(OrderView::hidden),
                    collapseLater && coming && ahead >= OPEN_WEEKS));
            ahead += coming ? 1 : 0;
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

    /** Whether the page is narrowed, so the "Filter / download" control starts open. */
    public boolean filtered() {
        return !filter.isEmpty() || !narrowing.isEmpty();
    }

    /** Whether "Filter / download" starts open: a filter of its form is on (a summary shortcut alone keeps it shut). */
    public boolean toolsOpen() {
        return !filter.statuses().isEmpty() || !filter.groups().isEmpty() || !filter.suppliers().isEmpty()
                || !filter.search().isEmpty() || filter.changed() || narrowing.member() != null;
    }

    /** Whether the summary link for this set ("overdue", "ready", "moved", or null for all) is the page shown. */
    public boolean showing(String state) {
        // The state is the order model's filter (ReportFilter's, which downloads apply too); nothing else narrows.
        return state == null ? !filtered() : !toolsOpen() && filter.states().equals(Set.of(state));
    }

    /** The summary set shown (the hidden {@code state} field, so the page's script narrows to it too), or null. */
    public String stateFilter() {
        return filter.states().isEmpty() ? null : filter.states().iterator().next();
    }

    public Set<String> memberFilter() {
        return narrowing.member() == null ? Set.of() : Set.of(narrowing.member());
    }

    public String zoneId() {
        return zone.getId();
    }

    /** The calendar feed's path: every order, whatever the page is narrowed to. */
    public String calendarPath() {
        return "/" + customerId + "/calendar.ics";
    }

    /** One order by its key ("DD|90001"), for its lines asked for on demand. */
    java.util.Optional<OrderView> order(String key) {
        return orders.stream().filter(order -> order.key().equals(key)).findFirst().map(order -> order.withFull(true));
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
