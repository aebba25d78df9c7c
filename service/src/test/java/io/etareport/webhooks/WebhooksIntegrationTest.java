package io.etareport.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.InetAddress;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.etareport.ServiceTest;
import io.etareport.SimulatedBuzService;
import io.etareport.api.ApiKeys;
import io.etareport.audit.AuditLog;
import io.etareport.buz.Instance;
import io.etareport.cache.MutableClock;
import io.etareport.customers.Customer;
import io.etareport.customers.CustomerRepository;
import io.etareport.customers.FieldType;
import io.etareport.notify.OrderChangesRecorded;
import io.etareport.notify.Updates;
import io.etareport.schedule.Purges;
import io.etareport.security.Staff;
import io.etareport.simulator.DemoCustomers;
import io.etareport.simulator.FaultMode;
import io.etareport.simulator.SimulatorFaults;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks end to end against a receiver this test runs on a local port (so private addresses are allowed here,
 * and refused where a test builds the guard as production has it): a date moved at the factory reaches the
 * receiver signed, failures are retried later and stop after a success, an endpoint failing for 24 hours is
 * switched off, redirects are not followed, and a report from a saved copy sends nothing.
 */
@ServiceTest(properties = {"eta.webhooks.allow-private-addresses=true", "eta.webhooks.check=-",
        "eta.webhooks.send=-", "eta.notify.digest=-", "eta.notify.immediate=-", "eta.notify.send=-"})
class WebhooksIntegrationTest {

    private static final Pattern SECRET = Pattern.compile("whsec_[A-Za-z0-9+/=]{40,}");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient db;
    @Autowired
    CustomerRepository customers;
    @Autowired
    Updates updates;
    @Autowired
    Webhooks webhooks;
    @Autowired
    WebhookSchedule schedule;
    @Autowired
    WebhookSender sender;
    @Autowired
    Deliveries deliveries;
    @Autowired
    Endpoints endpoints;
    @Autowired
    WebhookProperties properties;
    @Autowired
    MutableClock clock;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    AuditLog audit;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    Purges purges;

    private TestReceiver receiver;
    private Customer customer;

    @BeforeEach
    void aCustomerAndAReceiver() throws Exception {
        for (String table : List.of("webhook_delivery", "webhook_endpoint_customer", "webhook_endpoint",
                "notify_change", "notify_order_state", "customers", "buz_cache", "api_key", "audit_log")) {
            db.sql("DELETE FROM " + table).update();
        }
        Staff.reset(db);
        customer = customers.add(DemoCustomers.ON_BOTH, DemoCustomers.ON_BOTH, FieldType.CUSTOMER_NAME, null);
        receiver = new TestReceiver();
    }

    @AfterEach
    void putBack() {
        receiver.close();
        SimulatedBuzService.SIMULATOR.reset();
        clock.followSystem();
    }

    @Test
    void aDateMovedAtTheFactoryReachesTheReceiverSignedAndVerifiesWithTheSecretShownOnce() throws Exception {
        Webhooks.Created created = webhooks.register(receiver.url(), List.of("order.date_changed"), false,
                List.of(customer.id()), "admin@staff.test");
        assertThat(schedule.check()).as("the first live look is the baseline").isEqualTo(1);
        assertThat(count("webhook_delivery")).isZero();

        Map<String, Object> order = db.sql("SELECT ref_no, expected FROM notify_order_state WHERE customer_id = ?"
                        + " AND instance = 'DD' AND expected IS NOT NULL AND ready = 0 ORDER BY ref_no LIMIT 1")
                .param(customer.id()).query().singleRow();
        LocalDate was = LocalDate.parse((String) order.get("expected"));
        LocalDate now = was.plusDays(9);
        SimulatedBuzService.SIMULATOR.moveDate("DD", (String) order.get("ref_no"), now);
        schedule.check();

        // The clock moves on by itself: the send time lies between these two readings.
        long sendingFrom = clock.instant().getEpochSecond();
        assertThat(sender.deliverDue().delivered()).isEqualTo(1);
        long sentBy = clock.instant().getEpochSecond();
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 1);
        TestReceiver.Received got = receiver.received().get(0);
        String id = got.header("webhook-id");
        String timestamp = got.header("webhook-timestamp");
        assertThat(id).startsWith("msg_");
        assertThat(Long.parseLong(timestamp)).isBetween(sendingFrom, sentBy);
        byte[] key = Base64.getDecoder().decode(created.secret().substring("whsec_".length()));
        assertThat(got.header("webhook-signature"))
                .isEqualTo("v1," + WebhookSignerTest.independentHmac(key, id + "." + timestamp + "." + got.body()));
        assertThat(got.header("Content-Type")).isEqualTo("application/json");

        JsonNode payload = JsonMapper.shared().readTree(got.body());
        assertThat(payload.get("type").asString()).isEqualTo("order.date_changed");
        assertThat(payload.get("timestamp").asString()).endsWith("Z");
        JsonNode data = payload.get("data");
        assertThat(data.propertyNames()).containsExactly("customer_id", "customer_name", "order_number",
                "reference", "factory", "state", "overdue", "old_date", "new_date");
        assertThat(data.get("customer_id").asLong()).isEqualTo(customer.id());
        assertThat(data.get("customer_name").asString()).isEqualTo(customer.name());
        assertThat(data.get("order_number").asString()).isEqualTo(order.get("ref_no"));
        assertThat(data.get("old_date").asString()).isEqualTo(was.toString());
        assertThat(data.get("new_date").asString()).isEqualTo(now.toString());
        assertThat(got.body()).doesNotContainIgnoringCase("price").doesNotContainIgnoringCase("cost");

        assertThat(db.sql("SELECT status || ':' || attempts || ':' || last_status_code FROM webhook_delivery")
                .query(String.class).single()).isEqualTo("delivered:1:200");
        clock.advance(Duration.ofHours(3));
        sender.deliverDue();
        assertThat(receiver.received()).as("a 2xx is never sent again").hasSize(1);
    }

    @Test
    void aFailedDeliveryIsTriedAgainAfterItsPauseWithTheSameIdAndNotAfterA2xx() throws Exception {
        register();
        receiver.answer(500);
        recordAChange();

        sender.deliverDue();
        assertThat(receiver.received()).hasSize(1);
        assertThat(row("status || ':' || attempts || ':' || last_status_code")).isEqualTo("pending:1:500");
        sender.deliverDue();
        assertThat(receiver.received()).as("not before its pause is over").hasSize(1);

        receiver.answer(204);
        clock.advance(WebhookSender.backoff(1, properties).plusSeconds(1));
        sender.deliverDue();
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 2);
        assertThat(receiver.received().get(1).header("webhook-id"))
                .isEqualTo(receiver.received().get(0).header("webhook-id"));
        assertThat(row("status || ':' || attempts || ':' || last_status_code")).isEqualTo("delivered:2:204");

        clock.advance(Duration.ofHours(5));
        sender.deliverDue();
        assertThat(receiver.received()).hasSize(2);
    }

    @Test
    void anEndpointFailingFor24HoursIsSwitchedOffAndShownSo() throws Exception {
        long id = register();
        receiver.answer(500);
        recordAChange();
        sender.deliverDue();

        clock.advance(Duration.ofHours(24));
        sender.deliverDue();

        assertThat(receiver.received()).hasSize(2);
        assertThat(endpoints.find(id).orElseThrow().enabled()).isFalse();
        assertThat(row("status")).isEqualTo("failed");
        String page = mvc.perform(get("/staff/webhooks").with(Staff.signedInAs(Staff.ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Switched off").contains("Switch on");

        recordAChange();
        assertThat(count("webhook_delivery")).as("a switched-off endpoint gets nothing new").isEqualTo(1);
        clock.advance(Duration.ofHours(3));
        sender.deliverDue();
        assertThat(receiver.received()).hasSize(2);
    }

    @Test
    void aRedirectIsNeverFollowed() throws Exception {
        try (TestReceiver inside = new TestReceiver()) {
            register();
            receiver.redirectTo(inside.url());
            recordAChange();

            sender.deliverDue();

            assertThat(receiver.received()).hasSize(1);
            assertThat(inside.received()).isEmpty();
            assertThat(row("status || ':' || last_status_code")).isEqualTo("pending:302");
            assertThat(row("last_error")).contains("redirect");
        }
    }

    @Test
    void withPrivateAddressesNotAllowedTheReceiverIsRefusedAtRegistrationAndAtDelivery() throws Exception {
        AddressGuard production = new AddressGuard(false, InetAddress::getAllByName);
        Webhooks strict = new Webhooks(endpoints, deliveries, production, customers, audit, transactions, clock,
                properties);
        assertThatThrownBy(() -> strict.register(receiver.url(), List.of("order.ready"), true, List.of(), "a"))
                .isInstanceOf(Webhooks.Refused.class);
        assertThatThrownBy(() -> strict.register("https://127.0.0.1/hook", List.of("order.ready"), true,
                List.of(), "a")).hasMessageContaining("private network");

        register(); // registered while allowed; then the setting is off
        recordAChange();
        new WebhookSender(deliveries, endpoints, production, properties, clock).deliverDue();

        assertThat(receiver.received()).isEmpty();
        assertThat(row("status || ':' || attempts")).isEqualTo("pending:1");
        assertThat(row("last_error")).startsWith("Refused");
    }

    @Test
    void aReportFromASavedCopyTriggersNothing() throws Exception {
        register();
        assertThat(schedule.check()).isEqualTo(1);
        String refNo = db.sql("SELECT ref_no FROM notify_order_state WHERE customer_id = ? AND instance = 'DD'"
                + " ORDER BY ref_no LIMIT 1").param(customer.id()).query(String.class).single();
        SimulatedBuzService.SIMULATOR.moveDate("DD", refNo, LocalDate.now().plusDays(60));
        SimulatedBuzService.SIMULATOR.faults().mode(SimulatorFaults.ALL, FaultMode.HTTP_503);
        clock.advance(Duration.ofMinutes(1));

        assertThat(updates.checkLive(customer)).as("served from the saved copy").isFalse();
        schedule.check();
        sender.deliverDue();

        assertThat(count("webhook_delivery")).isZero();
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void anAdminRegistersOnThePageSeesTheSecretOnceAndTheAuditLogNeverHasIt() throws Exception {
        var admin = Staff.signedInAs(Staff.ADMIN);
        String answer = mvc.perform(post("/staff/webhooks").with(admin).with(csrf()).param("url", receiver.url())
                        .param("events", "order.ready", "order.overdue").param("scope", "some")
                        .param("customers", String.valueOf(customer.id())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher shown = SECRET.matcher(answer);
        assertThat(shown.find()).isTrue();
        String secret = shown.group();

        String list = mvc.perform(get("/staff/webhooks").with(admin)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(list).contains(receiver.url()).contains("order.ready, order.overdue").doesNotContain(secret)
                .doesNotContain("whsec_");
        assertThat(db.sql("SELECT actor || ' ' || action || ' ' || after_json FROM audit_log WHERE entity = 'webhook'")
                .query(String.class).single()).startsWith(Staff.ADMIN + " add").contains(receiver.url())
                .doesNotContain("whsec_");

        long id = db.sql("SELECT id FROM webhook_endpoint").query(Long.class).single();
        String rotated = mvc.perform(post("/staff/webhooks/" + id + "/rotate").with(admin).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher again = SECRET.matcher(rotated);
        assertThat(again.find()).isTrue();
        assertThat(again.group()).isNotEqualTo(secret);
        assertThat(endpoints.secret(id)).contains(again.group());

        mvc.perform(get("/staff/webhooks/" + id).with(admin)).andExpect(status().isOk());
        mvc.perform(post("/staff/webhooks/" + id + "/delete").with(admin).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(count("webhook_endpoint")).isZero();

        String refused = mvc.perform(post("/staff/webhooks").with(admin).with(csrf()).param("url", "ftp://x.test/")
                        .param("events", "order.ready"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("must start with https://");
    }

    @Test
    void theApiRegistersEndpointsWithAKeyOnly() throws Exception {
        String key = apiKeys.create("erp", 0, Staff.ADMIN).secret();
        String body = "{\"url\":\"" + receiver.url() + "\",\"events\":[\"order.finished\"],\"customers\":[\""
                + customer.obfuscatedId() + "\"]}";

        mvc.perform(post("/api/v1/webhooks").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/webhooks")).andExpect(status().isUnauthorized());
        String created = mvc.perform(post("/api/v1/webhooks").header("X-API-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        JsonNode data = JsonMapper.shared().readTree(created).get("data");
        assertThat(data.get("secret").asString()).startsWith("whsec_");
        assertThat(data.get("customers").get(0).asString()).isEqualTo(customer.obfuscatedId());

        String listed = mvc.perform(get("/api/v1/webhooks").header("X-API-Key", key)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(listed).contains(receiver.url()).doesNotContain("whsec_");
        mvc.perform(post("/api/v1/webhooks").header("X-API-Key", key).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\":\"" + receiver.url() + "\",\"events\":[\"order.shipped\"]}"))
                .andExpect(status().isUnprocessableContent());
        long id = data.get("id").asLong();
        mvc.perform(get("/api/v1/webhooks/" + id + "/deliveries").header("X-API-Key", key))
                .andExpect(status().isOk());
        assertThat(db.sql("SELECT actor FROM audit_log WHERE entity = 'webhook'").query(String.class).single())
                .isEqualTo("api key erp");
    }

    @Test
    void theDeliveryLogIsKept30DaysByTheSharedPurgeList() {
        register();
        recordAChange();
        recordAChange();
        List<Long> ids = db.sql("SELECT id FROM webhook_delivery ORDER BY id").query(Long.class).list();
        db.sql("UPDATE webhook_delivery SET status = 'delivered', created_at = ? WHERE id = ?")
                .params(clock.instant().minus(Duration.ofDays(31)).toEpochMilli(), ids.get(0)).update();
        db.sql("UPDATE webhook_delivery SET status = 'delivered', created_at = ? WHERE id = ?")
                .params(clock.instant().minus(Duration.ofDays(29)).toEpochMilli(), ids.get(1)).update();

        assertThat(purges.run(Duration.ofDays(30), false))
                .contains(new Purges.Purged("webhook deliveries", 30, 1));
        assertThat(count("webhook_delivery")).isEqualTo(2);
        purges.run(Duration.ofDays(30), true);
        assertThat(db.sql("SELECT id FROM webhook_delivery").query(Long.class).list()).containsExactly(ids.get(1));
    }

    private long register() {
        return webhooks.register(receiver.url(), List.of("order.date_changed", "order.ready", "order.overdue",
                "order.finished"), false, List.of(customer.id()), Staff.ADMIN).endpoint().id();
    }

    /** What notify publishes when it records a change from live data, in its transaction. */
    private void recordAChange() {
        transactions.executeWithoutResult(status -> events.publishEvent(new OrderChangesRecorded(customer.id(),
                List.of(new OrderChangesRecorded.OrderChange("ready", Instance.DD, "90092", "Glance - Deck",
                        "Ready", false, null, LocalDate.of(2026, 12, 1))))));
    }

    private int count(String table) {
        return db.sql("SELECT count(*) FROM " + table).query(Integer.class).single();
    }

    private String row(String expression) {
        return db.sql("SELECT " + expression + " FROM webhook_delivery").query(String.class).single();
    }
}
