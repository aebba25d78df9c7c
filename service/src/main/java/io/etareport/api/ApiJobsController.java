package io.etareport.api;

import java.util.List;

import io.etareport.jobs.JobProgress;
import io.etareport.jobs.ReportJobs;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A report job's progress, as the original's API showed it. */
@RestController
@Tag(name = "jobs")
class ApiJobsController {

    private final ReportJobs jobs;

    ApiJobsController(ReportJobs jobs) {
        this.jobs = jobs;
    }

    record JobJson(@JsonProperty("job_id") String jobId,
                   @Schema(allowableValues = {"running", "completed", "failed"}) String status,
                   int pct, boolean done, String error, List<String> log) {

        static JobJson of(JobProgress job) {
            return new JobJson(job.jobId(), job.status(), job.pct(), job.done(), job.error(), job.log());
        }
    }

    @GetMapping("/api/v1/jobs/{jobId}")
    @Operation(summary = "A report job's progress",
            description = "done is true once the job completed or failed; error says why it failed.")
    ApiData<JobJson> job(@PathVariable String jobId) {
        return ApiData.of(jobs.progress(jobId).map(JobJson::of)
                .orElseThrow(() -> ApiFailure.notFound("Job not found: " + jobId)));
    }
}
