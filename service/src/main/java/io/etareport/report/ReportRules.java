package io.etareport.report;

import java.util.List;

/**
 * The business rules a report is built with.
 *
 * @param dropFinishedOrders whether orders whose every production status is finished are left out
 * @param finishedStatuses   raw production statuses that mean an order is done with; compared trimmed and
 *                           case-insensitively
 * @param readyStatuses      raw production statuses that mean a line is made and waiting to go; compared likewise
 */
record ReportRules(boolean dropFinishedOrders, List<String> finishedStatuses, List<String> readyStatuses) {

    static final List<String> DEFAULT_READY_STATUSES = List.of("Ready for Dispatch", "Ready", "Dispatched");

    public ReportRules {
        finishedStatuses = finishedStatuses == null ? List.of() : List.copyOf(finishedStatuses);
        readyStatuses = readyStatuses == null ? List.of() : List.copyOf(readyStatuses);
    }

    ReportRules(boolean dropFinishedOrders, List<String> finishedStatuses) {
        this(dropFinishedOrders, finishedStatuses, DEFAULT_READY_STATUSES);
    }

    /** The one list of finished statuses: the original service's, and the default of {@code eta.report}. */
    static final List<String> FINISHED_STATUSES = List.of(
            "Cancelled",
            "Invoiced",
            "Invoice ex GST fees - actioned in Xero",
            "Invoice ex GST fees - not in Xero");

    /** The rules the original service ran with. */
    static ReportRules defaults() {
        return new ReportRules(true, FINISHED_STATUSES);
    }
}
