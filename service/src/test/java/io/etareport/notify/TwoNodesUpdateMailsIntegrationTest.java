package io.etareport.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.util.GreenMail;

import io.etareport.ClusterNode;
import io.etareport.SimulatedBuzService;
import io.etareport.db.TestPostgres;
import io.etareport.simulator.BuzSimulator;
import io.etareport.simulator.DemoCustomers;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two nodes on one PostgreSQL database reach the digest's minute together: one digest per subscriber, not two.
 * (Each node runs the demo's own SMTP server; the mails of both are counted.)
 */
class TwoNodesUpdateMailsIntegrationTest {

    private static final BuzSimulator SIMULATOR = SimulatedBuzService.SIMULATOR;

    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;
    private static JdbcClient db;

    @BeforeAll
    static void startTwoNodes() {
        String database = TestPostgres.newDatabase();
        String[] noCron = {"--eta.notify.digest=-", "--eta.notify.immediate=-", "--eta.notify.send=-",
                "--eta.schedule.warm-up=-"};
        nodeA = ClusterNode.start(database, SIMULATOR, noCron);
        nodeB = ClusterNode.start(database, SIMULATOR, noCron);
        db = JdbcClient.create(new DriverManagerDataSource(database, "postgres", ""));
    }

    @AfterAll
    static void stopNodes() {
        SIMULATOR.reset();
        nodeA.close();
        nodeB.close();
    }

    @Test
    void theDigestFiredOnBothNodesAtOnceSendsOneMailPerSubscriber() throws Exception {
        db.sql("DELETE FROM customers").update();
        db.sql("INSERT INTO customers (dd_name, cbr_name, obfuscated_id, field_type)"
                + " VALUES (?, ?, ?, 'Customer Name')").params(DemoCustomers.ON_BOTH, DemoCustomers.ON_BOTH,
                "c".repeat(32)).update();
        long customer = db.sql("SELECT id FROM customers").query(Long.class).single();
        for (String email : new String[] {"one@example.com", "two@example.com"}) {
            db.sql("INSERT INTO notify_subscriber (customer_id, email, cadence, site_url, link_id, unsubscribe_token,"
                            + " created_at, confirmed_at) VALUES (?, ?, 'digest', 'http://localhost', ?, ?, 0, 0)")
                    .params(customer, email, "c".repeat(32), Tokens.generate()).update();
        }
        // Yesterday's digest saw the orders as they were.
        nodeA.getBean(Updates.class).run(true, line -> { });
        String refNo = db.sql("SELECT ref_no FROM notify_order_state WHERE instance = 'DD' AND expected IS NOT NULL"
                + " ORDER BY ref_no LIMIT 1").query(String.class).single();
        SIMULATOR.moveDate("DD", refNo, LocalDate.now().plusDays(60));
        db.sql("UPDATE shedlock SET lock_until = locked_at").update();

        CyclicBarrier sameMoment = new CyclicBarrier(2);
        CompletableFuture<Void> onA = CompletableFuture.runAsync(() -> fireDigest(nodeA, sameMoment));
        CompletableFuture<Void> onB = CompletableFuture.runAsync(() -> fireDigest(nodeB, sameMoment));
        CompletableFuture.allOf(onA, onB).get(120, TimeUnit.SECONDS);
        // Both nodes deliver whatever is left, one after the other.
        nodeA.getBean(Updates.class).deliverDue();
        nodeB.getBean(Updates.class).deliverDue();

        int mails = nodeA.getBean(GreenMail.class).getReceivedMessages().length
                + nodeB.getBean(GreenMail.class).getReceivedMessages().length;
        assertThat(mails).isEqualTo(2);
        assertThat(db.sql("SELECT count(*) FROM notify_outbox WHERE status = 'sent'").query(Integer.class).single())
                .isEqualTo(2);
    }

    private static void fireDigest(ConfigurableApplicationContext node, CyclicBarrier sameMoment) {
        NotifySchedule schedule = node.getBean(NotifySchedule.class);
        try {
            sameMoment.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        schedule.digest();
    }
}
