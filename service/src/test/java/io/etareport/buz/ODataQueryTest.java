package io.etareport.buz;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;

class ODataQueryTest {

    private static final URI BASE = URI.create("https://api.buzmanager.com/reports/DESDR");

    @Test
    void percentEncodesTheFilterIncludingAmpersandsAndQuotes() {
        ODataQuery query = ODataQuery.of("JobsScheduleDetailed", ODataFilter.eq("Customer", "Smith & O'Brien"));

        assertThat(query.getUri(BASE)).hasToString("https://api.buzmanager.com/reports/DESDR/JobsScheduleDetailed"
                + "?$filter=Customer%20eq%20%27Smith%20%26%20O%27%27Brien%27");
    }

    @Test
    void encodesNonAsciiAsUtf8AndKeepsUnreservedCharacters() {
        ODataQuery query = ODataQuery.of("JobsScheduleDetailed", ODataFilter.eq("Customer", "Café a-b_c.d~e+f/g=h#i?"));

        assertThat(query.queryString())
                .isEqualTo("$filter=Customer%20eq%20%27Caf%C3%A9%20a-b_c.d~e%2Bf%2Fg%3Dh%23i%3F%27");
    }

    @Test
    void addsASelectAfterTheFilter() {
        ODataQuery query = ODataQuery.of("JobsScheduleDetailed", ODataFilter.neNull("ProductionStatus"))
                .withSelect("ProductionStatus");

        assertThat(query.queryString()).isEqualTo("$filter=ProductionStatus%20ne%20null&$select=ProductionStatus");
    }

    @Test
    void aBaseWithATrailingSlashGivesTheSameUrl() {
        ODataQuery query = ODataQuery.of("SalesReport", null);

        assertThat(query.getUri(URI.create("http://localhost:8089/reports/WATSO/")))
                .hasToString("http://localhost:8089/reports/WATSO/SalesReport");
    }

    @Test
    void postsTheSameQueryTextToTheQueryResource() {
        ODataQuery query = ODataQuery.of("WorkInProgress", ODataFilter.eq("RefNo", "1 2"));

        assertThat(query.postUri(BASE)).hasToString("https://api.buzmanager.com/reports/DESDR/WorkInProgress/$query");
        assertThat(query.queryString()).isEqualTo("$filter=RefNo%20eq%20%271%202%27");
    }

    @Test
    void measuresTheEncodedUrl() {
        ODataQuery query = ODataQuery.of("JobsScheduleDetailed", ODataFilter.eq("Customer", "a b"));
        String expected = "https://api.buzmanager.com/reports/DESDR/JobsScheduleDetailed"
                + "?$filter=Customer%20eq%20%27a%20b%27";

        assertThat(query.urlLength(BASE)).isEqualTo(expected.length());
    }

    @Test
    void describesItselfWithoutValues() {
        assertThat(ODataQuery.of("SalesReport", ODataFilter.eq("CustomerGroup", "Secret Group")))
                .hasToString("SalesReport (1 conditions)");
    }
}
