package io.etareport.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.etareport.OnPostgres;
import io.etareport.ServiceTest;
import io.etareport.SimulatedBuzService;
import io.etareport.customers.Customer;
import io.etareport.customers.CustomerLinks;
import io.etareport.customers.CustomerRepository;
import io.etareport.customers.FieldType;
import io.etareport.simulator.BuzSimulator;
import io.etareport.simulator.DemoCustomers;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The scheduled warm-up and purge on PostgreSQL, called as the scheduler calls them: a run takes the cluster's
 * lock, so a second call while it is held (another node at the same minute) does nothing.
 */
@ServiceTest
@OnPostgres
class ScheduledWorkOnPostgresIntegrationTest {

    private static final BuzSimulator SIMULATOR = SimulatedBuzService.SIMULATOR;

    @Autowired
    ScheduledWork work;

    @Autowired
    CustomerRepository customers;

    @Autowired
    CustomerLinks links;

    @Autowired
    JdbcClient db;

    @Autowired
    java.time.Clock clock;

    @BeforeEach
    void customers() {
        db.sql("DELETE FROM customers").update();
        db.sql("DELETE FROM buz_cache").update();
        db.sql("DELETE FROM shedlock").update();
    }

    @Test
    void theWarmUpFetchesEveryCustomerThatIsNotPausedAndRunsOncePerSlot() {
        customers.add(DemoCustomers.ON_BOTH, DemoCustomers.ON_BOTH, FieldType.CUSTOMER_NAME, null);
        Customer paused = customers.add(DemoCustomers.DD_ONLY, null, FieldType.CUSTOMER_NAME, null);
        links.pause(paused.id(), "test");
        SIMULATOR.resetRequestCounts();

        work.warmUp();
        long afterFirst = SIMULATOR.requestCounts().total();
        work.warmUp();

        assertThat(db.sql("SELECT cache_key FROM buz_cache WHERE payload IS NOT NULL ORDER BY cache_key")
                .query(String.class).list())
                .anyMatch(key -> key.startsWith("open_orders:DD:customer:" + DemoCustomers.ON_BOTH))
                .anyMatch(key -> key.startsWith("open_orders:CBR:customer:" + DemoCustomers.ON_BOTH))
                .noneMatch(key -> key.contains(DemoCustomers.DD_ONLY));
        assertThat(afterFirst).isPositive();
        assertThat(SIMULATOR.requestCounts().total()).as("the second call found the slot taken").isEqualTo(afterFirst);
        assertThat(db.sql("SELECT count(*) FROM shedlock WHERE name = 'warm-up'").query(Integer.class).single())
                .isEqualTo(1);
    }

    /**
     * One test for everything the purge deletes: a run holds the cluster's purge slot for a minute, so a second
     * call in this process would be skipped.
     */
    @Test
    void thePurgeDeletesOldFinishedJobsOrderLookupCopiesAndReplacedLinksOnly() {
        db.sql("DELETE FROM report_job").update();
        db.sql("INSERT INTO report_job (id, customer_id, status, created_at, updated_at, heartbeat_at, finished_at)"
                + " VALUES ('old', 1, 'completed', 0, 0, 0, 0), ('new', 2, 'completed', 0, 0, 0, ?)")
                .param(System.currentTimeMillis()).update();
        long now = clock.millis();
        long old = now - java.time.Duration.ofDays(40).toMillis();
        db.sql("INSERT INTO buz_cache (cache_key, payload, row_count, refreshed_at) VALUES"
                + " ('order:DD:WorkInProgress:OLD', '[]', 0, ?), ('order:DD:WorkInProgress:NEW', '[]', 0, ?)")
                .params(old, now).update();
        Customer customer = customers.add("Purged Links DD", null, FieldType.CUSTOMER_NAME, null);
        db.sql("DELETE FROM retired_link").update();
        db.sql("INSERT INTO retired_link (obfuscated_id, customer_id, replaced_at) VALUES"
                + " ('eeeeeeeeeeeeeeeeeeeeeeeeeeeeee01', ?, ?), ('eeeeeeeeeeeeeeeeeeeeeeeeeeeeee02', ?, ?)")
                .params(customer.id(), old, customer.id(), now).update();

        work.purge();

        assertThat(db.sql("SELECT id FROM report_job").query(String.class).list()).containsExactly("new");
        assertThat(db.sql("SELECT cache_key FROM buz_cache").query(String.class).list())
                .containsExactly("order:DD:WorkInProgress:NEW");
        assertThat(db.sql("SELECT obfuscated_id FROM retired_link").query(String.class).list())
                .containsExactly("eeeeeeeeeeeeeeeeeeeeeeeeeeeeee02");
    }
}
