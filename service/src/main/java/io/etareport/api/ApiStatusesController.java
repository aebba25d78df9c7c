package io.etareport.api;

import java.util.List;

import io.etareport.statuses.StatusMapping;
import io.etareport.statuses.StatusMappings;
import io.etareport.statuses.StatusRefresh;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The mapping of raw production statuses to the names customers see. */
@RestController
@Tag(name = "statuses")
class ApiStatusesController {

    private final StatusMappings mappings;
    private final StatusRefresh refresh;

    ApiStatusesController(StatusMappings mappings, StatusRefresh refresh) {
        this.mappings = mappings;
        this.refresh = refresh;
    }

    record StatusJson(long id, @JsonProperty("odata_status") String odataStatus,
                      @JsonProperty("custom_status") String customStatus, boolean active) {

        static StatusJson of(StatusMapping mapping) {
            return new StatusJson(mapping.id(), mapping.odataStatus(), mapping.customStatus(), mapping.active());
        }
    }

    record Refreshed(boolean refreshed, @JsonProperty("active_count") int activeCount) {
    }

    @GetMapping("/api/v1/statuses")
    @Operation(summary = "Every status mapping, active first")
    ApiData<List<StatusJson>> list() {
        return ApiData.of(mappings.findAll().stream().map(StatusJson::of).toList());
    }

    @PostMapping("/api/v1/statuses/refresh")
    @Operation(summary = "Refresh the mappings from Buz",
            description = "Adds new statuses under their own name, makes statuses no longer reported inactive,"
                    + " keeps every custom name.")
    ApiData<Refreshed> refresh() {
        if (!refresh.run().succeeded()) {
            throw ApiFailure.serverError("Failed to refresh statuses: the supplier's system did not answer."
                    + " Nothing was changed.");
        }
        return ApiData.of(new Refreshed(true, mappings.activeCount()));
    }
}
