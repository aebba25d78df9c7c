package io.etareport.ops;

import java.util.List;

import io.sentry.Breadcrumb;
import io.sentry.Hint;
import io.sentry.SentryEvent;
import io.sentry.SentryOptions;
import io.sentry.protocol.Message;
import io.sentry.protocol.SentryException;

/** The last step before an event leaves for Sentry: scrubbed of personal data, and dropped if it repeats one just sent. */
final class SentryEventFilter implements SentryOptions.BeforeSendCallback, SentryOptions.BeforeBreadcrumbCallback {

    private final RecentEvents recent;

    SentryEventFilter(RecentEvents recent) {
        this.recent = recent;
    }

    @Override
    public SentryEvent execute(SentryEvent event, Hint hint) {
        SentryScrubber.scrub(event);
        return recent.shouldSend(key(event)) ? event : null;
    }

    @Override
    public Breadcrumb execute(Breadcrumb breadcrumb, Hint hint) {
        return SentryScrubber.scrub(breadcrumb);
    }

    /** Type and message: the same failure repeated has the same key whatever its stack trace. */
    static String key(SentryEvent event) {
        Throwable error = event.getThrowable();
        if (error != null) {
            return error.getClass().getName() + ": " + SentryScrubber.filter(String.valueOf(error.getMessage()));
        }
        List<SentryException> exceptions = event.getExceptions();
        if (exceptions != null && !exceptions.isEmpty()) {
            SentryException last = exceptions.get(exceptions.size() - 1);
            return last.getType() + ": " + last.getValue();
        }
        Message message = event.getMessage();
        String text = message == null ? null
                : message.getFormatted() != null ? message.getFormatted() : message.getMessage();
        return "message: " + text;
    }
}
