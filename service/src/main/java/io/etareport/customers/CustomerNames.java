package io.etareport.customers;

import java.util.Optional;

/**
 * What a customer name (DD, CBR or display name) may be, wherever one comes in (the staff form, the API): one
 * line of at most {@value #MAX_LENGTH} characters. Names must match BuzManager's exactly, so they are only
 * trimmed, never otherwise changed.
 */
public final class CustomerNames {

    public static final int MAX_LENGTH = 200;
    /** No control characters: a name is one line of text. */
    public static final String ONE_LINE = "[^\\p{Cntrl}]*";

    private static final java.util.regex.Pattern ONE_LINE_PATTERN = java.util.regex.Pattern.compile(ONE_LINE);

    private CustomerNames() {
    }

    /** Why this (trimmed) name cannot be used, in plain language; empty when it can. */
    public static Optional<String> problem(String name) {
        if (name == null) {
            return Optional.empty();
        }
        if (name.length() > MAX_LENGTH) {
            return Optional.of("Use at most " + MAX_LENGTH + " characters.");
        }
        if (!ONE_LINE_PATTERN.matcher(name).matches()) {
            return Optional.of("Use a single line of text.");
        }
        return Optional.empty();
    }
}
