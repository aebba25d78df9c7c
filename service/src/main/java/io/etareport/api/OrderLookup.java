package io.etareport.api;

import io.etareport.cache.Fetched;

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
     * (sensitive columns already dropped; empty when there are none), and where they came from.
     *
     * @param entitySet {@link #JOBS_SCHEDULE} or {@link #WORK_IN_PROGRESS}
     * @throws RuntimeException with a message staff can read when the supplier's system cannot
     *                          be reached and nothing is stored
     */
    default Found find(Instance instance, String entitySet, String refNo) {
        Fetched<List<Map<String, Object>>> fetched = fetch(instance, entitySet, refNo);
        return new Found(fetched.value(), fetched.source().label());
    }

    /** As {@link #find}, with when the rows were fetched from the supplier (for a stored copy's notice). */
    Fetched<List<Map<String, Object>>> fetch(Instance instance, String entitySet, String refNo);

    /**
     * What a look-up answers, also its JSON: {@code {"data": [...], "source": "live"}}, the original's shape.
     *
     * @param source {@code live}, or the cache's label when a stored copy was served ({@code cache-503}, ...)
     */
    record Found(List<Map<String, Object>> data, String source) {

        public Found {
            data = List.copyOf(data);
        }
    }
}
