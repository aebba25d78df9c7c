package io.etareport.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.etareport.security.Staff;
import io.etareport.security.StaffWebTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** What a script hammering the API costs: refusals are counted, not written row by row; guessing keys is slowed. */
@StaffWebTest
class ApiAbuseIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient db;

    @Autowired
    ApiKeys keys;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void noKeys() {
        Staff.reset(db);
        db.sql("DELETE FROM api_key").update();
        db.sql("DELETE FROM api_call").update();
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private double refused(String reason) {
        Counter counter = meters.find("eta.api.refused").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void callsOverTheLimitAreCountedNotLoggedOneRowEach() throws Exception {
        String secret = keys.create("runaway-script", 5, "test").secret();
        double before = refused("rate-limited");
        int ok = 0;
        int limited = 0;
        for (int i = 0; i < 60; i++) {
            int status = mvc.perform(get("/api/v1/statuses").header("X-API-Key", secret).with(from("198.51.100.1")))
                    .andReturn().getResponse().getStatus();
            if (status == 200) {
                ok++;
            } else if (status == 429) {
                limited++;
            }
        }
        assertThat(ok + limited).isEqualTo(60);
        assertThat(limited).isGreaterThanOrEqualTo(50);
        assertThat(db.sql("SELECT count(*) FROM api_call").query(Integer.class).single()).isEqualTo(ok);
        assertThat(refused("rate-limited") - before).isEqualTo(limited);
    }

    @Test
    void wrongKeysFromOneAddressAreLimitedAndThatAddressAloneIsRefused() throws Exception {
        double before = refused("address-limited");
        int forbidden = 0;
        for (int i = 0; i < 10; i++) {
            forbidden += mvc.perform(get("/api/v1/statuses").header("X-API-Key", "eta_guess" + i)
                    .with(from("198.51.100.66"))).andReturn().getResponse().getStatus() == 403 ? 1 : 0;
        }
        assertThat(forbidden).isEqualTo(10);

        mvc.perform(get("/api/v1/statuses").header("X-API-Key", "eta_guess-again").with(from("198.51.100.66")))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.code").value("RATE_LIMITED"));
        assertThat(refused("address-limited") - before).isEqualTo(1);
        assertThat(db.sql("SELECT count(*) FROM api_call").query(Integer.class).single()).isZero();

        // Another address is judged on its own.
        String secret = keys.create("honest-tool", 100, "test").secret();
        mvc.perform(get("/api/v1/statuses").header("X-API-Key", "eta_typo").with(from("198.51.100.67")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/statuses").header("X-API-Key", secret).with(from("198.51.100.67")))
                .andExpect(status().isOk());
    }
}
