package io.etareport.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** In development (APP_ENV=development) an error page shows what went wrong and where. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "DATABASE=unused-the-test-profile-sets-the-file", "FLASK_SECRET=x", "GOOGLE_CLIENT_ID=x",
        "GOOGLE_CLIENT_SECRET=x", "BUZ_DD_USERNAME=x", "BUZ_DD_PASSWORD=x", "BUZ_CBR_USERNAME=x",
        "BUZ_CBR_PASSWORD=x"})
@ActiveProfiles({"dev", "test"})
@Import(StaffTestConfig.class)
class ErrorPagesInDevelopmentIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void theErrorPageShowsTheExceptionAndItsStackTrace() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/report/test-failure")).header("Accept", "text/html")
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(500);
        assertThat(page.body()).contains("<h1>Something went wrong on our side</h1>")
                .contains(StaffTestConfig.FailingPages.SECRET)
                .contains("java.lang.IllegalStateException").contains("at io.etareport.security.StaffTestConfig");
    }
}
