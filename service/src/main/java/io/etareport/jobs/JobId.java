package io.etareport.jobs;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A report job's id as it arrives in a URL or a download link: a lowercase UUID. Anything else names no job, and is
 * turned away before the database is asked.
 */
record JobId(String value) {

    private static final Pattern FORMAT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    JobId {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a job id");
        }
    }

    /** The id in {@code text}, or empty when it cannot be one (null included). */
    static Optional<JobId> parse(String text) {
        return isValid(text) ? Optional.of(new JobId(text)) : Optional.empty();
    }

    private static boolean isValid(String text) {
        return text != null && FORMAT.matcher(text).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
