package io.etareport.export;

import java.util.Optional;

import io.etareport.buz.ColumnPolicy;
import io.etareport.buz.ColumnRegistry;
import io.etareport.customers.Customer;
import io.etareport.customers.CustomerLinks;
import io.etareport.jobs.ReportInRequest;
import io.etareport.jobs.ReportJobs;
import io.etareport.report.Report;
import io.etareport.report.ReportFilter;

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
 * kept), else one completed within the reuse window, else a fresh one; through the same filter as
 * the page, streamed to the response.
 */
@Controller
@ReportInRequest
class DownloadController {

    private static final String ID = "{id:[0-9a-f]{32}}";

    private final CustomerLinks links;
    private final ReportJobs jobs;
    private final ReportDownload download;

    DownloadController(CustomerLinks links, ReportJobs jobs, ReportDownload download) {
        this.links = links;
        this.jobs = jobs;
        this.download = download;
    }

    @GetMapping({"/" + ID + "/download.{ext}", "/etas/" + ID + "/download.{ext}"})
    ResponseEntity<StreamingResponseBody> download(@PathVariable String id, @PathVariable String ext,
                                                   @RequestParam MultiValueMap<String, String> query,
                                                   @RequestParam(name = "job", required = false) String job) {
        Optional<ExportFormat> format = ExportFormat.fromExtension(ext);
        if (format.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Downloads are available as CSV or XLSX.");
        }
        Customer customer = links.open(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        // The report of the page the link came from, else the one just seen, else a fresh one.
        Report report = jobs.report(customer, job).or(() -> jobs.recentReport(customer))
                .orElseGet(() -> jobs.buildNow(customer));
        return download.respond(report, ReportFilter.of(query), format.get(), "page");
    }
}
