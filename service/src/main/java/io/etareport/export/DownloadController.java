package io.etareport.export;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import io.etareport.customers.Customer;
import io.etareport.customers.CustomerRepository;
import io.etareport.jobs.LinkPreviews;
import io.etareport.jobs.ReportJobs;
import io.etareport.jobs.StartLimiter;
import io.etareport.report.Order;
import io.etareport.report.Report;
import io.etareport.report.ReportFilter;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Downloads of what the customer sees: the report of the page the link came from (its job, while
 * kept), else one completed within the reuse window, else a fresh one; through the same filter as
 * the page, streamed to the response.
 */
@Controller
class DownloadController {

    private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");
    private static final String ID = "{id:[0-9a-f]{32}}";

    private final CustomerRepository customers;
    private final ReportJobs jobs;
    private final StartLimiter limiter;
    private final Clock clock;

    DownloadController(CustomerRepository customers, ReportJobs jobs, StartLimiter limiter, Clock clock) {
        this.customers = customers;
        this.jobs = jobs;
        this.limiter = limiter;
        this.clock = clock;
    }

    @GetMapping({"/" + ID + "/download.{ext}", "/etas/" + ID + "/download.{ext}"})
    ResponseEntity<StreamingResponseBody> download(@PathVariable String id, @PathVariable String ext,
                                                   @RequestParam MultiValueMap<String, String> query,
                                                   @RequestParam(name = "job", required = false) String job,
                                                   HttpServletRequest request) {
        Optional<ExportFormat> format = ExportFormat.fromExtension(ext);
        if (format.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Downloads are available as CSV or XLSX.");
        }
        Customer customer = customers.findByObfuscatedId(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (LinkPreviews.isPreview(request)) {
            // A link checker or a chat's preview robot: the headers, never a report.
            return ResponseEntity.ok().contentType(MediaType.parseMediaType(format.get().contentType()))
                    .header("Referrer-Policy", "no-referrer").header(HttpHeaders.CACHE_CONTROL, "no-store").build();
        }
        // The report of the page the link came from, else the customer's shared job: one seen
        // within the reuse window, the one under way, or a new one.
        Optional<Report> shown = jobs.report(customer, job);
        if (shown.isEmpty()) {
            limiter.take(request.getRemoteAddr(), id);
        }
        Report report = shown.orElseGet(() -> jobs.awaitReport(customer));
        List<Order> orders = ReportFilter.of(query).apply(report.orders());
        LocalDate today = LocalDate.now(clock.withZone(SYDNEY));
        String fileName = ExportFileName.of(report.customerName(), today, format.get().extension());
        StreamingResponseBody body = out -> {
            if (format.get() == ExportFormat.CSV) {
                new CsvExport().write(orders, out);
            } else {
                new XlsxExport().write(orders, out);
            }
        };
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(format.get().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .header("Referrer-Policy", "no-referrer")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }
}
