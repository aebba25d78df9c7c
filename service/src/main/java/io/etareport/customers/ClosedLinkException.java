package io.etareport.customers;

/**
 * A link that was replaced or paused: the visitor sees a neutral page (404) that names nobody, and
 * no report is prepared.
 */
public class ClosedLinkException extends RuntimeException {

    /** What the visitor is told, whichever way the link was closed. */
    public static final String MESSAGE = "This link has been replaced — please ask us for the new one.";

    public ClosedLinkException() {
        super(MESSAGE);
    }
}
