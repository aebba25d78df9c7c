package io.etareport.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Error pages as production shows them (the test profile has production's error settings): in
 * the site's style, in plain words, and never with exception text or a stack trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(StaffTestConfig.class)
class ErrorPagesIntegrationTest extends TestOidcServer {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient db;

    private final Browser browser = new Browser();

    @BeforeEach
    void staff() {
        Staff.reset(db);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /0123456789abcdef0123456789abcdef | 404 | Page not found
            /report/test-failure              | 500 | Something went wrong on our side
            /report/test-throttled            | 429 | Too many requests
            /wip/DD/123                       | 401 | Please sign in
            """)
    void visitorsSeeAPlainPageInTheSiteStyle(String path, int status, String heading) throws Exception {
        HttpResponse<String> page = browser.open(url(path));

        assertThat(page.statusCode()).isEqualTo(status);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/html"));
        assertThat(page.body()).contains("<h1>" + heading + "</h1>").containsPattern("/css/app-[0-9a-f]{32}\\.css")
                .doesNotContain("Sign out");
        assertShowsNoInternals(page.body());
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            /admin/edit/not-a-number | 400 | That request could not be understood
            /refresh_statuses        | 405 | That can’t be done here
            /staff/no-such-page      | 404 | Page not found
            """)
    void staffSeeTheSamePages(String path, int status, String heading) throws Exception {
        nextGoogleAccount(Staff.ADMIN, true);
        browser.open(url("/oauth2/authorization/google"));

        HttpResponse<String> page = browser.open(url(path));

        assertThat(page.statusCode()).isEqualTo(status);
        assertThat(page.body()).contains("<h1>" + heading + "</h1>");
        assertShowsNoInternals(page.body());
    }

    @Test
    void aUserOpeningAnAdminPageSeesTheForbiddenPage() throws Exception {
        nextGoogleAccount(Staff.USER, true);
        browser.open(url("/oauth2/authorization/google"));

        HttpResponse<String> page = browser.open(url("/manage_users"));

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("You don’t have access to this page");
    }

    @Test
    void jsonClientsGetJsonWithoutInternalsEither() throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/report/test-failure")))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).startsWith("{").contains("\"status\":500");
        assertShowsNoInternals(response.body());
    }

    private static void assertShowsNoInternals(String body) {
        assertThat(body).doesNotContain(StaffTestConfig.FailingPages.SECRET).doesNotContain("Exception")
                .doesNotContain("at io.etareport").doesNotContain("at org.springframework");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
