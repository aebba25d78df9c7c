package io.etareport.link;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import io.etareport.buz.InstanceNames;
import io.etareport.export.CalendarFeed;
import io.etareport.jobs.ReportJobs;
import java.time.LocalDate;

import io.etareport.report.OrderModels;
import io.etareport.report.Report;
import io.etareport.report.ReportDisplay;
import io.etareport.report.ReportFilter;
import io.etareport.report.OrderModel;
import io.etareport.report.OrderModels;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The customer's calendar feed at {@code /<id>/calendar.ics} (and under {@code /etas/}), built from the same report
 * as the page and downloads: the customer's shared job (one completed within the reuse window, the one under way,
 * or a new one). Starts count against {@code eta.jobs.starts-per-minute}, like the link's. A
 * replaced or paused link answers the closed-link page's 404, so a subscription stops with the link; a supplier
 * that is down with no saved copy answers 503 with {@code Retry-After}, as downloads do.
 */
@Controller
@ReportInRequest
class CalendarController {

    private static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

    private final ReportJobs jobs;
    private final OrderModels models;
    private final ReportDisplay display;
    private final CalendarFeed feed;

    CalendarController(ReportJobs jobs, OrderModels models, ReportDisplay display, InstanceNames factoryNames) {
        this.feed = new CalendarFeed(factoryNames::of);
        this.jobs = jobs;
        this.models = models;
        this.display = display;
    }

    @GetMapping({"/" + OpenLink.ID + "/calendar.ics", "/etas/" + OpenLink.ID + "/calendar.ics"})
    ResponseEntity<byte[]> calendar(@StartsReport OpenLink link, @RequestParam MultiValueMap<String, String> query)
            throws IOException {
        if (link.preview()) {
            // A link checker or a chat's preview robot: the headers, never a report.
            return ResponseEntity.ok().contentType(CALENDAR).header("Referrer-Policy", "no-referrer")
                    .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
        }
        // The customer's shared job: one seen within the reuse window, the one under way, or a new one.
        Report report = jobs.awaitReport(link.customer());
        OrderModel model = models.of(report);
        Report filtered = new Report(report.customerName(), ReportFilter.of(query).apply(model),
                report.choices(), report.sources(), report.builtAt());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // The model of the whole report: a filter that keeps some of an order's lines does not change its state.
        LocalDate today = display.today();
        feed.write(filtered, models.of(report, today), today, out);
        return ResponseEntity.ok()
                .contentType(CALENDAR)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"orders.ics\"")
                // The URL is the customer's key: no Referer, no shared caches.
                .header("Referrer-Policy", "no-referrer")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(out.toByteArray());
    }
}
