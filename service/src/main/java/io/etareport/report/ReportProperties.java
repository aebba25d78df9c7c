package io.etareport.report;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dropFinishedOrders hide orders whose every status is a finished one
 * @param finishedStatuses   the statuses that mean an order line is finished (trimmed, any case); when not set,
 *                           {@link ReportRules#FINISHED_STATUSES}
 */
@ConfigurationProperties("eta.report")
record ReportProperties(
        @DefaultValue("true") boolean dropFinishedOrders,
        List<String> finishedStatuses) {

    ReportProperties {
        finishedStatuses = finishedStatuses == null ? ReportRules.FINISHED_STATUSES : finishedStatuses;
    }

    ReportRules rules() {
        return new ReportRules(dropFinishedOrders, finishedStatuses);
    }
}
