package io.etareport.api;

import io.etareport.cache.CacheStore;
import io.etareport.jobs.ReportJobs;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/health}: no key needed, for monitors and load balancers. */
@RestController
@Tag(name = "health")
class ApiHealthController {

    private static final Logger log = LoggerFactory.getLogger(ApiHealthController.class);

    private final CacheStore cache;
    private final ReportJobs jobs;

    ApiHealthController(CacheStore cache, ReportJobs jobs) {
        this.cache = cache;
        this.jobs = jobs;
    }

    record Health(String status, boolean db, @JsonProperty("cache_entries") int cacheEntries,
                  @JsonProperty("running_jobs") int runningJobs) {
    }

    @GetMapping("/api/v1/health")
    @SecurityRequirements
    @Operation(summary = "Whether the service and its database answer", description = "Needs no key.")
    ApiData<Health> health() {
        try {
            return ApiData.of(new Health("ok", true, cache.count(), jobs.unfinishedJobs()));
        } catch (RuntimeException e) {
            log.error("API health check failed", e);
            throw ApiFailure.serverError("Health check failed: the database did not answer");
        }
    }
}
