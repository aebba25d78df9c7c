package io.etareport.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.RequestDispatcher;

import io.etareport.ServiceTest;
import io.etareport.jobs.Jobs;
import io.etareport.cache.MutableClock;
import io.etareport.customers.Customer;
import io.etareport.customers.CustomerLinks;
import io.etareport.customers.CustomerRepository;
import io.etareport.customers.FieldType;
import io.etareport.simulator.DemoCustomers;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The page answers "is it late, is it ready, whom do I ask" from the simulator's known orders for
 * {@link DemoCustomers#AT_A_GLANCE}, on a clock set in Sydney.
 */
@ServiceTest(properties = {"eta.brand.company-name=Demo Blinds Co", "eta.brand.contact-name=Sam Taylor",
        "eta.brand.contact-email=orders@blinds.example", "eta.brand.contact-phone=02 5550 0123",
        "eta.report.expected-window=1"})
class AtAGlanceIntegrationTest {

    private static final Pattern SUMMARY = Pattern.compile("<nav id=\"summary\".*?</nav>", Pattern.DOTALL);

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
    }

    @AfterEach
    void clock() {
        clock.followSystem();
    }

    private String page(Customer customer) throws Exception {
        return mvc.perform(get("/sync/" + customer.obfuscatedId())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    /** The summary line as a reader hears it: tags dropped, whitespace squeezed. */
    private static String summary(String page) {
        Matcher matcher = SUMMARY.matcher(page);
        assertThat(matcher.find()).as("the page has a summary line").isTrue();
        return matcher.group().replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").strip();
    }

    private static String order(String page, String refNo) {
        int start = page.indexOf("aria-label=\"Order " + refNo + "\"");
        assertThat(start).as("order " + refNo + " is on the page").isPositive();
        return page.substring(start, page.indexOf("</section>", start));
    }

    @Test
    void onTheAnchorMondayOneOrderIsOverdueAndOneReady() throws Exception {
        clock.setSydney("2025-01-06T09:00");

        String page = page(glance);

        assertThat(summary(page)).isEqualTo("3 orders 1 overdue 1 ready 0 moved recently");
        assertThat(order(page, "90090")).contains("Overdue").doesNotContain("badge-ready");
        assertThat(order(page, "90091")).contains("badge-ready").doesNotContain("Overdue");
        assertThat(order(page, "90092")).doesNotContain("Overdue").doesNotContain("badge-ready");
        assertThat(page).doesNotContain("90093");
    }

    @Test
    void aWeekLaterEveryUnfinishedOrderPastItsDateIsOverdue() throws Exception {
        // Sunday evening in Sydney is already Monday 20 Jan; in UTC it is still the 19th.
        clock.setSydney("2025-01-20T08:00");

        String page = page(glance);

        // The ready order is past its date too, but ready is never overdue (the order model's rule).
        assertThat(summary(page)).isEqualTo("3 orders 2 overdue 1 ready 0 moved recently");
    }

    @Test
    void anOrderDueTodayInSydneyIsNotOverdueThoughUtcIsAlreadyPastIt() throws Exception {
        // 90092 is expected on Thursday 16 Jan; 23:30 on the 16th in Sydney is still the 16th there.
        clock.setSydney("2025-01-16T23:30");

        assertThat(order(page(glance), "90092")).doesNotContain("Overdue");
        clock.setSydney("2025-01-17T00:30");
        assertThat(order(page(glance), "90092")).contains("Overdue");
    }

    @Test
    void expectedDatesShowTheirWindowInBusinessDays() throws Exception {
        clock.setSydney("2025-01-06T09:00");

        String page = page(glance);

        // 90092 is due Thursday 16 Jan; 90090 on Friday 3 Jan, whose window reaches over the weekend.
        assertThat(order(page, "90092")).contains("15 Jan 2025 – 17 Jan 2025");
        assertThat(order(page, "90090")).contains("02 Jan 2025 – 06 Jan 2025");
        assertThat(page).contains("Please allow the window shown under each expected date");
    }

    @Test
    void everyLineShowsOneSpellingPerStatusAsTheFilterDoes() throws Exception {
        String page = page(glance);

        assertThat(order(page, "90092")).contains(">In Production</td>").doesNotContain("in production<");
        assertThat(order(page, "90091")).contains(">Ready For Dispatch</td>").doesNotContain("ready for  dispatch");
        assertThat(page).contains("<option value=\"In Production\"");
    }

    @Test
    void eachOrderHasAnAskLinkWithItsNumberAndReferenceInTheSubject() throws Exception {
        String page = page(glance);

        assertThat(order(page, "90091")).contains(
                "href=\"mailto:orders@blinds.example?subject=Order%2090091%20%28ref%20Glance%20-%20Lounge%29\"");
        assertThat(page).contains("Ask <span class=\"contact-name\">Sam Taylor</span>")
                .contains("href=\"tel:0255500123\"");
    }

    @Test
    void theContactIsOnTheLoadingEmptyUnknownAndClosedLinkPages() throws Exception {
        Customer quiet = customers.add(DemoCustomers.NO_OPEN_ORDERS, null, FieldType.CUSTOMER_NAME, null);

        String loading = mvc.perform(get("/" + glance.obfuscatedId())).andReturn().getResponse()
                .getContentAsString();
        Jobs.awaitFinished(mvc, Jobs.idOn(loading));
        String empty = page(quiet);
        mvc.perform(get("/0123456789abcdef0123456789abcdef")).andExpect(status().isNotFound());
        // MockMvc has no container to forward a 404 to its error page: ask for it as the container would.
        String unknown = mvc.perform(get("/error").accept(MediaType.TEXT_HTML)
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 404)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/0123456789abcdef0123456789abcdef"))
                .andReturn().getResponse().getContentAsString();
        links.pause(quiet.id(), "test");
        String closed = mvc.perform(get("/" + quiet.obfuscatedId())).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();

        assertThat(empty).contains("No open orders right now");
        assertThat(unknown).contains("Page not found");
        for (String page : new String[] {loading, empty, unknown, closed}) {
            assertThat(page).contains("Questions about your orders?").contains("orders@blinds.example")
                    .contains("02 5550 0123");
        }
        assertThat(closed).doesNotContain(DemoCustomers.NO_OPEN_ORDERS);
    }
}
