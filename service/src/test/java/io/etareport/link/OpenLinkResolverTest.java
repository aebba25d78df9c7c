package io.etareport.link;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Optional;

import io.etareport.customers.ClosedLinkException;
import io.etareport.customers.Customer;
import io.etareport.customers.CustomerContact;
import io.etareport.customers.CustomerLinks;
import io.etareport.customers.FieldType;
import io.etareport.jobs.JobProperties;
import io.etareport.jobs.ReportJobs;

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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The one resolver from a route's {@code {id}} to an open link, in a web slice: a controller taking an
 * {@link OpenLink} never sees a malformed, unknown, replaced or paused link, nor a start over the limit.
 */
@WebMvcTest(controllers = OpenLinkResolverTest.Probe.class)
@AutoConfigureMockMvc(addFilters = false)
@Import({OpenLinkResolverTest.Slice.class, OpenLinkResolverTest.Probe.class})
@TestPropertySource(properties = "eta.jobs.starts-per-minute=2")
class OpenLinkResolverTest {

    private static final String OPEN = "0123456789abcdef0123456789abcdef";
    private static final String CLOSED = "fedcba9876543210fedcba9876543210";
    private static final String UNKNOWN = "00000000000000000000000000000000";

    @Autowired
    MockMvc mvc;

    /** The database's answer about links (the customers module's); the slice has no database. */
    @MockitoBean
    CustomerLinks links;

    @MockitoBean
    ReportJobs jobs;

    @BeforeEach
    void links() {
        when(links.open(anyString())).thenReturn(Optional.empty());
        when(links.open(OPEN)).thenReturn(Optional.of(new Customer(7, "Acme", null, OPEN, FieldType.CUSTOMER_NAME,
                null)));
        when(links.open(CLOSED)).thenThrow(new ClosedLinkException());
    }

    @Test
    void anOpenLinkReachesTheControllerWithItsCustomer() throws Exception {
        mvc.perform(get("/probe/" + OPEN)).andExpect(status().isOk()).andExpect(content().string("7 " + OPEN));
    }

    @Test
    void aMalformedIdIs404BeforeAnyLinkIsLookedUp() throws Exception {
        for (String id : new String[]{OPEN.toUpperCase(), OPEN.substring(1), OPEN + "0", "../etc", "g" + OPEN.substring(1)}) {
            mvc.perform(get("/probe/" + id)).andExpect(status().isNotFound());
        }

        verifyNoInteractions(links);
    }

    @Test
    void anUnknownLinkIs404() throws Exception {
        mvc.perform(get("/probe/" + UNKNOWN)).andExpect(status().isNotFound());
    }

    @Test
    void aReplacedOrPausedLinkGetsTheClosedLinkPage() throws Exception {
        mvc.perform(get("/probe/" + CLOSED)).andExpect(status().isNotFound())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(ClosedLinkException.MESSAGE)));
    }

    @Test
    void aRouteThatStartsReportsCountsEachStartAndRefusesPastTheLimit() throws Exception {
        mvc.perform(get("/starts/" + OPEN).with(from("10.0.0.1"))).andExpect(status().isOk());
        mvc.perform(get("/starts/" + OPEN).with(from("10.0.0.1"))).andExpect(status().isOk());
        mvc.perform(get("/starts/" + OPEN).with(from("10.0.0.1"))).andExpect(status().isTooManyRequests());

        mvc.perform(get("/starts/" + OPEN).with(from("10.0.0.2"))).andExpect(status().isOk());
    }

    @Test
    void previewRobotsAndRoutesThatDoNotStartAReportAreNotCounted() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/starts/" + OPEN).with(from("10.0.0.3")).header("User-Agent", "Slackbot-LinkExpanding 1.0"))
                    .andExpect(status().isOk()).andExpect(content().string("preview"));
            mvc.perform(get("/probe/" + OPEN).with(from("10.0.0.3"))).andExpect(status().isOk());
        }

        mvc.perform(get("/starts/" + OPEN).with(from("10.0.0.3"))).andExpect(status().isOk());
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    @RestController
    static class Probe {

        @GetMapping("/probe/{id}")
        @ResponseBody
        String probe(OpenLink link) {
            return link.customer().id() + " " + link.id();
        }

        @GetMapping("/starts/{id}")
        @ResponseBody
        String starts(@StartsReport OpenLink link) {
            return link.preview() ? "preview" : "started";
        }
    }

    @TestConfiguration
    @EnableConfigurationProperties(JobProperties.class)
    @Import({LinkWebConfig.class, OpenLinks.class, StartLimiter.class, ClosedLinkPage.class})
    static class Slice {

        /** What the closed-link page's contact line reads. */
        @Bean("customerContact")
        CustomerContact customerContact() {
            return CustomerContact.of("Acme Blinds", "Sam", "sam@example.com", null);
        }
    }
}
