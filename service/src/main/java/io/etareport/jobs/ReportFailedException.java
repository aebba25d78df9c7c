package io.etareport.jobs;

/** A report waited for inside a request failed; the message is written for customers. */
public class ReportFailedException extends RuntimeException {

    public ReportFailedException(String message) {
        super(message);
    }
}
