package io.etareport.jobs;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.etareport.buz.OrderLine;
import io.etareport.report.Dates;
import io.etareport.report.FilterChoices;
import io.etareport.report.Order;
import io.etareport.report.Report;
import io.etareport.report.ReportFilter;
import io.etareport.report.InstanceSource;

/**
 * What the report page shows, with every text prepared here so the template only prints. Every
 * order is rendered; those outside the current filter are marked hidden, so the page's script
 * can filter instantly and the page still works without it.
 */
record ReportPage(String customerId, String jobId, String title, List<OrderView> orders, int visibleOrders,
                  FilterChoices choices, ReportFilter filter, List<String> notices, String updated, String zoneName,
                  String query) {

    private static final DateTimeFormatter UPDATED =
            DateTimeFormatter.ofPattern("d MMM yyyy, h:mm a", Locale.ENGLISH);

    record OrderView(String supplier, String expected, String refNo, String ref, String search, boolean hidden,
                     List<LineView> lines) {
    }

    record LineView(String group, String item, String status, String groupKey, String statusKey, boolean hidden) {
    }

    /**
     * @param jobId the job whose report this is, so downloads from the page hold exactly what it
     *              shows; null for a report built inside the request
     * @param zone  the service's time zone, in which times are shown
     */
    static ReportPage of(String customerId, String jobId, Report report, ReportFilter filter, ZoneId zone) {
        // The filter returns the same line objects it was given: identity tells what it kept.
        List<Order> kept = filter.apply(report.orders());
        Set<OrderLine> visibleLines = Collections.newSetFromMap(new IdentityHashMap<>());
        kept.forEach(order -> visibleLines.addAll(order.lines()));
        List<OrderView> orders = new ArrayList<>(report.orders().size());
        for (Order order : report.orders()) {
            List<LineView> lines = new ArrayList<>(order.lines().size());
            boolean anyVisible = false;
            for (OrderLine line : order.lines()) {
                boolean visible = visibleLines.contains(line);
                anyVisible |= visible;
                lines.add(new LineView(orNa(line.productionLine()), item(line), orNa(line.productionStatus()),
                        key(line.productionLine()), key(line.productionStatus()), !visible));
            }
            // Newline: the search box cannot hold one, so a search never spans number and reference.
            orders.add(new OrderView(order.instance().name(), Dates.display(order.expected()), orNa(order.refNo()),
                    orNa(order.descn()), key(order.refNo()) + "\n" + key(order.descn()), !anyVisible, lines));
        }
        return new ReportPage(customerId, jobId, "Open Orders for " + report.customerName(), orders, kept.size(),
                report.choices(), filter, notices(report, zone), UPDATED.format(report.builtAt().atZone(zone)),
                Dates.placeName(zone), queryString(filter));
    }

    /** The query of the page's download links: its filter, and the job whose report it shows. */
    public String downloadQuery() {
        String job = jobId == null ? "" : "job=" + jobId;
        if (query == null) {
            return job.isEmpty() ? "" : "?" + job;
        }
        return "?" + query + (job.isEmpty() ? "" : "&" + job);
    }

    public boolean empty() {
        return orders.isEmpty();
    }

    private static List<String> notices(Report report, ZoneId zone) {
        List<String> notices = new ArrayList<>();
        for (InstanceSource source : report.sources()) {
            if (source.unavailable()) {
                notices.add("Orders from " + source.instance() + " are missing: the supplier's system could not be"
                        + " reached and there is no saved copy yet. Please try again later.");
            } else if (source.fromCache()) {
                notices.add("Orders from " + source.instance() + " come from a saved copy, last refreshed "
                        + (source.refreshedAt() == null ? "at an unknown time"
                        : UPDATED.format(source.refreshedAt().atZone(zone)) + " (" + Dates.placeName(zone) + " time)")
                        + ", because the supplier's system is not available right now.");
            }
        }
        return notices;
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

    /** Trimmed, whitespace runs as one space, lower case: how filters compare labels (report.js too). */
    static String key(String value) {
        return ReportFilter.key(value);
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
