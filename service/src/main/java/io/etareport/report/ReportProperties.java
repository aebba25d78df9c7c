package io.etareport.report;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dropFinishedOrders hide orders whose every status is a finished one
 * @param finishedStatuses   the statuses that mean an order line is finished (trimmed, any case)
 */
@ConfigurationProperties("eta.report")
record ReportProperties(
        @DefaultValue("true") boolean dropFinishedOrders,
        @DefaultValue({"Cancelled", "Invoiced", "Invoice ex GST fees - actioned in Xero",
                "Invoice ex GST fees - not in Xero"}) List<String> finishedStatuses) {

    ReportRules rules() {
        return new ReportRules(dropFinishedOrders, finishedStatuses);
    }
}
