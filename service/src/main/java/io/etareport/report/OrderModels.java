package io.etareport.report;

import java.time.LocalDate;

import io.etareport.statuses.StageProperties;
import io.etareport.statuses.StatusMappings;

import org.springframework.stereotype.Component;

/**
 * Gives the {@link OrderModel} of a report: today in the business's zone (from the injected clock), the stages as
 * configured and as staff gave them to statuses, and how long a date move stays news.
 */
@Component
public class OrderModels {

    private final ReportDisplay display;
    private final StageProperties stageProperties;
    private final StatusMappings mappings;
    private final ReportRules rules;

    OrderModels(ReportDisplay display, StageProperties stageProperties, StatusMappings mappings,
                ReportProperties properties) {
        this.display = display;
        this.stageProperties = stageProperties;
        this.mappings = mappings;
        this.rules = properties.rules();
    }

    /** The model as of today. */
    public OrderModel of(Report report) {
        return of(report, display.today());
    }

    /** The model as of a given day (tests, and jobs that pin the day). */
    public OrderModel of(Report report, LocalDate today) {
        return new OrderModel(report, today, stages(), display.showMovesFor());
    }

    /** Where each status is: the configured stages with the stages staff gave statuses and their custom names. */
    public Stages stages() {
        return Stages.configured(stageProperties, rules, mappings.activeStages(), mappings.activeMappings());
    }
}
