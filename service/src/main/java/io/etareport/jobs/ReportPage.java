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
import io.etareport.cache.Source;
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
                        : age(source.refreshedAt(), report.builtAt()) + " ("
                        + UPDATED.format(source.refreshedAt().atZone(zone)) + " " + Dates.placeName(zone) + " time)")
                        + ", because " + why(source.kind()));
            }
        }
        return notices;
    }

    /** Why a saved copy was shown, from the cache's label. */
    private static String why(Source kind) {
        return switch (kind) {
            case CACHE_SLOW -> "the supplier's system is slow right now. A fresh copy is on its way: open the link"
                    + " again in a minute to see it.";
            case CACHE_BLACKOUT -> "the supplier's system is switched off for maintenance at this time of day.";
            case CACHE_BREAKER -> "the supplier's system is having problems right now. We will check it again"
                    + " shortly.";
            case CACHE_TIMEOUT -> "the supplier's system is not responding right now.";
            case CACHE_CONNECTION -> "we cannot connect to the supplier's system right now.";
            default -> "the supplier's system is not available right now.";
        };
    }

    /** "3 hours ago", measured up to when the report was built, so a kept report reads the same later. */
    static String age(java.time.Instant saved, java.time.Instant builtAt) {
        java.time.Duration age = java.time.Duration.between(saved, builtAt);
        long minutes = Math.max(0, age.toMinutes());
        if (minutes < 1) {
            return "less than a minute ago";
        }
        if (minutes < 60) {
            return plural(minutes, "minute") + " ago";
        }
        long hours = minutes / 60;
        if (hours < 48) {
            return plural(hours, "hour") + " ago";
        }
        return plural(hours / 24, "day") + " ago";
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
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
