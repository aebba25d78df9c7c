package io.etareport.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import io.etareport.ServiceTest;
import io.etareport.SimulatedBuzService;
import io.etareport.cache.MutableClock;
import io.etareport.customers.Customer;
import io.etareport.customers.CustomerRepository;
import io.etareport.customers.FieldType;
import io.etareport.report.Dates;
import io.etareport.simulator.DemoCustomers;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Update mails end to end, through a real SMTP server: signing up on the customer page, confirming, a date moved
 * at the factory, the daily digest, and unsubscribing from the mail program in one click.
 */
@ServiceTest(properties = {"eta.notify.digest=-", "eta.notify.immediate=-", "eta.notify.send=-",
        "eta.buz.instances.DD.display-name=Dandenong factory"})
class UpdateMailsIntegrationTest {

    private static final Pattern CONFIRM = Pattern.compile("(http://\\S+/updates/confirm/\\S+)");

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", TestMailServer::port);
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

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxSender sender;

    @Autowired
    org.springframework.mail.javamail.JavaMailSender mail;

    @Autowired
    io.etareport.customers.CustomerLinks links;

    private Customer customer;

    @BeforeEach
    void aCustomerAndAnEmptyInbox() throws Exception {
        for (String table : List.of("notify_outbox", "notify_change", "notify_order_state", "notify_subscriber",
                "customers", "buz_cache")) {
            db.sql("DELETE FROM " + table).update();
        }
        customer = customers.add(DemoCustomers.ON_BOTH, DemoCustomers.ON_BOTH, FieldType.CUSTOMER_NAME, null);
        TestMailServer.clear();
    }

    @AfterEach
    void putBack() {
        SimulatedBuzService.SIMULATOR.reset();
        clock.followSystem();
    }

    @Test
    void subscribeConfirmAndGetOneDigestForAMovedDateThenNothingWhenNothingMoved() throws Exception {
        String confirmLink = subscribe("pat@example.com");
        var confirmPage = mvc.perform(get(path(confirmLink))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Confirm"))).andReturn();
        assertThat(confirmPage.getRequest().getSession(false)).isNull();
        // As the page's button posts it: no session, no CSRF token.
        mvc.perform(post(path(confirmLink))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("signed up")));
        awaitBaseline();
        TestMailServer.clear();

        DdOrder moved = anyDdOrder();
        LocalDate newDate = moved.expected() == null ? LocalDate.now().plusDays(30) : moved.expected().plusDays(9);
        SimulatedBuzService.SIMULATOR.moveDate("DD", moved.refNo(), newDate);
        updates.run(true, line -> { });
        updates.deliverDue();

        List<MimeMessage> digests = TestMailServer.received();
        assertThat(digests).hasSize(1);
        MimeMessage digest = digests.get(0);
        assertThat(digest.getAllRecipients()[0].toString()).isEqualTo("pat@example.com");
        assertThat(TestMailServer.text(digest)).contains("Order " + moved.refNo())
                .contains("from Dandenong factory: ")
                .contains("Expected date moved from " + Dates.display(moved.expected()) + " to "
                        + Dates.display(newDate))
                .contains("/" + customer.obfuscatedId());
        assertThat(digest.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(digest.getHeader("List-Unsubscribe")[0]).startsWith("<http").contains("/updates/unsubscribe/");

        updates.run(true, line -> { });
        updates.deliverDue();
        assertThat(TestMailServer.received()).as("a second run with nothing moved sends nothing").hasSize(1);
    }

    @Test
    void aNewcomerToACustomerNobodyFollowedForAWhileHearsNothingOfWhatChangedBeforeSigningUp() throws Exception {
        mvc.perform(post(path(subscribe("early@example.com"))).with(csrf())).andExpect(status().isOk());
        awaitBaseline();
        String token = db.sql("SELECT unsubscribe_token FROM notify_subscriber WHERE email = 'early@example.com'")
                .query(String.class).single();
        mvc.perform(post("/updates/unsubscribe/" + token).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("List-Unsubscribe=One-Click")).andExpect(status().isOk());
        DdOrder moved = anyDdOrder();
        SimulatedBuzService.SIMULATOR.moveDate("DD", moved.refNo(), moved.expected().plusDays(9));

        String late = subscribe("late@example.com");
        // The sign-up's fresh look at the orders finds the move while nobody followed.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> db.sql(
                "SELECT count(*) FROM notify_change WHERE customer_id = ?").param(customer.id())
                .query(Integer.class).single() > 0);
        mvc.perform(post(path(late)).with(csrf())).andExpect(status().isOk());
        TestMailServer.clear();

        updates.run(true, line -> { });
        updates.deliverDue();

        assertThat(TestMailServer.received()).as("the move happened before they signed up").isEmpty();
    }

    @Test
    void nothingIsSentBeforeTheAddressIsConfirmed() throws Exception {
        subscribe("sam@example.com");
        awaitBaseline();
        DdOrder moved = anyDdOrder();
        SimulatedBuzService.SIMULATOR.moveDate("DD", moved.refNo(), LocalDate.now().plusDays(40));

        updates.run(true, line -> { });
        updates.deliverDue();

        assertThat(TestMailServer.received()).as("only the confirmation mail").hasSize(1);
    }

    @Test
    void aConfirmationLinkWorksOnceAndNotAfter48Hours() throws Exception {
        String used = subscribe("lee@example.com");
        mvc.perform(post(path(used)).with(csrf())).andExpect(status().isOk());
        mvc.perform(post(path(used)).with(csrf())).andExpect(status().isGone());
        mvc.perform(get(path(used))).andExpect(status().isGone());

        TestMailServer.clear();
        String late = subscribe("kim@example.com");
        clock.set(clock.instant().plus(Duration.ofHours(48)).plusSeconds(1));
        mvc.perform(post(path(late)).with(csrf())).andExpect(status().isGone());
        assertThat(db.sql("SELECT count(*) FROM notify_subscriber WHERE email = 'kim@example.com'"
                + " AND confirmed_at IS NOT NULL").query(Integer.class).single()).isZero();
    }

    @Test
    void theMailProgramsOneClickPostUnsubscribesAndDeletesTheAddress() throws Exception {
        String confirmLink = subscribe("jo@example.com");
        mvc.perform(post(path(confirmLink)).with(csrf())).andExpect(status().isOk());
        String token = db.sql("SELECT unsubscribe_token FROM notify_subscriber WHERE email = 'jo@example.com'")
                .query(String.class).single();

        // As a mail program sends it (RFC 8058): no session, no CSRF token.
        mvc.perform(post("/updates/unsubscribe/" + token).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("List-Unsubscribe=One-Click"))
                .andExpect(status().isOk());

        assertThat(db.sql("SELECT count(*) FROM notify_subscriber").query(Integer.class).single()).isZero();
    }

    @Test
    void theCustomerPageOffersSigningUpWhenMailIsSetUp() throws Exception {
        var result = mvc.perform(get("/sync/" + customer.obfuscatedId())).andExpect(status().isOk()).andReturn();
        String page = result.getResponse().getContentAsString();

        // The report page is streamed: a session (for a CSRF token) cannot be started while it renders.
        assertThat(result.getRequest().getSession(false)).as("no session for a customer").isNull();
        assertThat(page).doesNotContain("_csrf");
        assertThat(page).contains("Email me when dates move")
                .contains("action=\"/" + customer.obfuscatedId() + "/updates\"")
                .contains("name=\"cadence\" value=\"digest\" checked")
                .contains("\"Email me when dates move\" and we will email you");
    }

    @Test
    void aMistypedAddressIsAskedForAgainAndNothingIsSent() throws Exception {
        String page = mvc.perform(post("/" + customer.obfuscatedId() + "/updates").with(csrf())
                        .param("email", "not an address"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("does not look like an email address");
        updates.deliverDue();
        assertThat(TestMailServer.received()).isEmpty();
    }

    @Test
    void aSenderThatStopsBetweenSendingAndMarkingNeverCausesASecondMail() throws Exception {
        mvc.perform(post("/" + customer.obfuscatedId() + "/updates").with(csrf()).param("email", "ash@example.com"))
                .andExpect(status().isOk());
        long id = outbox.due(10).get(0);

        // What a node does before it dies: claims the mail and hands it to the SMTP server, never marks it sent.
        Outbox.Message claimed = outbox.claim(id).orElseThrow();
        mail.send(message -> {
            message.setRecipients(jakarta.mail.Message.RecipientType.TO, claimed.email());
            message.setSubject(claimed.subject());
            message.setText(claimed.text());
        });
        clock.set(clock.instant().plus(Outbox.CLAIM_LOST_AFTER).plusSeconds(1));
        updates.deliverDue();
        updates.deliverDue();

        assertThat(TestMailServer.received()).hasSize(1);
        assertThat(db.sql("SELECT status FROM notify_outbox WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("unknown");
    }

    @Test
    void aMailServerThatIsDownGetsTheMailLaterOnce() throws Exception {
        mvc.perform(post("/" + customer.obfuscatedId() + "/updates").with(csrf()).param("email", "max@example.com"))
                .andExpect(status().isOk());
        TestMailServer.SMTP.stop();
        try {
            assertThat(updates.deliverDue()).isZero();
        } finally {
            TestMailServer.SMTP.start();
        }
        assertThat(db.sql("SELECT status || ':' || attempts FROM notify_outbox").query(String.class).single())
                .isEqualTo("pending:1");
        assertThat(updates.deliverDue()).as("not before its pause is over").isZero();

        clock.set(clock.instant().plus(OutboxSender.backoff(1)).plusSeconds(1));
        assertThat(updates.deliverDue()).isEqualTo(1);
        assertThat(updates.deliverDue()).isZero();
        assertThat(TestMailServer.received()).hasSize(1);
    }

    @Test
    void staffSeeConfirmedSubscribersMaskedAndRemoveOneWithAnAuditEntry() throws Exception {
        io.etareport.security.Staff.reset(db);
        mvc.perform(post(path(subscribe("robin@example.com"))).with(csrf())).andExpect(status().isOk());
        subscribe("pending@example.com");
        var admin = io.etareport.security.Staff.signedInAs(io.etareport.security.Staff.ADMIN);

        String page = mvc.perform(get("/staff/customers/" + customer.id() + "/subscribers").with(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("1 confirmed subscriber.").contains("r***@example.com")
                .doesNotContain("robin@example.com").doesNotContain("pending");

        long id = db.sql("SELECT id FROM notify_subscriber WHERE email = 'robin@example.com'").query(Long.class)
                .single();
        mvc.perform(post("/staff/customers/" + customer.id() + "/subscribers/" + id + "/remove").with(admin)
                .with(csrf())).andExpect(status().is3xxRedirection());

        assertThat(db.sql("SELECT count(*) FROM notify_subscriber WHERE id = ?").param(id).query(Integer.class)
                .single()).isZero();
        assertThat(db.sql("SELECT before_json FROM audit_log WHERE entity = 'subscriber' AND action = 'delete'")
                .query(String.class).single()).contains("r***@example.com").doesNotContain("robin");
    }

    @Test
    void aReplacedLinksSubscribersGetOneLastMailWithNoLinkInItAndAreRemoved() throws Exception {
        confirmed("pat@example.com", "digest");
        String oldLink = customer.obfuscatedId();
        String newLink = links.rotateLink(customer.id(), "test").orElseThrow().obfuscatedId();
        DdOrder moved = anyDdOrder();
        SimulatedBuzService.SIMULATOR.moveDate("DD", moved.refNo(), moved.expected().plusDays(9));

        updates.run(true, line -> { });
        updates.deliverDue();

        List<MimeMessage> received = TestMailServer.received();
        assertThat(received).hasSize(1);
        String text = TestMailServer.text(received.get(0));
        assertThat(text).contains("has been replaced").contains("ask us for the new link")
                .doesNotContain(oldLink).doesNotContain(newLink).doesNotContain("http")
                .doesNotContain("Order " + moved.refNo());
        assertThat(db.sql("SELECT count(*) FROM notify_subscriber").query(Integer.class).single()).isZero();

        updates.run(true, line -> { });
        updates.deliverDue();
        assertThat(TestMailServer.received()).as("that last mail only once").hasSize(1);
    }

    @Test
    void subscribersAnAdminKeepsAfterANewLinkGetTheirDigestWithTheNewLink() throws Exception {
        confirmed("pat@example.com", "digest");
        String oldLink = customer.obfuscatedId();
        String newLink = links.rotateLink(customer.id(), "test").orElseThrow().obfuscatedId();
        io.etareport.security.Staff.reset(db);
        mvc.perform(post("/staff/customers/" + customer.id() + "/subscribers/move-to-new-link")
                        .with(io.etareport.security.Staff.signedInAs(io.etareport.security.Staff.ADMIN)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        DdOrder moved = anyDdOrder();
        SimulatedBuzService.SIMULATOR.moveDate("DD", moved.refNo(), moved.expected().plusDays(9));

        updates.run(true, line -> { });
        updates.deliverDue();

        List<MimeMessage> received = TestMailServer.received();
        assertThat(received).hasSize(1);
        assertThat(TestMailServer.text(received.get(0))).contains("Order " + moved.refNo())
                .contains("/" + newLink).doesNotContain(oldLink);
        assertThat(db.sql("SELECT count(*) FROM audit_log WHERE entity = 'subscriber' AND action = 'move to new link'")
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aPausedLinkGetsNoMailUntilItIsOpenedAgain() throws Exception {
        confirmed("pat@example.com", "digest");
        links.pause(customer.id(), "test");
        DdOrder moved = anyDdOrder();
        SimulatedBuzService.SIMULATOR.moveDate("DD", moved.refNo(), moved.expected().plusDays(9));

        updates.run(true, line -> { });
        updates.deliverDue();
        assertThat(TestMailServer.received()).isEmpty();

        links.resume(customer.id(), "test");
        updates.run(true, line -> { });
        updates.deliverDue();
        assertThat(TestMailServer.received()).hasSize(1);
    }

    @Test
    void asItHappensMeansAtMostOneMailAnHour() throws Exception {
        confirmed("quick@example.com", "immediate");
        DdOrder moved = anyDdOrder();
        SimulatedBuzService.SIMULATOR.moveDate("DD", moved.refNo(), moved.expected().plusDays(9));
        updates.run(false, line -> { });
        updates.deliverDue();
        assertThat(TestMailServer.received()).hasSize(1);

        SimulatedBuzService.SIMULATOR.moveDate("DD", moved.refNo(), moved.expected().plusDays(16));
        clock.set(clock.instant().plus(Duration.ofMinutes(59)));
        updates.run(false, line -> { });
        updates.deliverDue();
        assertThat(TestMailServer.received()).as("within the hour: nothing yet").hasSize(1);

        clock.set(clock.instant().plus(Duration.ofMinutes(2)));
        updates.run(false, line -> { });
        updates.deliverDue();
        List<MimeMessage> received = TestMailServer.received();
        assertThat(received).hasSize(2);
        assertThat(TestMailServer.text(received.get(1))).contains("Order " + moved.refNo())
                .contains("to " + Dates.display(moved.expected().plusDays(16)));
    }

    @Test
    void aFactoryServedFromASavedCopyOrNotReachedAtAllTellsNothingAndItsNewsWaitsForLiveData() throws Exception {
        confirmed("pat@example.com", "digest");
        DdOrder moved = anyDdOrder();
        SimulatedBuzService.SIMULATOR.faults().mode("DD", io.etareport.simulator.FaultMode.HTTP_503);
        SimulatedBuzService.SIMULATOR.moveDate("DD", moved.refNo(), moved.expected().plusDays(9));

        updates.run(true, line -> { });
        db.sql("DELETE FROM buz_cache").update();
        updates.run(true, line -> { });
        updates.deliverDue();
        assertThat(TestMailServer.received()).as("a saved copy, then no DD data at all: no news, no 'finished'")
                .isEmpty();

        SimulatedBuzService.SIMULATOR.faults().clear();
        clock.set(clock.instant().plus(Duration.ofHours(1))); // past the DD circuit breaker's pause
        updates.run(true, line -> { });
        updates.deliverDue();
        List<MimeMessage> received = TestMailServer.received();
        assertThat(received).hasSize(1);
        assertThat(TestMailServer.text(received.get(0))).contains("Order " + moved.refNo())
                .contains("to " + Dates.display(moved.expected().plusDays(9)))
                .doesNotContainIgnoringCase("finished");
    }

    /** Signs up, confirms, waits for the customer's orders to be seen; leaves the inbox empty. */
    private void confirmed(String email, String cadence) throws Exception {
        mvc.perform(post("/" + customer.obfuscatedId() + "/updates").param("email", email).param("cadence", cadence))
                .andExpect(status().isOk());
        updates.deliverDue();
        Matcher link = CONFIRM.matcher(TestMailServer.text(TestMailServer.received().get(0)));
        assertThat(link.find()).isTrue();
        mvc.perform(post(path(link.group(1)))).andExpect(status().isOk());
        awaitBaseline();
        TestMailServer.clear();
    }

    /** Signs up on the customer page; answers the link in the confirmation mail. */
    private String subscribe(String email) throws Exception {
        int before = TestMailServer.received().size();
        // As the customer page's form posts it: no session, no CSRF token.
        mvc.perform(post("/" + customer.obfuscatedId() + "/updates")
                        .param("email", email).param("cadence", "digest"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Check your inbox")));
        updates.deliverDue();
        List<MimeMessage> received = TestMailServer.received();
        assertThat(received).hasSize(before + 1);
        Matcher link = CONFIRM.matcher(TestMailServer.text(received.get(received.size() - 1)));
        assertThat(link.find()).isTrue();
        return link.group(1);
    }

    private static String path(String link) {
        return java.net.URI.create(link).getPath();
    }

    private void awaitBaseline() {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> db.sql(
                        "SELECT count(*) FROM notify_order_state WHERE customer_id = ?").param(customer.id())
                .query(Integer.class).single() > 0);
    }

    private record DdOrder(String refNo, LocalDate expected) {
    }

    private DdOrder anyDdOrder() {
        return db.sql("SELECT ref_no, expected FROM notify_order_state WHERE customer_id = ? AND instance = 'DD'"
                        + " AND expected IS NOT NULL AND ready = 0 ORDER BY ref_no LIMIT 1")
                .param(customer.id())
                .query((rs, row) -> new DdOrder(rs.getString(1), LocalDate.parse(rs.getString(2))))
                .single();
    }
}
