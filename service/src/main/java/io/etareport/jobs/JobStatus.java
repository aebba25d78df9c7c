package io.etareport.jobs;

/** A job's state as stored; the loading page sees queued jobs as running. */
public enum JobStatus {
    QUEUED, RUNNING, COMPLETED, FAILED;

    String stored() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static JobStatus fromStored(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }

    public boolean finished() {
        return this == COMPLETED || this == FAILED;
    }
}
