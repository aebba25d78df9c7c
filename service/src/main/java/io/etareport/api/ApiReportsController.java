package io.etareport.api;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import io.etareport.customers.Customer;
import io.etareport.customers.CustomerLinks;
import io.etareport.customers.CustomerRepository;
import io.etareport.export.ExportFormat;
import io.etareport.export.ReportDownload;
import io.etareport.jobs.ReportFailedException;
import io.etareport.jobs.ReportJobs;
import io.etareport.report.Report;
import io.etareport.report.ReportFilter;
import io.etareport.report.OrderModels;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import tools.jackson.databind.json.JsonMapper;

/**
 * Reports through the same jobs and files as the customer's page: start one (joining a job under
 * way), download it, or read it as JSON.
 */
@RestController
@Tag(name = "reports")
class ApiReportsController {

    private final CustomerRepository customers;
    private final CustomerLinks links;
    private final ReportJobs jobs;
    private final ReportDownload download;
    private final JsonMapper json;
    private final Clock clock;

    private final OrderModels models;

    ApiReportsController(CustomerRepository customers, CustomerLinks links, ReportJobs jobs, ReportDownload download,
                         JsonMapper json, Clock clock, OrderModels models) {
        this.models = models;
        this.customers = customers;
        this.links = links;
        this.jobs = jobs;
        this.download = download;
        this.json = json;
        this.clock = clock;
    }

    record JobStarted(@com.fasterxml.jackson.annotation.JsonProperty("job_id") String jobId) {
    }

    @PostMapping("/api/v1/reports/{obfuscatedId}/generate")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Start preparing a customer's report",
            description = "Shares the job under way for that customer, or a report finished moments ago,"
                    + " like opening the customer's link. Poll GET /api/v1/jobs/{job_id}.")
    ApiData<JobStarted> generate(@PathVariable String obfuscatedId) {
        return ApiData.of(new JobStarted(jobs.start(customer(obfuscatedId))));
    }

    @GetMapping("/api/v1/reports/{obfuscatedId}/download")
    @Operation(summary = "Download a customer's open orders as CSV or XLSX",
            description = "The same file as the customer's download link, with the same filters.")
    @ApiResponse(responseCode = "200", description = "The file", content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    schema = @Schema(type = "string", format = "binary"))})
    ResponseEntity<StreamingResponseBody> download(
            @PathVariable String obfuscatedId,
            @Parameter(schema = @Schema(allowableValues = {"csv", "xlsx"}, defaultValue = "csv"))
            @RequestParam(required = false) String format,
            @Parameter(description = "Production status to keep") @RequestParam(required = false) String status,
            @Parameter(description = "Product group to keep") @RequestParam(required = false) String group,
            @Parameter(description = "Supplier to keep: DD or CBR") @RequestParam(required = false) String supplier,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query) {
        String requested = format == null || format.isBlank() ? "csv" : format.trim();
        Optional<ExportFormat> chosen = ExportFormat.fromExtension(requested);
        if (chosen.isEmpty() || requested.startsWith(".")) {
            throw ApiFailure.badRequest("Unsupported format: " + requested + ". Use 'csv' or 'xlsx'.");
        }
        return download.respond(report(customer(obfuscatedId)), ReportFilter.of(query), chosen.get(), "api");
    }

    @GetMapping("/api/v1/customers/{obfuscatedId}/orders")
    @Operation(summary = "A customer's open orders as JSON",
            description = "Orders with their lines and expected dates, and per instance whether the data is live"
                    + " or a stored copy and how old it is. Sends a weak ETag; If-None-Match answers 304 while the"
                    + " orders are unchanged.")
    @ApiResponse(responseCode = "200", description = "The orders")
    @ApiResponse(responseCode = "304", description = "Unchanged since the ETag given", content = @Content)
    ResponseEntity<ApiData<OrdersJson>> orders(
            @PathVariable String obfuscatedId,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        Report report = report(customer(obfuscatedId));
        OrdersJson orders = OrdersJson.of(report, models.of(report), clock);
        String etag = "W/\"" + digest(json.writeValueAsBytes(orders.tagged())) + "\"";
        if (ifNoneMatch != null && matches(ifNoneMatch, etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        return ResponseEntity.ok().eTag(etag).header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .body(ApiData.of(orders));
    }

    /**
     * The customer's report through the same job sharing and reuse window as their link: one finished moments ago,
     * the one under way, or a new one, waited for.
     */
    private Report report(Customer customer) {
        try {
            return jobs.awaitReport(customer);
        } catch (ReportFailedException e) {
            // The job's message is written for people (the supplier is down and nothing is saved, ...).
            throw ApiFailure.serverError(e.getMessage());
        }
    }

    /** The customer whose report is asked for: a paused one gets no job and costs no call upstream (409). */
    private Customer customer(String obfuscatedId) {
        Customer customer = customers.findByObfuscatedId(obfuscatedId)
                .orElseThrow(() -> ApiCustomersController.notFound(obfuscatedId));
        if (links.isPaused(customer.id())) {
            throw ApiFailure.paused();
        }
        return customer;
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        String opaque = etag.substring(2);
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(etag) || tag.equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
