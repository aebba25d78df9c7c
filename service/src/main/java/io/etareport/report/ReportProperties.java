package io.etareport.report;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dropFinishedOrders hide orders whose every status is a finished one
 * @param finishedStatuses   the statuses that mean an order line is finished (trimmed, any case)
 * @param readyStatuses      the statuses that mean a line is made and waiting to go (trimmed, any case)
 * @param zone               where "today" is, for overdue orders and date moves
 * @param expectedWindow     business days either side of the expected date the page shows as its window; 0: none
 * @param showMovesFor       how long a move of an order's expected date stays marked on the page
 * @param historyKeep        how long moves of expected dates are kept (purged by {@code purge-jobs --confirm})
 */
@ConfigurationProperties("eta.report")
public record ReportProperties(
        @DefaultValue("true") boolean dropFinishedOrders,
        @DefaultValue({"Cancelled", "Invoiced", "Invoice ex GST fees - actioned in Xero",
                "Invoice ex GST fees - not in Xero"}) List<String> finishedStatuses,
        @DefaultValue({"Ready for Dispatch", "Ready", "Dispatched"}) List<String> readyStatuses,
        @DefaultValue("Australia/Sydney") ZoneId zone,
        @DefaultValue("0") int expectedWindow,
        @DefaultValue("30d") Duration showMovesFor,
        @DefaultValue("180d") Duration historyKeep) {

    ReportRules rules() {
        return new ReportRules(dropFinishedOrders, finishedStatuses, readyStatuses);
    }

    /** Today's date where the customers are. */
    public LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(zone));
    }
}
