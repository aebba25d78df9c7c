package io.etareport.ops;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The original's {@code /sentry-debug}: lets an admin check that errors reach Sentry. Unlike the original
 * (open to anyone, and failing with a 500 to do it) it is for admins only and sends a test event without
 * breaking anything.
 */
@Controller
class SentryTestController {

    private final ErrorReporter reporter;

    SentryTestController(ErrorReporter reporter) {
        this.reporter = reporter;
    }

    @GetMapping("/sentry-debug")
    String sendTestEvent(Model model) {
        model.addAttribute("sent", reporter.sendTestEvent());
        return "staff/sentry-test";
    }
}
