package io.etareport.ops;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The original's {@code /sentry-debug}: lets an admin check that errors reach Sentry. Unlike the original
 * (open to anyone, and failing with a 500 to do it) it is for admins only and sends a test event without
 * breaking anything.
 */
@RestController
class SentryTestController {

    private final ErrorReporter reporter;

    SentryTestController(ErrorReporter reporter) {
        this.reporter = reporter;
    }

    @GetMapping(path = "/sentry-debug", produces = MediaType.TEXT_PLAIN_VALUE)
    String sendTestEvent() {
        return reporter.sendTestEvent()
                ? "Sent a test event to Sentry. It should appear there within a minute."
                : "Sentry is off on this server (no SENTRY_DSN, or SENTRY_DISABLED=1): nothing was sent.";
    }
}
