package io.etareport.buz;

/** The entity sets staff look one order up in. */
public enum OrderSet {
    JOBS_SCHEDULE("JobsScheduleDetailed"),
    WORK_IN_PROGRESS("WorkInProgress");

    private final String entitySet;

    OrderSet(String entitySet) {
        this.entitySet = entitySet;
    }

    public String entitySet() {
        return entitySet;
    }
}
