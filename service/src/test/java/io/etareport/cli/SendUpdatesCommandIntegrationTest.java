package io.etareport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.LocalDate;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.etareport.ServiceTest;
import io.etareport.SimulatedBuzService;
import io.etareport.cache.MutableClock;
import io.etareport.customers.Customer;
import io.etareport.customers.CustomerRepository;
import io.etareport.customers.FieldType;
import io.etareport.simulator.DemoCustomers;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import picocli.CommandLine;

/** send-updates as operators run it: live fetches, changes recorded, due mails sent at once, whatever the hour. */
@ServiceTest(properties = {"eta.notify.digest=-", "eta.notify.immediate=-", "eta.notify.send=-"})
class SendUpdatesCommandIntegrationTest {

    private static final GreenMail SMTP = startSmtp();

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    CustomerRepository customers;

    @Autowired
    JdbcClient db;

    @Autowired
    MutableClock clock;

    private Customer customer;

    @BeforeEach
    void aCustomerWithADailySubscriber() throws Exception {
        for (String table : java.util.List.of("notify_outbox", "notify_change", "notify_order_state",
                "notify_subscriber", "customers", "buz_cache")) {
            db.sql("DELETE FROM " + table).update();
        }
        customer = customers.add(DemoCustomers.ON_BOTH, DemoCustomers.ON_BOTH, FieldType.CUSTOMER_NAME, null);
        db.sql("INSERT INTO notify_subscriber (customer_id, email, cadence, site_url, link_id, unsubscribe_token,"
                        + " created_at, confirmed_at) VALUES (?, 'pat@example.com', 'digest', 'http://localhost', ?,"
                        + " 'send-updates-test-token', 0, 0)")
                .params(customer.id(), customer.obfuscatedId()).update();
        SMTP.purgeEmailFromAllMailboxes();
        // A Sunday night: far from the daily digest's time.
        clock.setSydney("2026-03-08T22:00");
    }

    @AfterEach
    void putBack() {
        SimulatedBuzService.SIMULATOR.reset();
        clock.followSystem();
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Test
    void firstRunSeesTheOrdersThenAMovedDateIsMailedAtOnce() {
        StringWriter first = new StringWriter();
        assertThat(run(first)).isZero();
        assertThat(first.toString()).contains(DemoCustomers.ON_BOTH + ": live, 0 changes, 0 mails")
                .contains("1 customers checked (1 with live data), 0 changes found, 0 mails written.")
                .contains("0 mails sent.");

        String refNo = db.sql("SELECT ref_no FROM notify_order_state WHERE customer_id = ? AND instance = 'DD'"
                        + " AND expected IS NOT NULL AND ready = 0 ORDER BY ref_no LIMIT 1")
                .param(customer.id()).query(String.class).single();
        SimulatedBuzService.SIMULATOR.moveDate("DD", refNo, LocalDate.now().plusDays(45));
        StringWriter second = new StringWriter();
        assertThat(run(second)).isZero();

        assertThat(second.toString()).contains("1 changes found, 1 mails written.").contains("1 mails sent.");
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
    }

    private int run(StringWriter out) {
        CommandLine commandLine = Cli.commandLine(context);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(new StringWriter(), true));
        return commandLine.execute("send-updates");
    }

    private static GreenMail startSmtp() {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return smtp;
    }
}
