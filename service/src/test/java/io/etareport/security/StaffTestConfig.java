package io.etareport.security;

import io.etareport.DeliberateFailures;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@TestConfiguration(proxyBeanMethods = false)
public class StaffTestConfig {

    /**
     * Public pages that fail, to see what visitors are shown (a member class, so registered only
     * where this configuration is imported).
     */
    @RestController
    static class FailingPages {

        static final String SECRET = "db password is hunter2";
        /** What the pages throw: the secret, marked as a failure the tests expect (no stack trace in the log). */
        static final String FAILURE = SECRET + " " + DeliberateFailures.MARK;

        @GetMapping("/report/test-failure")
        String fail() {
            throw new IllegalStateException(FAILURE);
        }

        @GetMapping("/report/test-throttled")
        String throttled() {
            throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS, FAILURE);
        }
    }
}
