package io.etareport.simulator;

import static io.etareport.simulator.SimClient.enc;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;

/** The report API over real HTTP: paging, $filter through Olingo's parser, POST $query, auth, errors. */
class BuzSimulatorQueryIntegrationTest {

    static final String JSD = SimulatorDataSet.JOBS_SCHEDULE_DETAILED;
    static final String OPEN = "OrderStatus eq 'Work in Progress' and ProductionStatus ne null";

    static BuzSimulator sim;
    static SimClient client;

    @BeforeAll
    static void start() {
        sim = BuzSimulator.start(0);
        client = new SimClient(sim);
    }

    @AfterAll
    static void stop() {
        sim.stop();
    }

    @BeforeEach
    void reset() {
        sim.reset();
    }

    private static List<Map<String, Object>> expected(String code, String set, Predicate<Map<String, Object>> filter) {
        return sim.dataSet().rows(code, set).stream().filter(filter).toList();
    }

    private static List<String> pkIds(List<JsonNode> rows) {
        return rows.stream().map(r -> r.get("PkId").asString()).sorted().toList();
    }

    private static List<String> expectedPkIds(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> (String) r.get("PkId")).sorted().toList();
    }

    private static boolean open(Map<String, Object> row) {
        return "Work in Progress".equals(row.get("OrderStatus")) && row.get("ProductionStatus") != null;
    }

    @Test
    void pagingReturnsEveryRowExactlyOnceAcrossPages() throws Exception {
        SimClient.Pages pages = client.getAll("CBR", JSD, null);

        assertThat(pages.pageCount()).isGreaterThanOrEqualTo(3);
        assertThat(pages.rows()).hasSize(sim.dataSet().size("CBR", JSD));
        assertThat(pkIds(pages.rows())).isEqualTo(expectedPkIds(sim.dataSet().rows("CBR", JSD)));
        assertThat(pages.nextLinks()).allSatisfy(link -> {
            assertThat(link).startsWith(sim.baseUrl("CBR") + "/" + JSD + "?");
            assertThat(link).contains("$skiptoken=");
        });
        // the page boundaries are the configured page size
        assertThat(pages.rows().size() - 500 * (pages.pageCount() - 1)).isBetween(1, 500);
    }

    @Test
    void nextLinkKeepsFilterSelectTopAndSkip() throws Exception {
        List<Map<String, Object>> wip = expected("CBR", JSD, r -> "Work in Progress".equals(r.get("OrderStatus")));
        String query = "$filter=" + enc("OrderStatus eq 'Work in Progress'") + "&$select=PkId,RefNo&$top=1200&$skip=7";

        SimClient.Pages pages = client.getAll("CBR", JSD, query);

        assertThat(pages.pageCount()).isEqualTo(3);
        assertThat(pages.nextLinks()).allSatisfy(link -> assertThat(link)
                .contains("$filter=OrderStatus%20eq%20'Work%20in%20Progress'", "$select=PkId,RefNo", "$top=1200",
                        "$skip=7"));
        List<String> expectedIds = wip.subList(7, 1207).stream().map(r -> (String) r.get("PkId")).toList();
        assertThat(pages.rows().stream().map(r -> r.get("PkId").asString()).toList()).isEqualTo(expectedIds);
        assertThat(pages.rows()).allSatisfy(r -> assertThat(r.propertyNames()).containsExactly("PkId", "RefNo"));
    }

    @Test
    void aMovedDateIsServedOnEveryLineOfThatOrderOnlyUntilReset() throws Exception {
        String query = "$filter=" + enc("Customer eq '" + DemoCustomers.AT_A_GLANCE + "' and " + OPEN);

        sim.moveDate("DD", "90092", java.time.LocalDate.of(2025, 2, 3));
        List<JsonNode> moved = client.followAll("DD", client.get("DD", JSD, query)).rows();
        sim.reset();
        List<JsonNode> back = client.followAll("DD", client.get("DD", JSD, query)).rows();

        assertThat(moved).filteredOn(r -> r.get("RefNo").asString().equals("90092")).hasSize(3)
                .allSatisfy(r -> assertThat(r.get("DateScheduled").asString()).startsWith("2025-02-03"));
        assertThat(moved).filteredOn(r -> r.get("RefNo").asString().equals("90090"))
                .allSatisfy(r -> assertThat(r.get("DateScheduled").asString()).startsWith("2025-01-03"));
        assertThat(back).filteredOn(r -> r.get("RefNo").asString().equals("90092"))
                .allSatisfy(r -> assertThat(r.get("DateScheduled").asString()).startsWith("2025-01-16"));
    }

    @Test
    void filterWithDoubledQuote() throws Exception {
        HttpResponse<String> response = client.get("DD", JSD,
                "$filter=" + enc("Customer eq 'O''Malley Blinds' and " + OPEN));

        assertThat(response.statusCode()).isEqualTo(200);
        List<JsonNode> rows = client.followAll("DD", response).rows();
        assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.get("Customer").asString()).isEqualTo("O'Malley Blinds"));
        assertThat(pkIds(rows)).isEqualTo(expectedPkIds(expected("DD", JSD,
                r -> "O'Malley Blinds".equals(r.get("Customer")) && open(r))));
    }

    @Test
    void plusSignsAsSpacesAndEncodedAmpersandAndNonAscii() throws Exception {
        // URLEncoder's form encoding: '+' for spaces, as Python's requests sends it
        String formEncoded = java.net.URLEncoder.encode("Customer eq 'Smith & Sons'", java.nio.charset.StandardCharsets.UTF_8);
        assertThat(formEncoded).contains("+", "%26");
        List<JsonNode> smith = client.getAll("DD", JSD, "$filter=" + formEncoded).rows();
        assertThat(smith).isNotEmpty().allSatisfy(r -> assertThat(r.get("Customer").asString()).isEqualTo("Smith & Sons"));

        List<JsonNode> zoe = client.getAll("DD", JSD, "$filter=" + enc("Customer eq 'Zoë Müller Interiors'")).rows();
        assertThat(zoe).hasSize(expected("DD", JSD, r -> "Zoë Müller Interiors".equals(r.get("Customer"))).size())
                .isNotEmpty();
    }

    @Test
    void rawAmpersandInsideALiteralSplitsTheQueryAndIsRejected() throws Exception {
        HttpResponse<String> response = client.get("DD", JSD, "$filter=Customer%20eq%20'Smith%20&%20Sons'");

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void inWithManyNames() throws Exception {
        List<String> names = new ArrayList<>(sim.dataSet().groupMembers("CBR", DemoCustomers.BIG_GROUP));
        assertThat(names).hasSize(300);
        String in = names.stream().map(n -> "'" + n.replace("'", "''") + "'").collect(Collectors.joining(","));
        String filter = OPEN + " and Customer in (" + in + ")";

        // far too long for a GET: 414; by POST it works
        HttpResponse<String> tooLong = client.get("CBR", JSD, "$filter=" + enc(filter));
        assertThat(tooLong.statusCode()).isEqualTo(414);
        List<JsonNode> rows = client.followAll("CBR", client.postQuery("CBR", JSD, "$filter=" + enc(filter))).rows();

        assertThat(pkIds(rows)).isEqualTo(expectedPkIds(expected("CBR", JSD, r -> open(r) && names.contains(r.get("Customer")))));
        assertThat(rows.stream().map(r -> r.get("Customer").asString()).distinct().count()).isGreaterThan(250);

        // a batch that fits a URL
        List<String> batch = names.subList(0, 20);
        String small = batch.stream().map(n -> "'" + n.replace("'", "''") + "'").collect(Collectors.joining(", "));
        List<JsonNode> batchRows = client.getAll("CBR", JSD, "$filter=" + enc("Customer in (" + small + ")")).rows();
        assertThat(pkIds(batchRows)).isEqualTo(expectedPkIds(expected("CBR", JSD, r -> batch.contains(r.get("Customer")))));
    }

    @Test
    void nullComparisons() throws Exception {
        List<JsonNode> notNull = client.getAll("DD", JSD, "$filter=" + enc("ProductionStatus ne null")).rows();
        List<JsonNode> isNull = client.getAll("DD", JSD, "$filter=" + enc("ProductionStatus eq null")).rows();

        assertThat(notNull).allSatisfy(r -> assertThat(r.get("ProductionStatus").isNull()).isFalse());
        assertThat(isNull).isNotEmpty().allSatisfy(r -> assertThat(r.get("ProductionStatus").isNull()).isTrue());
        assertThat(notNull.size() + isNull.size()).isEqualTo(sim.dataSet().size("DD", JSD));
    }

    @Test
    void notOrAndFunctions() throws Exception {
        List<JsonNode> rows = client.getAll("CBR", JSD, "$filter=" + enc(
                "not (OrderStatus eq 'Work in Progress') or (startswith(Customer,'Coastline') and contains(tolower(ProductionLine),'awning'))"))
                .rows();

        assertThat(pkIds(rows)).isEqualTo(expectedPkIds(expected("CBR", JSD, r -> !"Work in Progress".equals(r.get("OrderStatus"))
                || ((String) r.get("Customer")).startsWith("Coastline") && r.get("ProductionLine") != null
                && ((String) r.get("ProductionLine")).toLowerCase().contains("awning"))));
        assertThat(rows).isNotEmpty();
    }

    @Test
    void numericComparisonOnFixedLine() throws Exception {
        List<JsonNode> rows = client.getAll("DD", JSD, "$filter=" + enc("FixedLine ge 14") + "&$select=PkId,FixedLine").rows();

        assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.get("FixedLine").asInt()).isGreaterThanOrEqualTo(14));
        assertThat(rows).hasSize(expected("DD", JSD, r -> (Integer) r.get("FixedLine") >= 14).size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Customer eq 'x", "Customer eq", "Customer = 'x'", "Customer eq \"x\"",
            "Customer eq 'O'Malley Blinds'", "Customer in ()", "Customer in 'a','b'", "(Customer eq 'a'",
            "Customer eq 'a' and", "FixedLine eq 'one'", "ProductionStatus ne nul", "Customer eq 'a' && RefNo eq '1'"})
    void malformedFilterIs400WithODataError(String filter) throws Exception {
        HttpResponse<String> response = client.get("DD", JSD, "$filter=" + enc(filter));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode error = SimClient.json(response).get("error");
        assertThat(error.get("code").asString()).isNotBlank();
        assertThat(error.get("message").asString()).isNotBlank();
    }

    @Test
    void unknownPropertyIs400() throws Exception {
        HttpResponse<String> response = client.get("DD", JSD, "$filter=" + enc("Custmer eq 'x'"));
        HttpResponse<String> select = client.get("DD", JSD, "$select=RefNo,Nope");
        HttpResponse<String> orderBy = client.get("DD", JSD, "$orderby=Nope");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(SimClient.json(response).get("error").get("message").asString()).contains("Custmer");
        assertThat(select.statusCode()).isEqualTo(400);
        assertThat(orderBy.statusCode()).isEqualTo(400);
    }

    @Test
    void basicAuthIsEnforced() throws Exception {
        String url = client.url("DD", JSD, "$top=1");
        HttpResponse<String> none = client.http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> wrong = client.http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", SimClient.basic("dd-sim", "nope")).GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> otherInstance = client.http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", client.auth("CBR")).GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> right = client.get("DD", url);

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(SimClient.json(none).get("error").get("code").asString()).isEqualTo("Unauthorized");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(otherInstance.statusCode()).isEqualTo(401);
        assertThat(right.statusCode()).isEqualTo(200);
    }

    @Test
    void configurableCredentials() throws Exception {
        try (BuzSimulator custom = BuzSimulator.start(SimulatorSettings.defaults().withCredentials("DD", "alice", "s3cret:with colon"))) {
            SimClient c = new SimClient(custom);
            assertThat(c.get("DD", JSD, "$top=1").statusCode()).isEqualTo(200);
            assertThat(custom.credentials("DESDR").username()).isEqualTo("alice");
        }
    }

    @Test
    void postQueryEqualsGet() throws Exception {
        String query = "$filter=" + enc("Customer eq 'Coastline Interiors' or " + OPEN) + "&$select=PkId,RefNo,Customer&$top=900";

        HttpResponse<String> get = client.get("CBR", JSD, query);
        HttpResponse<String> post = client.postQuery("CBR", JSD, query);

        assertThat(post.statusCode()).isEqualTo(200);
        assertThat(SimClient.json(post)).isEqualTo(SimClient.json(get));
        // the POST's nextLink is a GET URL that continues the same query
        SimClient.Pages viaPost = client.followAll("CBR", post);
        SimClient.Pages viaGet = client.followAll("CBR", get);
        assertThat(viaPost.rows()).isEqualTo(viaGet.rows()).hasSize(900);
    }

    @Test
    void postQueryBodyMayCarryRawSpacesAndNeedsTextPlain() throws Exception {
        HttpResponse<String> raw = client.postQuery("DD", JSD, "$filter=Customer eq 'Café Façades'&$select=Customer\n");
        HttpResponse<String> wrongType = client.http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl("DD") + "/" + JSD + "/$query"))
                .header("Authorization", client.auth("DD")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("$top=1")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> postWithoutQuerySegment = client.http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl("DD") + "/" + JSD))
                .header("Authorization", client.auth("DD")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("$top=1")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(SimClient.json(raw).get("value")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.get("Customer").asString()).isEqualTo("Café Façades"));
        assertThat(wrongType.statusCode()).isEqualTo(415);
        HttpResponse<String> urlAndBody = client.http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl("DD") + "/" + JSD + "/$query?$select=RefNo"))
                .header("Authorization", client.auth("DD")).header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString("$filter=RefNo%20eq%20'90001'")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(SimClient.json(urlAndBody).get("value")).hasSize(4)
                .allSatisfy(r -> assertThat(r.propertyNames()).containsExactly("RefNo"));
        assertThat(postWithoutQuerySegment.statusCode()).isEqualTo(405);
    }

    @Test
    void countSelectOrderByAndPreferMaxPageSize() throws Exception {
        String filter = "$filter=" + enc(OPEN);
        int expectedCount = expected("DD", JSD, BuzSimulatorQueryIntegrationTest::open).size();

        JsonNode counted = SimClient.json(client.get("DD", JSD, filter + "&$count=true&$top=2"));
        HttpResponse<String> countOnly = client.get("DD", JSD + "/$count", filter);
        JsonNode ordered = SimClient.json(client.get("DD", JSD, filter + "&$orderby=" + enc("RefNo desc,FixedLine") + "&$select=RefNo,FixedLine&$top=50"));
        HttpResponse<String> small = client.http.send(HttpRequest.newBuilder(URI.create(client.url("DD", JSD, filter)))
                .header("Authorization", client.auth("DD")).header("Prefer", "odata.maxpagesize=100").GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(counted.get("@odata.count").asInt()).isEqualTo(expectedCount);
        assertThat(counted.get("value")).hasSize(2);
        assertThat(countOnly.body()).isEqualTo(Integer.toString(expectedCount));
        List<String> refNos = new ArrayList<>();
        ordered.get("value").forEach(r -> refNos.add(r.get("RefNo").asString()));
        assertThat(refNos).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(ordered.get("@odata.context").asString()).endsWith("#JobsScheduleDetailed(RefNo,FixedLine)");
        assertThat(SimClient.json(small).get("value")).hasSize(100);
        assertThat(small.headers().firstValue("Preference-Applied")).contains("odata.maxpagesize=100");
    }

    @Test
    void salesReportForTheBigGroupHas300Customers() throws Exception {
        String query = "$filter=" + enc("Order_Status eq 'Work in Progress' and CustomerGroup eq 'Big Group 300'") + "&$select=Customer";
        List<JsonNode> rows = client.getAll("CBR", SimulatorDataSet.SALES_REPORT, query).rows();

        assertThat(rows.stream().map(r -> r.get("Customer").asString().strip()).distinct().count()).isEqualTo(300);
        assertThat(client.getAll("DD", SimulatorDataSet.SALES_REPORT, query).rows()).isEmpty();
    }

    @Test
    void workInProgressByRefNo() throws Exception {
        List<JsonNode> rows = client.getAll("DD", SimulatorDataSet.WORK_IN_PROGRESS, "$filter=" + enc("RefNo eq '90001'")).rows();

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("Customer").asString()).isEqualTo(DemoCustomers.ON_BOTH);
    }

    @Test
    void unsupportedUnknownAndTooLong() throws Exception {
        assertThat(client.get("DD", "Nope", null).statusCode()).isEqualTo(404);
        assertThat(client.get("DD", sim.rootUrl() + "/reports/XXXXX/" + JSD).statusCode()).isEqualTo(404);
        assertThat(client.get("DD", JSD, "$search=blinds").statusCode()).isEqualTo(501);
        assertThat(client.get("DD", JSD, "$skiptoken=abc").statusCode()).isEqualTo(400);
        assertThat(client.get("DD", JSD, "$top=-1").statusCode()).isEqualTo(400);
        assertThat(client.get("DD", JSD, "$filter=" + enc("Customer eq '" + "x".repeat(2100) + "'")).statusCode()).isEqualTo(414);
    }

    @Test
    void serviceDocumentAndMetadata() throws Exception {
        HttpResponse<String> root = client.get("DD", sim.baseUrl("DD"));
        HttpResponse<String> metadata = client.get("DD", sim.baseUrl("DD") + "/$metadata");

        assertThat(root.statusCode()).isEqualTo(200);
        assertThat(SimClient.json(root).get("value")).hasSize(3);
        assertThat(metadata.statusCode()).isEqualTo(200);
        assertThat(metadata.body()).contains("EntitySet Name=\"SalesReport\"", "Property Name=\"Order_Status\"");
    }

    @Test
    void jsonValuesKeepTheirTypesAndHostileText() throws Exception {
        List<JsonNode> rows = client.getAll("DD", JSD, "$filter=" + enc("RefNo eq '90001'")).rows();

        assertThat(rows).hasSize(4);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("FixedLine").isNumber()).isTrue();
            assertThat(r.get("UnitCost").isNumber()).isTrue();
            assertThat(r.get("Descn").asString()).isEqualTo("<script>alert(1)</script>");
        });
        assertThat(rows.stream().map(r -> r.get("DateScheduled").asString()).filter(Objects::nonNull).distinct().count())
                .isGreaterThan(1);
    }
}
