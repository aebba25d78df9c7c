package io.etareport.api;

import java.util.List;
import java.util.Map;

import io.etareport.buz.Instance;

/**
 * One order's rows straight from BuzManager, for staff checking what the supplier's system says.
 * Implemented by the layer that talks to BuzManager.
 */
interface OrderLookup {

    /** One row per order line. */
    String JOBS_SCHEDULE = "JobsScheduleDetailed";
    /** The order's work in progress. */
    String WORK_IN_PROGRESS = "WorkInProgress";

    /**
     * The rows of {@code entitySet} whose {@code RefNo} is {@code refNo}, as BuzManager sent them
     * (sensitive columns already dropped); empty when there are none.
     *
     * @param entitySet {@link #JOBS_SCHEDULE} or {@link #WORK_IN_PROGRESS}
     * @throws RuntimeException with a message staff can read when the supplier's system cannot
     *                          be reached and nothing is stored
     */
    List<Map<String, Object>> find(Instance instance, String entitySet, String refNo);
}
