package io.etareport.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.catalina.Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * A server session is memory (or, on PostgreSQL, table rows) kept for half an hour: only someone signing in gets
 * one. Over real HTTP, 2,000 signed-out requests to staff pages, unknown pages, unknown links and the API leave
 * no session behind and set no session cookie.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.security.oauth2.client.registration.google.client-id=test-client",
        "spring.security.oauth2.client.registration.google.client-secret=test-secret",
        "spring.security.oauth2.client.registration.google.scope=openid,email,profile"})
@ActiveProfiles("test")
@Import(StaffTestConfig.class)
class AnonymousSessionsIntegrationTest {

    static final String SESSION_COOKIE = "ETA_SESSION";

    @LocalServerPort
    int port;

    @Autowired
    ServletWebServerApplicationContext context;

    @Autowired
    JdbcClient db;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** What one anonymous client might ask for, in turn: staff pages, unknown ones, unknown links, the API. */
    private static String path(int n) {
        return switch (n % 8) {
            case 0 -> "/no/such/page/" + n;
            case 1 -> "/admin";
            case 2 -> "/manage_users?page=" + n;
            case 3 -> "/columns/" + n;
            case 4 -> "/" + String.format(Locale.ROOT, "%032x", n);
            case 5 -> "/jobs-schedule/" + n;
            case 6 -> "/api/v1/customers";
            default -> "/login";
        };
    }

    @Test
    void twoThousandSignedOutRequestsLeaveNoSession() throws Exception {
        long sessionsBefore = sessionsCreated();
        int tableBefore = sessionRows();
        List<String> cookies = new ArrayList<>();

        for (int n = 0; n < 2_000; n++) {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + path(n))).header("User-Agent", "probe").GET().build(), HttpResponse.BodyHandlers.discarding());
            response.headers().allValues("Set-Cookie").stream()
                    .filter(cookie -> cookie.startsWith(SESSION_COOKIE + "="))
                    .forEach(cookie -> cookies.add(response.request().uri().getPath() + " " + cookie));
            if (n < 8) {
                assertThat(response.statusCode()).as(path(n)).isIn(200, 302, 401, 404);
            }
        }

        assertThat(cookies).as("session cookies set").isEmpty();
        assertThat(sessionsCreated() - sessionsBefore).as("sessions created in memory").isZero();
        assertThat(sessionRows() - tableBefore).as("sessions stored in the database").isZero();
    }

    /** Sessions the servlet container has created since it started. */
    long sessionsCreated() {
        TomcatWebServer server = (TomcatWebServer) context.getWebServer();
        long created = 0;
        for (var child : server.getTomcat().getHost().findChildren()) {
            created += ((Context) child).getManager().getSessionCounter();
        }
        return created;
    }

    /** Sessions in Spring Session's table; none on SQLite, where sessions stay in memory. */
    int sessionRows() {
        return 0;
    }
}
