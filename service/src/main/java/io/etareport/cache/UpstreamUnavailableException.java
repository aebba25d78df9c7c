package io.etareport.cache;

import io.etareport.buz.BuzException;
import io.etareport.buz.Instance;

/**
 * The supplier's system could not give us a result and there was no stored copy to serve instead
 * (or our request was refused, which a stored copy must not hide). The message is written for
 * customers and may be shown to them as it is.
 */
public class UpstreamUnavailableException extends RuntimeException {

    private final Instance instance;
    private final BuzException.Kind kind;

    public UpstreamUnavailableException(Instance instance, BuzException.Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.instance = instance;
        this.kind = kind;
    }

    public Instance instance() {
        return instance;
    }

    public BuzException.Kind kind() {
        return kind;
    }
}
