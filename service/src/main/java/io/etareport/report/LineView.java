package io.etareport.report;

import io.etareport.buz.OrderLine;

/**
 * One order line as its customer sees it.
 *
 * @param line   the stored line
 * @param stage  the line's stage ("In production", "On hold", "Done", "Cancelled", ...), or null when its status has
 *               none
 * @param status the status label customers read (status mapping applied, one spelling per status), or null when the
 *               line has no status
 */
public record LineView(OrderLine line, String stage, String status) {

    /** Cancelled lines are not counted anywhere. */
    public boolean cancelled() {
        return Stages.CANCELLED.equals(stage);
    }
}
