package io.etareport.statuses;

import java.util.Set;

/**
 * The production statuses BuzManager reports right now, for "Refresh from Buz". Implemented by
 * the layer that talks to BuzManager; this package only decides what to do with the answer.
 */
interface LiveStatuses {

    /**
     * The distinct raw {@code ProductionStatus} values of open orders on both instances.
     *
     * @throws RuntimeException with a message staff can read (it is shown to them) when the
     *                          supplier's system cannot be reached
     */
    Set<String> fetch();
}
