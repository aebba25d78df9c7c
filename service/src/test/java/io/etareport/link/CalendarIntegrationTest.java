package io.etareport.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import io.etareport.ServiceTest;
import io.etareport.SimulatedBuzService;
import io.etareport.cache.MutableClock;
import io.etareport.customers.Customer;
import io.etareport.customers.CustomerLinks;
import io.etareport.customers.CustomerRepository;
import io.etareport.customers.FieldType;
import io.etareport.export.CalendarFeedTest;
import io.etareport.simulator.DemoCustomers;
import io.etareport.simulator.FaultMode;
import io.etareport.simulator.SimulatorFaults;

import net.fortuna.ical4j.model.component.VEvent;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The calendar feed of a customer link, from the simulator's known orders, parsed back with ical4j. */
@ServiceTest(properties = "eta.jobs.reuse-window=0s")
class CalendarIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    CustomerRepository customers;
    @Autowired
    CustomerLinks links;
    @Autowired
    JdbcClient db;
    @Autowired
    MutableClock clock;

    private Customer glance;

    @BeforeEach
    void customer() {
        db.sql("DELETE FROM customers").update();
        db.sql("DELETE FROM buz_cache").update();
        glance = customers.add(DemoCustomers.AT_A_GLANCE, null, FieldType.CUSTOMER_NAME, null);
        clock.setSydney("2025-01-06T09:00");
    }

    @AfterEach
    void putBack() {
        SimulatedBuzService.SIMULATOR.reset();
        clock.followSystem();
    }

    /** Start date by UID. */
    private Map<String, String> feed(String path) throws Exception {
        byte[] ics = mvc.perform(get(path)).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/calendar;charset=UTF-8"))
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(header().string("Referrer-Policy", "no-referrer"))
                .andReturn().getResponse().getContentAsByteArray();
        Map<String, String> dates = new TreeMap<>();
        for (VEvent event : CalendarFeedTest.events(ics)) {
            dates.put(CalendarFeedTest.value(event, "UID"), CalendarFeedTest.value(event, "DTSTART"));
        }
        return dates;
    }

    /** Issue 18, row 6: calendar apps poll, so an outage is a 503 to retry later, never a 500 (nor an error log). */
    @Test
    void aSupplierOutageWithNoSavedCopyIs503WithRetryAfterLikeADownload() throws Exception {
        SimulatedBuzService.SIMULATOR.faults().mode(SimulatorFaults.ALL, FaultMode.HTTP_503);

        mvc.perform(get("/" + glance.obfuscatedId() + "/calendar.ics")).andExpect(status().isServiceUnavailable())
                .andExpect(header().exists("Retry-After"))
                .andExpect(header().string("Cache-Control", "no-store"));
        mvc.perform(get("/" + glance.obfuscatedId() + "/download.csv")).andExpect(status().isServiceUnavailable())
                .andExpect(header().exists("Retry-After"));
    }

    @Test
    void oneEventPerOpenOrderOnTheReportsDatesWithUidsThatStayWhenADateMoves() throws Exception {
        Map<String, String> first = feed("/" + glance.obfuscatedId() + "/calendar.ics");
        SimulatedBuzService.SIMULATOR.moveDate("DD", "90092", LocalDate.of(2025, 1, 23));
        // Time moves on: a report finished at this very instant would still count as reusable.
        clock.advance(java.time.Duration.ofMinutes(1));
        Map<String, String> second = feed("/etas/" + glance.obfuscatedId() + "/calendar.ics");

        // 90090 (expected 3 Jan, overdue on Monday 6 Jan) on today's date, 90091 on 8 Jan, 90092 on 16 Jan; the
        // finished 90093 is not in the report.
        assertThat(first.values()).containsExactlyInAnyOrder("20250106", "20250108", "20250116");
        assertThat(second.keySet()).isEqualTo(first.keySet());
        assertThat(second.values()).containsExactlyInAnyOrder("20250106", "20250108", "20250123");
    }

    @Test
    void theReportPageOffersTheFeedAndAClosedLinkStopsIt() throws Exception {
        String page = mvc.perform(get("/sync/" + glance.obfuscatedId())).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("href=\"/" + glance.obfuscatedId() + "/calendar.ics\"")
                .contains("Subscribe in your");

        links.pause(glance.id(), "test");

        mvc.perform(get("/" + glance.obfuscatedId() + "/calendar.ics")).andExpect(status().isNotFound());
        mvc.perform(get("/0123456789abcdef0123456789abcdef/calendar.ics")).andExpect(status().isNotFound());
    }
}
