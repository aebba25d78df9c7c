package io.etareport.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.etareport.security.Staff;
import io.etareport.security.StaffWebTest;
import io.etareport.simulator.DemoCustomers;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * "Last opened" and "opens in the last 30 days" count the customer's own opens only: a member of staff previewing
 * the link, a {@code HEAD} request and a link-preview robot leave no trace; opens at the same moment each count.
 */
@StaffWebTest
class LinkOpensIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient db;
    @Autowired
    CustomerRepository customers;
    @Autowired
    LinkOpens opens;

    private Customer customer;

    @BeforeEach
    void aCustomer() {
        Staff.reset(db);
        db.sql("DELETE FROM customers").update();
        customer = customers.add(DemoCustomers.DD_ONLY, null, FieldType.CUSTOMER_NAME, null);
    }

    @Test
    void theCustomersOpenIsCountedAndIsTheirLastOpen() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        mvc.perform(MockMvcRequestBuilders.get("/" + customer.obfuscatedId()).header("User-Agent", "Mozilla/5.0"));

        assertThat(opens.countsSince(before)).containsEntry(customer.id(), 1);
        assertThat(opens.lastOpened().get(customer.id())).isAfter(before);
    }

    @Test
    void staffPreviewsHeadRequestsAndLinkPreviewRobotsAreNotOpens() throws Exception {
        String link = "/" + customer.obfuscatedId();
        mvc.perform(MockMvcRequestBuilders.get(link).with(Staff.signedInAs(Staff.ADMIN)));
        mvc.perform(MockMvcRequestBuilders.get(link).with(Staff.signedInAs(Staff.USER)));
        mvc.perform(MockMvcRequestBuilders.head(link));
        mvc.perform(MockMvcRequestBuilders.get(link).header("User-Agent", "Slackbot-LinkExpanding 1.0"));
        mvc.perform(MockMvcRequestBuilders.get(link).header("User-Agent", "facebookexternalhit/1.1"));
        mvc.perform(MockMvcRequestBuilders.get("/sync" + link).header("User-Agent", "WhatsApp/2.23"));

        assertThat(opens.lastOpened()).doesNotContainKey(customer.id());
        assertThat(opens.countsSince(Instant.EPOCH)).doesNotContainKey(customer.id());
    }

    @Test
    void opensAtTheSameMomentCountOnceEach() throws Exception {
        int at = 8;
        CyclicBarrier together = new CyclicBarrier(at);
        List<CompletableFuture<Void>> all = IntStream.range(0, at).mapToObj(i -> CompletableFuture.runAsync(() -> {
            try {
                together.await(10, TimeUnit.SECONDS);
                mvc.perform(MockMvcRequestBuilders.get("/" + customer.obfuscatedId()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).toList();
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        assertThat(opens.countsSince(Instant.now().minus(Duration.ofMinutes(1)))).containsEntry(customer.id(), at);
    }

    @Test
    void opensOlderThanTheKeepPeriodArePurged() {
        long old = Instant.now().minus(opens.keep()).minus(Duration.ofDays(1)).toEpochMilli();
        long recent = Instant.now().minus(Duration.ofDays(29)).toEpochMilli();
        db.sql("INSERT INTO link_open (customer_id, opened_at) VALUES (?, ?), (?, ?)")
                .params(customer.id(), old, customer.id(), recent).update();

        assertThat(opens.purge(false)).isEqualTo(1);
        assertThat(opens.purge(true)).isEqualTo(1);
        assertThat(db.sql("SELECT opened_at FROM link_open WHERE customer_id = ?").param(customer.id())
                .query(Long.class).list()).containsExactly(recent);
    }
}
