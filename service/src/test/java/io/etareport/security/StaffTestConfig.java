package io.etareport.security;

import io.etareport.api.FakeOrderLookup;
import io.etareport.statuses.FakeLiveStatuses;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@TestConfiguration(proxyBeanMethods = false)
public class StaffTestConfig {

    @Bean
    @org.springframework.context.annotation.Primary
    FakeLiveStatuses liveStatuses() {
        return new FakeLiveStatuses();
    }

    @Bean
    @org.springframework.context.annotation.Primary
    FakeOrderLookup orderLookup() {
        return new FakeOrderLookup();
    }

    /**
     * Public pages that fail, to see what visitors are shown (a member class, so registered only
     * where this configuration is imported).
     */
    @RestController
    static class FailingPages {

        static final String SECRET = "db password is hunter2";

        @GetMapping("/report/test-failure")
        String fail() {
            throw new IllegalStateException(SECRET);
        }

        @GetMapping("/report/test-throttled")
        String throttled() {
            throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS, SECRET);
        }
    }
}
