package io.etareport.link;

import java.util.Optional;

import io.etareport.customers.Customer;
import io.etareport.customers.CustomerLinks;
import io.etareport.jobs.LinkPreviews;
import io.etareport.jobs.ReportInRequest;
import io.etareport.jobs.ReportJobs;
import io.etareport.jobs.StartLimiter;
import io.etareport.report.Report;
import io.etareport.report.ReportFilter;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.HttpStatus;
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
 * kept), else the customer's shared job (one completed within the reuse window, the one under way, or a new one);
 * through the same filter as the page, streamed to the response.
 */
@Controller
@ReportInRequest
class DownloadController {

    private static final String ID = "{id:[0-9a-f]{32}}";

    private final CustomerLinks links;
    private final ReportJobs jobs;
    private final ReportDownload download;
    private final StartLimiter limiter;

    DownloadController(CustomerLinks links, ReportJobs jobs, ReportDownload download, StartLimiter limiter) {
        this.links = links;
        this.jobs = jobs;
        this.download = download;
        this.limiter = limiter;
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
        Customer customer = links.open(id)
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
        return download.respond(report, ReportFilter.of(query), format.get(), "page");
    }
}
