package io.etareport.jobs;

import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.etareport.customers.ClosedLinkException;
import io.etareport.customers.Customer;
import io.etareport.customers.CustomerLinks;
import io.etareport.customers.CustomerRepository;
import io.etareport.customers.ObfuscatedId;
import io.etareport.report.Report;
import io.etareport.report.ReportFilter;
import io.etareport.report.ReportDisplay;
import io.etareport.statuses.StageProperties;
import io.etareport.report.ReportService;

import com.fasterxml.jackson.annotation.JsonProperty;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The customer's side: open a private link, watch the report being prepared, read it. No sign-in:
 * the 32-hex link id is the key, checked before any database or upstream work.
 */
@Controller
@ReportInRequest
class CustomerReportController {

    static final String ID = "{id:[0-9a-f]{32}}";

    private final CustomerRepository customers;
    private final CustomerLinks links;
    private final ReportJobs jobs;
    private final JobProperties properties;
    private final ZoneId zone;
    private final ReportDisplay display;
    private final StageProperties stages;
    private final JobEvents events;
    private final Clock clock;
    private final StartLimiter limiter;

    CustomerReportController(CustomerRepository customers, CustomerLinks links, ReportJobs jobs,
                             JobProperties properties, ZoneId zone, StartLimiter limiter, ReportDisplay display,
                             StageProperties stages, JobEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
        this.display = display;
        this.stages = stages;
        this.customers = customers;
        this.links = links;
        this.jobs = jobs;
        this.properties = properties;
        this.zone = zone;
        this.limiter = limiter;
    }

    @GetMapping({"/" + ID, "/etas/" + ID})
    String open(@PathVariable String id, @RequestParam MultiValueMap<String, String> query, Model model,
                HttpServletRequest request, HttpServletResponse response) {
        Customer customer = customer(id);
        privateLink(response);
        if (LinkPreviews.isPreview(request)) {
            return "report/preview";
        }
        limiter.take(request.getRemoteAddr(), id);
        String jobId = jobs.start(customer);
        Optional<Job> started = jobs.find(new JobId(jobId));
        if (started.isPresent() && !started.get().status().finished() && !properties.showRecentFor().isZero()) {
            // A report from the last few minutes at once, while the fresh one is prepared and swapped in.
            // Like /report/<job>: never a report prepared before the customer's link was last replaced.
            Optional<ReportJobs.Recent> recent = jobs.recentWithin(customer, properties.showRecentFor())
                    .filter(found -> jobs.find(new JobId(found.jobId()))
                            .map(job -> links.mayShowReportPreparedAt(customer.id(), job.createdAt())).orElse(false));
            if (recent.isPresent()) {
                model.addAttribute("refreshJobId", jobId);
                model.addAttribute("refreshing", Boolean.TRUE);
                return render(id, recent.get().jobId(), recent.get().report(), query, model);
            }
        }
        model.addAttribute("customerId", id);
        model.addAttribute("jobId", jobId);
        model.addAttribute("query", pageQuery(query));
        model.addAttribute("pollMillis", properties.pollInterval().toMillis());
        jobs.find(new JobId(jobId)).ifPresent(job -> model.addAttribute("job", JobJson.of(job,
                jobs.queuePosition(jobId))));
        return "report/loading";
    }

    @GetMapping("/jobs/{jobId}")
    @ResponseBody
    ResponseEntity<?> status(@PathVariable String jobId, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        // Exactly the original's answer for an unknown job, which its loading page and scripts read.
        return JobId.parse(jobId).flatMap(jobs::find)
                .<ResponseEntity<?>>map(job -> ResponseEntity.ok(JobJson.of(job, jobs.queuePosition(jobId))))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "not found")));
    }

    @PostMapping(path = "/eta/start", consumes = "application/json")
    @ResponseBody
    ResponseEntity<?> startFromJson(@RequestBody Map<String, Object> body, HttpServletRequest request) {
        Object id = body.get("obfuscated_id");
        if (!(id instanceof String text) || !ObfuscatedId.isValid(text)) {
            return problem(HttpStatus.BAD_REQUEST, "obfuscated_id must be 32 lowercase hex characters");
        }
        Optional<Customer> customer;
        try {
            customer = links.open(text);
        } catch (ClosedLinkException closed) {
            return problem(HttpStatus.NOT_FOUND, closed.getMessage());
        }
        if (customer.isEmpty()) {
            return problem(HttpStatus.NOT_FOUND, "unknown customer");
        }
        try {
            limiter.take(request.getRemoteAddr(), text);
        } catch (ResponseStatusException tooMany) {
            return problem(HttpStatus.TOO_MANY_REQUESTS, "too many reports started; please try again in a minute");
        }
        return ResponseEntity.ok(Map.of("job_id", jobs.start(customer.get())));
    }

    /** A JSON error as RFC 9457 problem details, still carrying the {@code error} field clients read. */
    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String error) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, error);
        body.setProperty("error", error);
        return ResponseEntity.status(status).body(body);
    }

    @GetMapping("/report/{jobId}")
    String report(@PathVariable String jobId, @RequestParam MultiValueMap<String, String> query, Model model,
                  HttpServletResponse response) {
        Job job = JobId.parse(jobId).flatMap(jobs::find).orElseThrow(CustomerReportController::notFound);
        Customer customer = customers.findById(job.customerId()).orElseThrow(CustomerReportController::notFound);
        // The page carries the customer's current link: never show it once that link was shut.
        if (!links.mayShowReportPreparedAt(customer.id(), job.createdAt())) {
            throw new ClosedLinkException();
        }
        privateLink(response);
        if (job.status() != JobStatus.COMPLETED) {
            model.addAttribute("customerId", customer.obfuscatedId());
            model.addAttribute("jobId", jobId);
            model.addAttribute("query", pageQuery(query));
            model.addAttribute("pollMillis", properties.pollInterval().toMillis());
            model.addAttribute("job", JobJson.of(job, jobs.queuePosition(jobId)));
            return "report/loading";
        }
        Report report = jobs.report(jobId).orElse(null);
        if (report == null) {
            // Kept results expire; the link itself always works.
            return "redirect:/" + customer.obfuscatedId();
        }
        return render(customer.obfuscatedId(), jobId, report, query, model);
    }

    @GetMapping("/sync/" + ID)
    String sync(@PathVariable String id, @RequestParam MultiValueMap<String, String> query, Model model,
                HttpServletRequest request, HttpServletResponse response) {
        Customer customer = customer(id);
        privateLink(response);
        if (LinkPreviews.isPreview(request)) {
            return "report/preview";
        }
        limiter.take(request.getRemoteAddr(), id);
        return render(id, null, jobs.awaitReport(customer), query, model);
    }

    /**
     * One order's lines, asked for when a long report's one-line order is opened (report.js). The same checks as
     * the report itself: a job of a link still open, completed, its report kept.
     */
    @GetMapping("/report/{jobId}/order")
    String order(@PathVariable String jobId, @RequestParam String key, Model model, HttpServletResponse response) {
        Job job = JobId.parse(jobId).flatMap(jobs::find).orElseThrow(CustomerReportController::notFound);
        Customer customer = customers.findById(job.customerId()).orElseThrow(CustomerReportController::notFound);
        if (!links.mayShowReportPreparedAt(customer.id(), job.createdAt()) || job.status() != JobStatus.COMPLETED) {
            throw notFound();
        }
        privateLink(response);
        Report report = jobs.report(jobId).orElseThrow(CustomerReportController::notFound);
        ReportPage page = ReportPage.of(customer.obfuscatedId(), jobId, report, ReportFilter.none(), zone, settings());
        model.addAttribute("order", page.order(key).orElseThrow(CustomerReportController::notFound));
        return "report/order :: details(${order})";
    }

    /**
     * The job's progress as Server-Sent Events: its state now, then its final state the moment it finishes, then
     * the stream ends. Pages fall back to polling {@code /jobs/<id>} when the stream breaks.
     */
    @GetMapping(path = "/jobs/{jobId}/events", produces = "text/event-stream")
    @ResponseBody
    SseEmitter events(@PathVariable String jobId, HttpServletResponse response) {
        Job job = JobId.parse(jobId).flatMap(jobs::find).orElseThrow(CustomerReportController::notFound);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Accel-Buffering", "no");
        SseEmitter emitter = new SseEmitter(properties.maxDuration().plus(properties.stallLimit()).toMillis());
        Runnable onFinished = () -> jobs.find(new JobId(jobId)).ifPresent(done -> send(emitter, done, 0, true));
        // Listen first, then look: a job finishing in between is still reported.
        events.onFinished(jobId, onFinished);
        emitter.onCompletion(() -> events.forget(jobId, onFinished));
        emitter.onTimeout(() -> events.forget(jobId, onFinished));
        Job now = jobs.find(new JobId(jobId)).orElse(job);
        send(emitter, now, jobs.queuePosition(jobId), now.status().finished());
        return emitter;
    }

    private static void send(SseEmitter emitter, Job job, int queuePosition, boolean last) {
        try {
            emitter.send(SseEmitter.event().name("job").data(JobJson.of(job, queuePosition), MediaType.APPLICATION_JSON));
            if (last) {
                emitter.complete();
            }
        } catch (IOException | IllegalStateException e) {
            // The page went away; it polls when it comes back.
            emitter.completeWithError(e);
        }
    }

    private String render(String customerId, String jobId, Report report, MultiValueMap<String, String> query,
                          Model model) {
        model.addAttribute("page", ReportPage.of(customerId, jobId, report, ReportFilter.of(query), zone, settings(),
                ReportPage.Narrowing.of(query)));
        return "report/report";
    }

    /** The page's filter and narrowing as a query (without '?'), or null: kept across the loading page. */
    static String pageQuery(MultiValueMap<String, String> query) {
        String filter = ReportPage.queryString(ReportFilter.of(query));
        String narrowing = ReportPage.Narrowing.of(query).query();
        if (narrowing.isEmpty()) {
            return filter;
        }
        return filter == null ? narrowing : filter + "&" + narrowing;
    }

    private ReportPage.Settings settings() {
        return new ReportPage.Settings(display.today(), display.expectedWindow(),
                (int) display.showMovesFor().toDays(), stages.stages(), clock.instant());
    }

    private Customer customer(String id) {
        return links.open(id).orElseThrow(CustomerReportController::notFound);
    }

    /** The page's URL is the customer's key: keep it out of Referer headers and shared caches. */
    static void privateLink(HttpServletResponse response) {
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    /**
     * What {@code GET /jobs/<id>} answers: progress only, never the report's data.
     *
     * @param queuePosition where a queued job is in the queue (1: next); 0 when it is not queued
     * @param slow          the supplier is slow to answer; {@code stage} says for which factory and how long
     */
    record JobJson(String status, int pct, String stage, List<String> log, String error, boolean done,
                   boolean queued, int queuePosition, boolean slow, @JsonProperty("updated_ts") long updatedTs) {

        static final String USUAL_HINT = "This usually takes a few seconds. The supplier's system can be slow, so"
                + " please keep this page open.";
        static final String SLOW_HINT = "The supplier's system is slow right now, so this is taking longer than"
                + " usual. We keep waiting for it; please keep this page open.";

        static JobJson of(Job job, int queuePosition) {
            String status = switch (job.status()) {
                case QUEUED, RUNNING -> "running";
                case COMPLETED -> "completed";
                case FAILED -> "failed";
            };
            boolean slow = job.status() == JobStatus.RUNNING && job.stage() != null
                    && job.stage().startsWith(ReportService.STILL_WAITING);
            return new JobJson(status, job.pct(), job.stage(), job.log(), job.error(), job.status().finished(),
                    job.status() == JobStatus.QUEUED, queuePosition, slow, job.updatedAt().getEpochSecond());
        }

        /** The loading page's main line (loading.js says the same). */
        public String headline() {
            if (queued) {
                return queuePosition > 1
                        ? "Waiting for a free worker: " + (queuePosition - 1) + " report" + (queuePosition == 2 ? "" : "s")
                        + " ahead of yours"
                        : "Waiting for a free worker: yours is next";
            }
            return stage != null ? stage : "Starting";
        }

        /** The hint under the progress bar (loading.js says the same). */
        public String hint() {
            return slow ? SLOW_HINT : USUAL_HINT;
        }
    }
}
