package io.etareport.buz;

/**
 * A fetch from BuzManager that failed. The kind decides what the cache does with it; the message
 * names the instance and endpoint but never a filter value (those name customers).
 */
public class BuzException extends RuntimeException {

    public enum Kind {
        /** 503: the daily blackout, or the supplier down for maintenance. */
        UNAVAILABLE,
        /** 500, 502, 504 and other server errors. */
        SERVER_ERROR,
        /** Connect or read timeout. */
        TIMEOUT,
        /** Refused, reset or dropped connection; unknown host. */
        CONNECTION,
        /** A 200 whose body is not the OData JSON we expect. */
        BAD_DATA,
        /** 4xx other than 429: our request is wrong (bad credentials, bad filter); not an outage. */
        REJECTED,
        /** 429 after the retry. */
        THROTTLED
    }

    private final Kind kind;
    private final Instance instance;
    private final int status;
    private final java.time.Duration retryAfter;

    public BuzException(Kind kind, Instance instance, int status, String message, Throwable cause) {
        this(kind, instance, status, message, cause, null);
    }

    /** @param retryAfter how long the supplier asked us to wait ({@code Retry-After}), or null */
    public BuzException(Kind kind, Instance instance, int status, String message, Throwable cause,
                        java.time.Duration retryAfter) {
        super(message, cause);
        this.kind = kind;
        this.instance = instance;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public BuzException(Kind kind, Instance instance, int status, String message) {
        this(kind, instance, status, message, null);
    }

    public Kind kind() {
        return kind;
    }

    public Instance instance() {
        return instance;
    }

    /** The HTTP status, or 0 when there was no response. */
    public int status() {
        return status;
    }

    /** The supplier's {@code Retry-After}, or null when it sent none. */
    public java.time.Duration retryAfter() {
        return retryAfter;
    }
}
