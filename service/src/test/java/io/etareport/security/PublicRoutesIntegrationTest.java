package io.etareport.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Customers never sign in: their routes pass the security layer for anyone (what they then show
 * is the report's business; here no report controller exists, so they answer 404).
 */
@StaffWebTest
class PublicRoutesIntegrationTest {

    @Autowired
    MockMvc mvc;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            GET  | /0123456789abcdef0123456789abcdef
            GET  | /not-a-valid-link
            GET  | /etas/0123456789abcdef0123456789abcdef
            GET  | /report/job-1
            GET  | /jobs/job-1
            GET  | /sync/0123456789abcdef0123456789abcdef
            GET  | /0123456789abcdef0123456789abcdef/download.csv
            GET  | /0123456789abcdef0123456789abcdef/download.xlsx
            GET  | /etas/0123456789abcdef0123456789abcdef/download.csv
            POST | /eta/start
            GET  | /favicon.ico
            """)
    void anyoneGetsThroughToTheCustomerRoutes(String method, String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(MockMvcRequestBuilders.request(HttpMethod.valueOf(method), path)
                .accept("text/html").contentType("application/json").content("{}")).andReturn().getResponse();

        assertThat(response.getStatus()).isNotIn(302, 401, 403);
    }
}
