package io.etareport.statuses;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The stages an order goes through, in order, as staff assign them to statuses on {@code /status_mapping} and
 * customers see them in each order's tracker.
 *
 * @param stages     the stages, first to last
 * @param readyStage the stage from which a line counts as ready ("5 of 7 items ready"); one of {@code stages}
 */
@ConfigurationProperties("eta.statuses")
public record StageProperties(
        @DefaultValue({"Received", "In production", "Ready", "Dispatched"}) List<String> stages,
        @DefaultValue("Ready") String readyStage) {

    public StageProperties {
        stages = stages == null ? List.of() : stages.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (readyStage != null && !stages.contains(readyStage.strip())) {
            throw new IllegalArgumentException("eta.statuses.ready-stage must be one of eta.statuses.stages");
        }
        readyStage = readyStage == null ? null : readyStage.strip();
    }
}
