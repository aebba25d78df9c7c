package io.etareport.jobs;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A report job's id as it arrives in a URL or a download link: a lowercase UUID. Anything else names no job, and is
 * turned away before the database is asked.
 */
public record JobId(String value) {

    private static final Pattern FORMAT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public JobId {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a job id");
        }
    }

    /** The id in {@code text}, or empty when it cannot be one (null included). */
    public static Optional<JobId> parse(String text) {
        return isValid(text) ? Optional.of(new JobId(text)) : Optional.empty();
    }

    private static boolean isValid(String text) {
        return text != null && FORMAT.matcher(text).matches();
    }

    /**
     * A short reference to a job for logs and error reports: enough to find it in the database, never the whole id,
     * which opens the customer's report while it is kept.
     */
    public static String ref(String jobId) {
        return jobId == null ? "-" : jobId.substring(0, Math.min(8, jobId.length()));
    }

    public String ref() {
        return ref(value);
    }

    @Override
    public String toString() {
        return ref();
    }
}
