package io.etareport.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.etareport.buz.BuzException;
import io.etareport.buz.Instance;
import io.etareport.buz.InstanceNamesForSlices;
import io.etareport.buz.OrderLine;
import io.etareport.cache.UpstreamUnavailableException;
import io.etareport.customers.Customer;
import io.etareport.customers.CustomerContact;
import io.etareport.customers.CustomerLinks;
import io.etareport.customers.FieldType;
import io.etareport.export.CalendarFeedTest;
import io.etareport.jobs.JobProperties;
import io.etareport.jobs.ReportJobs;
import io.etareport.report.FilterChoices;
import io.etareport.report.Order;
import io.etareport.report.OrderModelsForSlices;
import io.etareport.report.Report;
import io.etareport.statuses.StatusMappings;

import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The customer's calendar route in a web slice: the real controller, link resolver, order model and factory names;
 * the job engine and the database's answers stand in. A preview robot never starts a report, a filtered feed keeps
 * each order's state from the whole report, factories are named as customers know them, and a supplier that is down
 * is a 503 a calendar app retries.
 */
@WebMvcTest(controllers = CalendarController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import(CalendarControllerTest.Slice.class)
@TestPropertySource(properties = "eta.buz.instances.DD.display-name=Sydney factory")
class CalendarControllerTest {

    private static final String OPEN = "0123456789abcdef0123456789abcdef";
    private static final Customer ACME = new Customer(7, "Acme", null, OPEN, FieldType.CUSTOMER_NAME, null);
    /** Monday 6 Jan 2025, 9 am in Sydney. */
    private static final Instant NOW = Instant.parse("2025-01-05T22:00:00Z");

    @Autowired
    MockMvc mvc;

    /** The database's answer about links (the customers module's); the slice has no database. */
    @MockitoBean
    CustomerLinks links;

    /** The job engine: the report the customer's shared job gives. */
    @MockitoBean
    ReportJobs jobs;

    /** Staff's stages and names for statuses: none. */
    @MockitoBean
    StatusMappings mappings;

    @BeforeEach
    void link() {
        when(links.open(anyString())).thenReturn(Optional.empty());
        when(links.open(OPEN)).thenReturn(Optional.of(ACME));
    }

    @Test
    void aPreviewRobotGetsTheHeadersAndNeverStartsAReport() throws Exception {
        byte[] body = mvc.perform(get("/" + OPEN + "/calendar.ics").header("User-Agent", "Slackbot-LinkExpanding 1.0"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/calendar;charset=UTF-8"))
                .andExpect(header().string("Cache-Control", "no-store"))
                .andReturn().getResponse().getContentAsByteArray();

        assertThat(body).isEmpty();
        verifyNoInteractions(jobs);
    }

    @Test
    void aFilteredFeedKeepsTheOrdersItShowsAsTheWholeReportSeesThem() throws Exception {
        when(jobs.awaitReport(any())).thenReturn(new Report("Acme", List.of(
                order("100", LocalDate.of(2024, 12, 30), "In Production", "Dispatched"),
                order("101", LocalDate.of(2025, 1, 10), "Dispatched")),
                FilterChoices.none(), List.of(), NOW));

        // The status filter keeps only 100's dispatched line; the order is still in production, and late.
        List<VEvent> events = CalendarFeedTest.events(mvc.perform(get("/" + OPEN + "/calendar.ics")
                        .param("status", "Dispatched").param("state", "overdue"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());

        assertThat(events).extracting(event -> CalendarFeedTest.value(event, "SUMMARY"))
                .containsExactly("Overdue: Order 100 · Sydney factory · In production");
        assertThat(CalendarFeedTest.value(events.get(0), "DTSTART")).as("on today's date").isEqualTo("20250106");
        assertThat(CalendarFeedTest.value(events.get(0), "DESCRIPTION")).isEqualTo("In production. Expected"
                + " 30 Dec 2024, 5 business days late. Shown on today's date until it is ready.");
    }

    @Test
    void aSupplierDownWithNothingSavedIsA503ToRetry() throws Exception {
        when(jobs.awaitReport(any())).thenThrow(new UpstreamUnavailableException(Instance.DD,
                BuzException.Kind.SERVER_ERROR, "The supplier's system is not available right now.", null));

        mvc.perform(get("/" + OPEN + "/calendar.ics"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", SupplierUnavailableAdvice.RETRY_AFTER_SECONDS));
    }

    @Test
    void anUnknownLinkHasNoCalendar() throws Exception {
        mvc.perform(get("/fedcba9876543210fedcba9876543210/calendar.ics")).andExpect(status().isNotFound());

        verifyNoInteractions(jobs);
    }

    private static Order order(String refNo, LocalDate expected, String... statuses) {
        List<OrderLine> lines = new java.util.ArrayList<>();
        for (int i = 0; i < statuses.length; i++) {
            lines.add(new OrderLine(Instance.DD, refNo, null, expected, "Roller Blinds", "Blockout", statuses[i],
                    String.valueOf(i + 1), Map.of()));
        }
        return new Order(Instance.DD, refNo, null, expected, lines);
    }

    @TestConfiguration
    @EnableConfigurationProperties(JobProperties.class)
    @Import({LinkWebConfig.class, OpenLinks.class, StartLimiter.class, ClosedLinkPage.class,
            OrderModelsForSlices.class, InstanceNamesForSlices.class})
    static class Slice {

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneId.of("UTC"));
        }

        @Bean
        ZoneId businessZone() {
            return ZoneId.of("Australia/Sydney");
        }

        /** What the closed-link page's contact line reads. */
        @Bean("customerContact")
        CustomerContact customerContact() {
            return CustomerContact.of("Acme Blinds", "Sam", "sam@example.com", null);
        }
    }
}
