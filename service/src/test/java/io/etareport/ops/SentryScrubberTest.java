package io.etareport.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.sentry.Breadcrumb;
import io.sentry.SentryEvent;
import io.sentry.protocol.Message;
import io.sentry.protocol.Request;
import io.sentry.protocol.SentryException;
import io.sentry.protocol.User;
import org.junit.jupiter.api.Test;

class SentryScrubberTest {

    @Test
    void emailsAreReplacedWhereverAnEventCarriesText() {
        SentryEvent event = new SentryEvent();
        Message message = new Message();
        message.setMessage("Sign-in refused for %s");
        message.setFormatted("Sign-in refused for Bob.Smith@example.com");
        message.setParams(List.of("Bob.Smith@example.com"));
        event.setMessage(message);
        SentryException exception = new SentryException();
        exception.setType("IllegalStateException");
        exception.setValue("No user jane.doe+eta@mail.example.co.uk (id 7)");
        event.setExceptions(List.of(exception));
        event.setExtra("who", "zoë@exämple.com");
        event.setExtra("nested", Map.of("list", List.of("a@b.io", 42)));
        event.setTag("customer", "x@y.org");
        Breadcrumb breadcrumb = new Breadcrumb("Opened /admin as ada@staff.test");
        breadcrumb.setData("email", "ada@staff.test");
        event.addBreadcrumb(breadcrumb);
        User user = new User();
        user.setEmail("ada@staff.test");
        user.setUsername("ada@staff.test");
        event.setUser(user);

        SentryScrubber.scrub(event);

        assertThat(event.getMessage().getFormatted()).isEqualTo("Sign-in refused for [filtered]");
        assertThat(event.getMessage().getParams()).containsExactly("[filtered]");
        assertThat(event.getExceptions().get(0).getValue()).isEqualTo("No user [filtered] (id 7)");
        assertThat(event.getExtra("who")).isEqualTo("[filtered]");
        assertThat(event.getExtra("nested")).isEqualTo(Map.of("list", List.of("[filtered]", 42)));
        assertThat(event.getTag("customer")).isEqualTo("[filtered]");
        assertThat(event.getBreadcrumbs().get(0).getMessage()).isEqualTo("Opened /admin as [filtered]");
        assertThat(event.getBreadcrumbs().get(0).getData("email")).isEqualTo("[filtered]");
        assertThat(event.getUser().getEmail()).isEqualTo("[filtered]");
        assertThat(event.getUser().getUsername()).isEqualTo("[filtered]");
    }

    @Test
    void requestBodiesCookiesAndCredentialsAreDropped() {
        SentryEvent event = new SentryEvent();
        Request request = new Request();
        request.setData("email=ada%40staff.test&name=Ada");
        request.setBodySize(31L);
        request.setCookies("ETA_SESSION=abc");
        request.setHeaders(Map.of("Cookie", "ETA_SESSION=abc", "Authorization", "Basic xyz",
                "User-Agent", "Firefox", "X-Forwarded-For", "ada@staff.test"));
        request.setQueryString("email=ada@staff.test&page=2");
        event.setRequest(request);

        SentryScrubber.scrub(event);

        assertThat(event.getRequest().getData()).isNull();
        assertThat(event.getRequest().getBodySize()).isNull();
        assertThat(event.getRequest().getCookies()).isNull();
        assertThat(event.getRequest().getHeaders()).isEqualTo(Map.of("User-Agent", "Firefox",
                "X-Forwarded-For", "[filtered]"));
        assertThat(event.getRequest().getQueryString()).isEqualTo("email=[filtered]&page=2");
    }

    @Test
    void textWithoutEmailsIsLeftAlone() {
        assertThat(SentryScrubber.filter("Order 12345 @ DD failed: 503 at 10:00")).isEqualTo(
                "Order 12345 @ DD failed: 503 at 10:00");
        assertThat(SentryScrubber.filter(null)).isNull();
    }

    /** A customer's 32-hex link is the key to their orders: no field of an event may carry one. */
    @Test
    void customerLinksAreReplacedInEveryField() {
        String link = "0123456789abcdef0123456789ABCDEF";
        SentryEvent event = new SentryEvent();
        Request request = new Request();
        request.setUrl("https://eta.example.com/" + link + "/download.csv");
        request.setQueryString("id=" + link);
        request.setHeaders(Map.of("Referer", "https://eta.example.com/" + link));
        event.setRequest(request);
        Message message = new Message();
        message.setFormatted("Report failed for " + link);
        message.setParams(List.of(link));
        event.setMessage(message);
        SentryException exception = new SentryException();
        exception.setValue("No customer " + link);
        event.setExceptions(List.of(exception));
        event.setTransaction("GET /" + link + "/calendar.ics");
        event.setExtra("path", "/etas/" + link);
        event.setTag("url", "/" + link);
        Breadcrumb breadcrumb = new Breadcrumb("GET /" + link);
        breadcrumb.setData("url", "http://localhost/" + link + "?x=1");
        event.addBreadcrumb(breadcrumb);

        SentryScrubber.scrub(event);

        assertThat(event.getRequest().getUrl()).isEqualTo("https://eta.example.com/[filtered]/download.csv");
        assertThat(event.getRequest().getQueryString()).isEqualTo("id=[filtered]");
        assertThat(event.getRequest().getHeaders()).containsEntry("Referer", "https://eta.example.com/[filtered]");
        assertThat(event.getMessage().getFormatted()).isEqualTo("Report failed for [filtered]");
        assertThat(event.getMessage().getParams()).containsExactly("[filtered]");
        assertThat(event.getExceptions().get(0).getValue()).isEqualTo("No customer [filtered]");
        assertThat(event.getTransaction()).isEqualTo("GET /[filtered]/calendar.ics");
        assertThat(event.getExtra("path")).isEqualTo("/etas/[filtered]");
        assertThat(event.getTag("url")).isEqualTo("/[filtered]");
        assertThat(event.getBreadcrumbs().get(0).getMessage()).isEqualTo("GET /[filtered]");
        assertThat(event.getBreadcrumbs().get(0).getData("url")).isEqualTo("http://localhost/[filtered]?x=1");
    }
}
