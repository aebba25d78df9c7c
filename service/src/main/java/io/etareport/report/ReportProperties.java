package io.etareport.report;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dropFinishedOrders hide orders whose every status is a finished one
 * @param finishedStatuses   the statuses that mean an order line is finished (trimmed, any case); when not set,
 *                           {@link ReportRules#FINISHED_STATUSES}
 * @param readyStatuses      the statuses that mean a line is made and waiting to go (trimmed, any case)
 * @param expectedWindow     business days either side of the expected date the page shows as its window; 0: none
 * @param showMovesFor       how long a move of an order's expected date stays marked on the page
 * @param historyKeep        how long moves of expected dates are kept (purged by {@code purge-jobs --confirm})
 */
@ConfigurationProperties("eta.report")
record ReportProperties(
        @DefaultValue("true") boolean dropFinishedOrders,
        List<String> finishedStatuses,
        @DefaultValue({"Ready for Dispatch", "Ready", "Dispatched"}) List<String> readyStatuses,
        @DefaultValue("0") int expectedWindow,
        @DefaultValue("30d") Duration showMovesFor,
        @DefaultValue("180d") Duration historyKeep) {

    ReportProperties {
        finishedStatuses = finishedStatuses == null ? ReportRules.FINISHED_STATUSES : finishedStatuses;
    }

    ReportRules rules() {
        return new ReportRules(dropFinishedOrders, finishedStatuses, readyStatuses);
    }
}
