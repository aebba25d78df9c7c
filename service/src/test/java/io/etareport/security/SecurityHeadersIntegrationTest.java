package io.etareport.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The headers every answer carries. Pages that carry a customer's private link must not leak it
 * to other sites through the Referer header.
 */
@StaffWebTest
class SecurityHeadersIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient db;

    @BeforeEach
    void staff() {
        Staff.reset(db);
    }

    @ParameterizedTest(name = "{0} (signed in: {1}) → Referrer-Policy {2}")
    @CsvSource(delimiter = '|', textBlock = """
            /login                                    | false | same-origin
            /admin                                    | true  | same-origin
            /status_mapping                           | true  | same-origin
            /manage_users                             | true  | same-origin
            /0123456789abcdef0123456789abcdef         | false | no-referrer
            /etas/0123456789abcdef0123456789abcdef    | false | no-referrer
            /report/some-job                          | false | no-referrer
            /0123456789abcdef0123456789abcdef/download.csv | false | no-referrer
            /css/app.css                              | false | no-referrer
            /no-such-page                             | false | no-referrer
            """)
    void everyAnswerCarriesTheSecurityHeaders(String path, boolean signedIn, String referrerPolicy) throws Exception {
        var request = get(path).accept("text/html");
        if (signedIn) {
            request.with(Staff.signedInAs(Staff.ADMIN));
        }

        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();

        assertThat(response.getHeader("Content-Security-Policy")).isEqualTo("default-src 'self'; script-src 'self';"
                + " style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.getHeader("Referrer-Policy")).isEqualTo(referrerPolicy);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/login", "/admin", "/status_mapping", "/manage_users"})
    void staffPagesHaveNoInlineScriptsOrStyles(String path) throws Exception {
        var request = get(path);
        if (!path.equals("/login")) {
            request.with(Staff.signedInAs(Staff.ADMIN));
        }
        String html = mvc.perform(request).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("</main>");
        assertThat(html).doesNotContainPattern("<script(?![^>]*\\bsrc=)").doesNotContain("<style")
                .doesNotContain(" style=").doesNotContainPattern(" on[a-z]+=");
    }
}
