package io.etareport.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.etareport.customers.Customer;
import io.etareport.customers.CustomerRepository;
import io.etareport.customers.FieldType;
import io.etareport.security.Staff;
import io.etareport.security.StaffWebTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Named API keys: created by admins and shown once, stored hashed, revoked at once, limited and logged. */
@StaffWebTest
class ApiKeysIntegrationTest {

    private static final Pattern SHOWN_KEY = Pattern.compile("eta_[A-Za-z0-9_-]{43}");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient db;

    @Autowired
    ApiKeys keys;

    @Autowired
    ApiCallLog calls;

    @Autowired
    CustomerRepository customers;

    @BeforeEach
    void noKeys() {
        Staff.reset(db);
        db.sql("DELETE FROM api_key").update();
        db.sql("DELETE FROM api_call").update();
    }

    @Test
    void anAdminCreatesAKeyThatIsShownOnceAndStoredOnlyAsAHash() throws Exception {
        String page = mvc.perform(post("/staff/api-keys").param("name", "warehouse-dashboard").param("perMinute", "60")
                        .with(csrf()).with(Staff.signedInAs(Staff.ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher shown = SHOWN_KEY.matcher(page);
        assertThat(shown.find()).as("the new key is on the page").isTrue();
        String secret = shown.group();

        String stored = db.sql("SELECT name || '|' || key_hash || '|' || key_prefix || '|' || per_minute || '|'"
                + " || created_by FROM api_key").query(String.class).single();
        assertThat(stored).isEqualTo("warehouse-dashboard|" + ApiKeys.hash(secret) + "|" + secret.substring(0, 8)
                + "|60|" + Staff.ADMIN);
        assertThat(stored).doesNotContain(secret);

        mvc.perform(get("/api/v1/customers").header("X-API-Key", secret)).andExpect(status().isOk());
        String listed = mvc.perform(get("/staff/api-keys").with(Staff.signedInAs(Staff.ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(listed).contains("warehouse-dashboard").doesNotContain(secret);
    }

    @Test
    void theKeyPageIsForAdminsAndItsFormsNeedTheCsrfToken() throws Exception {
        mvc.perform(get("/staff/api-keys").with(Staff.signedInAs(Staff.USER))).andExpect(status().isForbidden());
        mvc.perform(post("/staff/api-keys").param("name", "x").with(Staff.signedInAs(Staff.ADMIN)))
                .andExpect(status().isForbidden());
        assertThat(keys.list()).isEmpty();
    }

    @Test
    void aRevokedKeyIsRefusedAtOnce() throws Exception {
        String secret = keys.create("reporting", 100, "test").secret();
        mvc.perform(get("/api/v1/customers").header("X-API-Key", secret)).andExpect(status().isOk());

        mvc.perform(post("/staff/api-keys/revoke").param("name", "reporting").with(csrf())
                        .with(Staff.signedInAs(Staff.ADMIN)))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/api/v1/customers").header("X-API-Key", secret))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN"));
        assertThat(keys.list()).singleElement().satisfies(key -> assertThat(key.active()).isFalse());
    }

    @Test
    void overItsPerMinuteLimitAKeyGets429WithRetryAfter() throws Exception {
        String secret = keys.create("tight", 2, "test").secret();
        String other = keys.create("other", 2, "test").secret();
        mvc.perform(get("/api/v1/statuses").header("X-API-Key", secret)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/statuses").header("X-API-Key", secret)).andExpect(status().isOk());

        String retryAfter = mvc.perform(get("/api/v1/statuses").header("X-API-Key", secret))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.code").value("RATE_LIMITED"))
                .andReturn().getResponse().getHeader("Retry-After");
        assertThat(Long.parseLong(retryAfter)).isBetween(1L, 60L);
        // Limits are per key.
        mvc.perform(get("/api/v1/statuses").header("X-API-Key", other)).andExpect(status().isOk());
    }

    @Test
    void everyCallIsLoggedWithTheKeysNameTheRouteTemplateAndTheStatus() throws Exception {
        String secret = keys.create("logger", 100, "test").secret();
        Customer customer = customers.add("Logged DD", null, FieldType.CUSTOMER_NAME, null);
        mvc.perform(get("/api/v1/customers/" + customer.obfuscatedId()).header("X-API-Key", secret))
                .andExpect(status().isOk());
        // Random: other classes sharing this context leave customers behind.
        String unknown = UUID.randomUUID().toString().replace("-", "");
        mvc.perform(get("/api/v1/customers/" + unknown).header("X-API-Key", secret))
                .andExpect(status().isNotFound());

        List<String> logged = db.sql("SELECT key_name || ' ' || method || ' ' || route || ' ' || status FROM api_call"
                + " ORDER BY id").query(String.class).list();
        assertThat(logged).containsExactly("logger GET /api/v1/customers/{obfuscatedId} 200",
                "logger GET /api/v1/customers/{obfuscatedId} 404");
        assertThat(String.join(" ", logged)).doesNotContain(customer.obfuscatedId());
    }

    @Test
    void callsOlderThan30DaysArePurged() {
        long old = Instant.now().minus(Duration.ofDays(31)).toEpochMilli();
        long recent = Instant.now().minus(Duration.ofDays(29)).toEpochMilli();
        db.sql("INSERT INTO api_call (key_name, method, route, status, at) VALUES ('k', 'GET', '/r', 200, ?),"
                + " ('k', 'GET', '/r', 200, ?)").params(old, recent).update();

        assertThat(calls.purge(true)).isEqualTo(1);
        assertThat(db.sql("SELECT at FROM api_call").query(Long.class).list()).containsExactly(recent);
    }

    @Test
    void aNameIsUniqueAndWellFormed() {
        keys.create("tool", 0, "test");
        assertThat(keys.list()).singleElement().satisfies(key -> assertThat(key.perMinute()).isEqualTo(120));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> keys.create("tool", 0, "test"))
                .isInstanceOf(ApiKeys.Refused.class).hasMessageContaining("exists already");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> keys.create("<script>", 0, "test"))
                .isInstanceOf(ApiKeys.Refused.class);
    }
}
