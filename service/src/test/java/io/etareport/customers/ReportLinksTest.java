package io.etareport.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ReportLinksTest {

    private final Customer acme = new Customer(1, "Acme", null, "0123456789abcdef0123456789abcdef",
            FieldType.CUSTOMER_NAME, null);

    @Test
    void theConfiguredServerNameMakesAnHttpsLink() {
        ReportLinks links = new ReportLinks(new ReportLinks.Properties("eta.example.com", Duration.ZERO));

        assertThat(links.linkFor(acme, request())).isEqualTo("https://eta.example.com/0123456789abcdef0123456789abcdef");
    }

    @Test
    void withoutOneTheLinkFollowsTheRequest() {
        ReportLinks links = new ReportLinks(new ReportLinks.Properties("", Duration.ZERO));

        assertThat(links.linkFor(acme, request())).isEqualTo("http://intranet:8080/eta/0123456789abcdef0123456789abcdef");
    }

    private static MockHttpServletRequest request() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/eta/admin");
        request.setServerName("intranet");
        request.setServerPort(8080);
        request.setContextPath("/eta");
        return request;
    }
}
