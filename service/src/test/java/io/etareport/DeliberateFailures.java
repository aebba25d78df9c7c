package io.etareport;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;

import org.slf4j.Marker;

/**
 * Keeps failures that tests provoke on purpose out of the test log (logback-test.xml): an exception whose
 * message, or a cause's, carries {@link #MARK} is expected, and its stack trace would only alarm whoever reads
 * the build output. Every other event, errors included, is logged as usual.
 */
public final class DeliberateFailures extends TurboFilter {

    /** Put in the message of an exception a test throws on purpose. */
    public static final String MARK = "(deliberate test failure)";

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                              Throwable t) {
        Throwable thrown = t;
        if (thrown == null && params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last) {
            thrown = last;
        }
        for (Throwable e = thrown; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e.getMessage() != null && e.getMessage().contains(MARK)) {
                return FilterReply.DENY;
            }
        }
        return FilterReply.NEUTRAL;
    }
}
