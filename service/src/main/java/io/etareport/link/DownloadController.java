package io.etareport.link;

import java.util.Optional;

import io.etareport.export.ExportFormat;
import io.etareport.export.ReportDownload;
import io.etareport.jobs.ReportJobs;
import io.etareport.report.Report;
import io.etareport.report.ReportFilter;

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

    private final ReportJobs jobs;
    private final ReportDownload download;

    DownloadController(ReportJobs jobs, ReportDownload download) {
        this.jobs = jobs;
        this.download = download;
    }

    @GetMapping({"/" + OpenLink.ID + "/download.{ext}", "/etas/" + OpenLink.ID + "/download.{ext}"})
    ResponseEntity<StreamingResponseBody> download(OpenLink link, @PathVariable String ext,
                                                   @RequestParam MultiValueMap<String, String> query,
                                                   @RequestParam(name = "job", required = false) String job) {
        Optional<ExportFormat> format = ExportFormat.fromExtension(ext);
        if (format.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Downloads are available as CSV or XLSX.");
        }
        if (link.preview()) {
            // A link checker or a chat's preview robot: the headers, never a report.
            return ResponseEntity.ok().contentType(MediaType.parseMediaType(format.get().contentType()))
                    .header("Referrer-Policy", "no-referrer").header(HttpHeaders.CACHE_CONTROL, "no-store").build();
        }
        // The report of the page the link came from, else the customer's shared job: one seen
        // within the reuse window, the one under way, or a new one (which counts as a start).
        Optional<Report> shown = jobs.report(link.customer(), job);
        if (shown.isEmpty()) {
            link.takeStart();
        }
        Report report = shown.orElseGet(() -> jobs.awaitReport(link.customer()));
        return download.respond(report, ReportFilter.of(query), format.get(), "page");
    }
}
