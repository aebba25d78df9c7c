package io.etareport.link;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import io.etareport.customers.ClosedLinkException;
import io.etareport.customers.Customer;
import io.etareport.customers.LinkOpens;
import io.etareport.customers.CustomerRepository;
import io.etareport.customers.ObfuscatedId;
import io.etareport.jobs.Job;
import io.etareport.jobs.JobEvents;
import io.etareport.jobs.JobId;
import io.etareport.jobs.JobProperties;
import io.etareport.jobs.JobStatus;
import io.etareport.jobs.ReportJobs;
import io.etareport.ops.JsonError;
import io.etareport.report.Report;
import io.etareport.report.ReportDisplay;
import io.etareport.report.OrderModels;
import io.etareport.buz.InstanceNames;
import io.etareport.report.ReportFilter;
import io.etareport.statuses.StageProperties;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The customer's side: open a private link, watch the report being prepared, read it. No sign-in: the 32-hex link
 * id is the key, and {@link OpenLink} parameters are checked before any controller code runs.
 */
@Controller
@ReportInRequest
class CustomerReportController {

    private final CustomerRepository customers;
    private final OpenLinks links;
    private final ReportJobs jobs;
    private final JobProperties properties;
    private final ZoneId zone;
    private final ReportDisplay display;
    private final OrderModels orderModels;
    private final StageProperties stages;
    private final InstanceNames factoryNames;
    private final JobEvents events;
    private final Clock clock;
    private final LinkOpens opens;
    /**
     * When each offered saved copy's oldest data was fetched, by job: a stored report never changes, so the loading
     * page (asked again every few seconds without JavaScript) reads and parses it once, not on every render.
     */
    private final Cache<String, java.time.Instant> copyTimes = Caffeine.newBuilder().maximumSize(1_000).build();

    CustomerReportController(CustomerRepository customers, OpenLinks links, ReportJobs jobs,
                             JobProperties properties, ZoneId zone, ReportDisplay display, OrderModels orderModels,
                             StageProperties stages, JobEvents events, Clock clock, InstanceNames factoryNames,
                             LinkOpens opens) {
        this.factoryNames = factoryNames;
        this.opens = opens;
        this.events = events;
        this.clock = clock;
        this.display = display;
        this.orderModels = orderModels;
        this.stages = stages;
        this.customers = customers;
        this.links = links;
        this.jobs = jobs;
        this.properties = properties;
        this.zone = zone;
    }

    @GetMapping({"/" + OpenLink.ID, "/etas/" + OpenLink.ID})
    String open(@StartsReport OpenLink link, @RequestParam MultiValueMap<String, String> query, Model model,
                HttpServletRequest request, HttpServletResponse response) {
        privateLink(response);
        if (link.preview()) {
            return "report/preview";
        }
        opens.record(link.customer().id(), request);
        Customer customer = link.customer();
        String jobId = jobs.start(customer);
        Optional<Job> started = jobs.find(new JobId(jobId));
        if (started.isPresent() && !started.get().status().finished() && !properties.showRecentFor().isZero()) {
            // A report from the last few minutes at once, while the fresh one is prepared and swapped in.
            // Like the report route: never a report prepared before the customer's link was last replaced.
            Optional<ReportJobs.Recent> recent = jobs.recentWithin(customer, properties.showRecentFor())
                    .filter(found -> links.openJob(link, found.jobId()).isPresent());
            if (recent.isPresent()) {
                model.addAttribute("refreshJobId", jobId);
                model.addAttribute("refreshing", Boolean.TRUE);
                return render(link.id(), recent.get().jobId(), recent.get().report(), query, model);
            }
        }
        return loading(link.id(), jobId, started, query, model, savedCopy(link, customer, jobId));
    }

    private String loading(String customerId, String jobId, Optional<Job> job, MultiValueMap<String, String> query,
                           Model model, Optional<SavedCopy> copy) {
        model.addAttribute("customerId", customerId);
        model.addAttribute("jobId", jobId);
        String pageQuery = pageQuery(query);
        model.addAttribute("query", pageQuery);
        model.addAttribute("pollMillis", properties.pollInterval().toMillis());
        job.ifPresent(found -> model.addAttribute("job", json(found)));
        // Without JavaScript the page asks again itself (the report address shows this page until the report is
        // ready), so its words are as honest as the script's, a few seconds late.
        if (job.isEmpty() || !job.get().status().finished()) {
            model.addAttribute("recheckUrl", "/" + customerId + "/report/" + jobId
                    + (pageQuery != null ? "?" + pageQuery : ""));
        }
        copy.ifPresent(found -> {
            // The copy's page follows this job and replaces itself with its report when it is ready.
            model.addAttribute("copyHref", "/" + customerId + "/report/" + found.jobId() + "?"
                    + (pageQuery != null ? pageQuery + "&" : "") + REFRESH + "=" + jobId);
            model.addAttribute("copyOffer", JobJson.copyOffer(
                    ReportPage.clockTime(found.oldest(), zone, clock.instant())));
        });
        return "report/loading";
    }

    /**
     * The customer's newest kept report other than {@code jobId}, offered on the loading page so nobody has to
     * wait for a slow factory to see their orders; like the report route, never one prepared before the link was
     * last replaced.
     */
    private Optional<SavedCopy> savedCopy(OpenLink link, Customer customer, String jobId) {
        return jobs.recentJobWithin(customer, properties.keepResults())
                .filter(found -> !found.equals(jobId))
                .filter(found -> links.openJob(link, found).isPresent())
                .flatMap(found -> Optional.ofNullable(copyTimes.get(found,
                                id -> jobs.report(id).map(ReportPage::oldest).orElse(null)))
                        .map(oldest -> new SavedCopy(found, oldest)));
    }

    /** A saved report the loading page offers, and the time of its oldest data. */
    private record SavedCopy(String jobId, java.time.Instant oldest) {
    }

    /** A job's state as the loading page reads it, as of now, factories by their display names. */
    private JobJson json(Job job) {
        return JobJson.of(job, jobs.queuePosition(job.id()), clock.instant(), factoryNames::of);
    }

    /** A job's progress; like every link route, nothing once the link it came from was paused or replaced. */
    @GetMapping("/jobs/{jobId}")
    @ResponseBody
    ResponseEntity<?> status(@PathVariable String jobId, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        // Exactly the original's answer for an unknown job, which its loading page and scripts read.
        return links.openJob(jobId)
                .<ResponseEntity<?>>map(job -> ResponseEntity.ok(json(job)))
                .orElseGet(() -> JsonError.of(HttpStatus.NOT_FOUND, "not found", "NOT_FOUND").response());
    }

    @PostMapping(path = "/eta/start", consumes = "application/json")
    @ResponseBody
    ResponseEntity<?> startFromJson(@RequestBody Map<String, Object> body, HttpServletRequest request) {
        Object id = body.get("obfuscated_id");
        if (!(id instanceof String text) || !ObfuscatedId.isValid(text)) {
            return problem(HttpStatus.BAD_REQUEST, "obfuscated_id must be 32 lowercase hex characters", "BAD_REQUEST");
        }
        OpenLink link;
        try {
            link = links.open(text, request);
            link.takeStart();
        } catch (ClosedLinkException closed) {
            return problem(HttpStatus.NOT_FOUND, closed.getMessage(), "NOT_FOUND");
        } catch (ResponseStatusException refused) {
            return refused.getStatusCode() == HttpStatus.TOO_MANY_REQUESTS
                    ? problem(HttpStatus.TOO_MANY_REQUESTS, "too many reports started; please try again in a minute",
                            "RATE_LIMITED")
                    : problem(HttpStatus.NOT_FOUND, "unknown customer", "NOT_FOUND");
        }
        return ResponseEntity.ok(Map.of("job_id", jobs.start(link.customer())));
    }

    /** A body that is not JSON gets the JSON error shape too, not the error page's. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    @ResponseBody
    ResponseEntity<JsonError> unreadable() {
        return problem(HttpStatus.BAD_REQUEST, "the body must be JSON with obfuscated_id", "BAD_REQUEST");
    }

    /** A JSON error in the service's one shape, still carrying the {@code error} field clients read. */
    private static ResponseEntity<JsonError> problem(HttpStatus status, String error, String code) {
        return JsonError.of(status, error, code).response();
    }

    /** The report of one of this link's jobs: the address the loading page moves to. */
    @GetMapping({"/" + OpenLink.ID + "/report/{jobId}", "/etas/" + OpenLink.ID + "/report/{jobId}"})
    String report(OpenLink link, @PathVariable String jobId, @RequestParam MultiValueMap<String, String> query,
                  Model model, HttpServletResponse response) {
        Job job = links.reportJob(jobId, found -> found.customerId() == link.customer().id())
                .orElseThrow(OpenLinks::notFound);
        privateLink(response);
        if (job.status() != JobStatus.COMPLETED) {
            return loading(link.id(), jobId, Optional.of(job), query, model,
                    job.status().finished() ? Optional.empty() : savedCopy(link, link.customer(), jobId));
        }
        Optional<Report> report = jobs.report(jobId);
        if (report.isEmpty()) {
            // Kept results expire; the link itself (already in this address) always works.
            return "redirect:/" + link.id();
        }
        // A saved copy opened from the loading page: marked refreshing while the fresh report is still coming.
        String refresh = query.getFirst(REFRESH);
        if (refresh != null && !refresh.equals(jobId) && links.openJob(link, refresh)
                .filter(fresh -> !fresh.status().finished()).isPresent()) {
            model.addAttribute("refreshJobId", refresh);
            model.addAttribute("refreshing", Boolean.TRUE);
        }
        return render(link.id(), jobId, report.get(), query, model);
    }

    /** The report address's parameter naming the job that prepares a fresher report than the one shown. */
    static final String REFRESH = "refresh";

    /**
     * The original's address of a report, which names no link: it works only for a job started within
     * {@code eta.jobs.show-recent-for} whose link is still open, and then answers a plain 404 (never a redirect to
     * the link), so a job id is never a lasting key to the customer's orders.
     */
    @GetMapping("/report/{jobId}")
    String originalReport(@PathVariable String jobId, @RequestParam MultiValueMap<String, String> query, Model model,
                          HttpServletResponse response) {
        Instant recentSince = clock.instant().minus(properties.showRecentFor());
        // A closed link's job gets the closed-link page (it names nobody); an open one's, only while recent.
        Job job = links.reportJob(jobId, found -> true).filter(found -> found.createdAt().isAfter(recentSince))
                .orElseThrow(OpenLinks::notFound);
        Customer customer = customers.findById(job.customerId()).orElseThrow(OpenLinks::notFound);
        privateLink(response);
        if (job.status() != JobStatus.COMPLETED) {
            // The original's address offers no saved copy: it names no link to check that copy against.
            return loading(customer.obfuscatedId(), jobId, Optional.of(job), query, model, Optional.empty());
        }
        Report report = jobs.report(jobId).orElseThrow(OpenLinks::notFound);
        return render(customer.obfuscatedId(), jobId, report, query, model);
    }

    @GetMapping("/sync/" + OpenLink.ID)
    String sync(@StartsReport OpenLink link, @RequestParam MultiValueMap<String, String> query, Model model,
                HttpServletRequest request, HttpServletResponse response) {
        privateLink(response);
        if (link.preview()) {
            return "report/preview";
        }
        opens.record(link.customer().id(), request);
        return render(link.id(), null, jobs.awaitReport(link.customer()), query, model);
    }

    /**
     * One order's lines, asked for when a long report's one-line order is opened (report.js): the same checks as
     * the report route, and the job must be completed with its report kept.
     */
    @GetMapping({"/" + OpenLink.ID + "/report/{jobId}/order", "/etas/" + OpenLink.ID + "/report/{jobId}/order"})
    String order(OpenLink link, @PathVariable String jobId, @RequestParam String key, Model model,
                 HttpServletResponse response) {
        Job job = links.reportJob(jobId, found -> found.customerId() == link.customer().id())
                .filter(found -> found.status() == JobStatus.COMPLETED)
                .orElseThrow(OpenLinks::notFound);
        privateLink(response);
        Report report = jobs.report(job.id()).orElseThrow(OpenLinks::notFound);
        ReportPage page = ReportPage.of(link.id(), jobId, report, ReportFilter.none(), zone, settings(),
                ReportPage.Narrowing.NONE, orderModels.of(report));
        model.addAttribute("order", page.order(key).orElseThrow(OpenLinks::notFound));
        return "report/order :: details(order=${order})";
    }

    /**
     * The job's progress as Server-Sent Events: its state now, then its final state the moment it finishes, then
     * the stream ends. Pages fall back to polling {@code /jobs/<id>} when the stream breaks.
     */
    @GetMapping(path = "/jobs/{jobId}/events", produces = "text/event-stream")
    @ResponseBody
    SseEmitter events(@PathVariable String jobId, HttpServletResponse response) {
        Job job = links.openJob(jobId).orElseThrow(OpenLinks::notFound);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Accel-Buffering", "no");
        SseEmitter emitter = new SseEmitter(properties.maxDuration().plus(properties.stallLimit()).toMillis());
        Runnable onFinished = () -> jobs.find(new JobId(jobId)).ifPresent(done -> send(emitter, json(done), true));
        // Listen first, then look: a job finishing in between is still reported.
        events.onFinished(jobId, onFinished);
        emitter.onCompletion(() -> events.forget(jobId, onFinished));
        emitter.onTimeout(() -> events.forget(jobId, onFinished));
        Job now = jobs.find(new JobId(jobId)).orElse(job);
        send(emitter, json(now), now.status().finished());
        return emitter;
    }

    private static void send(SseEmitter emitter, JobJson job, boolean last) {
        try {
            emitter.send(SseEmitter.event().name("job").data(job, MediaType.APPLICATION_JSON));
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
                ReportPage.Narrowing.of(query), orderModels.of(report)));
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
                (int) display.showMovesFor().toDays(), stages.stages(), clock.instant(), factoryNames::of);
    }

    /** The page's URL is the customer's key: keep it out of Referer headers and shared caches. */
    static void privateLink(HttpServletResponse response) {
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
    }
}
