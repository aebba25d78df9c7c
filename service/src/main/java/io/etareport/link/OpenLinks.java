package io.etareport.link;

import java.util.Optional;
import java.util.function.Predicate;

import io.etareport.customers.ClosedLinkException;
import io.etareport.customers.Customer;
import io.etareport.customers.CustomerLinks;
import io.etareport.customers.ObfuscatedId;
import io.etareport.jobs.Job;
import io.etareport.jobs.JobId;
import io.etareport.jobs.ReportJobs;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The one place that decides whether a link, or a job started from one, may be used: the link's format (before
 * any database work), whether it is known, replaced or paused, and the start limit. The resolver of
 * {@link OpenLink} parameters and the JSON start route both ask here.
 */
@Component
class OpenLinks {

    private final CustomerLinks links;
    private final StartLimiter limiter;
    private final ReportJobs jobs;

    OpenLinks(CustomerLinks links, StartLimiter limiter, ReportJobs jobs) {
        this.links = links;
        this.limiter = limiter;
        this.jobs = jobs;
    }

    /**
     * @throws ResponseStatusException 404 for an id that is no link (malformed ones before the database is asked)
     * @throws io.etareport.customers.ClosedLinkException for a replaced or paused link (the closed-link page)
     */
    OpenLink open(String id, HttpServletRequest request) {
        if (!ObfuscatedId.isValid(id)) {
            throw notFound();
        }
        Customer customer = links.open(id).orElseThrow(OpenLinks::notFound);
        String client = request.getRemoteAddr();
        return new OpenLink(customer, id, LinkPreviews.isPreview(request), () -> limiter.take(client, id));
    }

    /**
     * A job whose link is still open: none for an id that is malformed or unknown, nor once the customer's link was
     * paused or replaced after the job started (a job id must not outlive the link it came from).
     */
    Optional<Job> openJob(String jobId) {
        return JobId.parse(jobId).flatMap(jobs::find)
                .filter(job -> links.mayShowReportPreparedAt(job.customerId(), job.createdAt()));
    }

    /** A job of this link's customer, while their link is open. */
    Optional<Job> openJob(OpenLink link, String jobId) {
        return openJob(jobId).filter(job -> job.customerId() == link.customer().id());
    }

    /**
     * The job a report address names, for showing its report: none for an unknown id or one the address may not
     * show ({@code shown}: 404), the closed-link page when the customer's link was paused or replaced after the
     * job started.
     *
     * @throws ClosedLinkException when the job's link was closed since
     */
    Optional<Job> reportJob(String jobId, Predicate<Job> shown) {
        Optional<Job> job = JobId.parse(jobId).flatMap(jobs::find).filter(shown);
        if (job.isPresent() && !links.mayShowReportPreparedAt(job.get().customerId(), job.get().createdAt())) {
            throw new ClosedLinkException();
        }
        return job;
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
