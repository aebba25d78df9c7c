package io.etareport.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import io.etareport.ServiceTest;
import io.etareport.SimulatedBuzService;
import io.etareport.cache.MutableClock;
import io.etareport.customers.Customer;
import io.etareport.customers.CustomerRepository;
import io.etareport.customers.FieldType;
import io.etareport.security.Staff;
import io.etareport.simulator.DemoCustomers;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What a mail server's refusals do, against a real SMTP server that refuses on cue: a permanent refusal (5xx)
 * three times stops the address for good and staff see it; a temporary one (4xx) is tried again later and the
 * mail arrives once.
 */
@ServiceTest(properties = {"eta.notify.digest=-", "eta.notify.immediate=-", "eta.notify.send=-"})
class RefusedMailIntegrationTest {

    private static final ScriptedSmtpServer SMTP = ScriptedSmtpServer.start();
    private static final String ADDRESS = "gone@example.com";

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", SMTP::port);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    CustomerRepository customers;

    @Autowired
    Updates updates;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient db;

    private Customer customer;
    private long subscriber;

    /** A confirmed daily subscriber whose customer's orders were seen once, so the next move is news. */
    @BeforeEach
    void aSubscriberWhoseOrdersWereSeen() {
        for (String table : List.of("notify_outbox", "notify_change", "notify_order_state", "notify_subscriber",
                "customers", "buz_cache")) {
            db.sql("DELETE FROM " + table).update();
        }
        customer = customers.add(DemoCustomers.ON_BOTH, DemoCustomers.ON_BOTH, FieldType.CUSTOMER_NAME, null);
        db.sql("INSERT INTO notify_subscriber (customer_id, email, cadence, site_url, link_id, unsubscribe_token,"
                        + " created_at, confirmed_at) VALUES (?, ?, 'digest', 'http://localhost', ?, ?, ?, ?)")
                .params(customer.id(), ADDRESS, customer.obfuscatedId(), Tokens.generate(), clock.millis(),
                        clock.millis())
                .update();
        subscriber = db.sql("SELECT id FROM notify_subscriber").query(Long.class).single();
        updates.run(true, line -> { });
        SMTP.clear();
    }

    @AfterEach
    void putBack() {
        SimulatedBuzService.SIMULATOR.reset();
        clock.followSystem();
    }

    @AfterAll
    static void stopServer() throws Exception {
        SMTP.close();
    }

    @Test
    void anAddressRefusedForGoodThreeTimesIsStoppedGetsNothingMoreAndStaffSeeIt() throws Exception {
        SMTP.answerRecipients("550 5.1.1 No such user");
        moveADate(9);
        updates.run(true, line -> { });

        assertThat(updates.deliverDue()).isZero();
        // A second digest is written while the first waits for its next try: the address has two mails waiting.
        moveADate(12);
        updates.run(true, line -> { });
        for (int tries = 1; tries < 4; tries++) {
            clock.set(clock.instant().plus(OutboxSender.backoff(tries)).plusSeconds(1));
            updates.deliverDue();
        }

        // The first mail's three tries, and the second mail's one before the first's third stopped the address.
        assertThat(SMTP.tried()).containsExactly(ADDRESS, ADDRESS, ADDRESS, ADDRESS);
        assertThat(stopped()).isTrue();
        int triedWhenStopped = SMTP.tried().size();

        moveADate(20);
        updates.run(true, line -> { });
        for (int hours = 0; hours < 3; hours++) {
            clock.set(clock.instant().plusSeconds(7 * 3600));
            updates.deliverDue();
        }
        assertThat(SMTP.tried()).as("nothing more is sent to a stopped address").hasSize(triedWhenStopped);
        assertThat(SMTP.delivered()).isEmpty();
        assertThat(db.sql("SELECT count(*) FROM notify_outbox WHERE status IN ('pending', 'sending')")
                .query(Integer.class).single()).as("no mail left waiting for it").isZero();

        Staff.reset(db);
        String page = mvc.perform(get("/staff/customers/" + customer.id() + "/subscribers")
                        .with(Staff.signedInAs(Staff.ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("g***@example.com").contains("Stopped: the mail server refused this address");
    }

    @Test
    void eachMailOfAnAddressRefusedForGoodIsTriedAtMostThreeTimes() {
        SMTP.answerRecipients("550 5.1.1 No such user");
        moveADate(9);
        updates.run(true, line -> { });

        for (int tries = 0; tries < 10; tries++) {
            updates.deliverDue();
            clock.set(clock.instant().plusSeconds(7 * 3600));
        }

        assertThat(SMTP.tried()).containsExactly(ADDRESS, ADDRESS, ADDRESS);
        assertThat(db.sql("SELECT status || ':' || attempts FROM notify_outbox").query(String.class).single())
                .isEqualTo("failed:3");
    }

    @Test
    void aTemporaryRefusalIsTriedAgainLaterAndTheMailArrivesOnce() {
        SMTP.answerRecipients("451 4.3.0 Try again later");
        moveADate(9);
        updates.run(true, line -> { });

        assertThat(updates.deliverDue()).isZero();
        assertThat(updates.deliverDue()).as("not before its pause is over").isZero();
        clock.set(clock.instant().plus(OutboxSender.backoff(1)).plusSeconds(1));
        assertThat(updates.deliverDue()).isZero();
        assertThat(SMTP.tried()).hasSize(2);

        SMTP.answerRecipients("250 OK");
        clock.set(clock.instant().plus(OutboxSender.backoff(2)).plusSeconds(1));
        assertThat(updates.deliverDue()).isEqualTo(1);
        clock.set(clock.instant().plusSeconds(7 * 3600));
        assertThat(updates.deliverDue()).isZero();

        assertThat(SMTP.delivered()).containsExactly(ADDRESS);
        assertThat(stopped()).as("a pause is not a refusal: the address keeps its mail").isFalse();
    }

    private boolean stopped() {
        return db.sql("SELECT count(*) FROM notify_subscriber WHERE id = ? AND stopped_at IS NOT NULL")
                .param(subscriber).query(Integer.class).single() == 1;
    }

    private void moveADate(int days) {
        String refNo = db.sql("SELECT ref_no FROM notify_order_state WHERE customer_id = ? AND instance = 'DD'"
                        + " AND expected IS NOT NULL AND ready = 0 ORDER BY ref_no LIMIT 1")
                .param(customer.id()).query(String.class).single();
        SimulatedBuzService.SIMULATOR.moveDate("DD", refNo, LocalDate.now().plusDays(30 + days));
    }
}
