package io.etareport.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.etareport.ServiceTest;
import io.etareport.SimulatedBuzService;
import io.etareport.customers.Customer;
import io.etareport.customers.CustomerRepository;
import io.etareport.customers.FieldType;
import io.etareport.simulator.DemoCustomers;
import io.etareport.simulator.FaultMode;
import io.etareport.simulator.SimulatorFaults;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The original service's {@code /api/v1}, call for call: the requests its own API tests make
 * (customers CRUD, generate → poll → done, both downloads, statuses, health, keys), with the same
 * status codes and bodies, against the whole service and the Buz simulator over HTTP.
 */
@ServiceTest(properties = "eta.api.key=" + ApiContractIntegrationTest.KEY)
class ApiContractIntegrationTest {

    static final String KEY = "test-api-key-123";
    private static final String UNKNOWN_ID = "0123456789abcdef0123456789abcdef";

    @Autowired
    MockMvc mvc;

    @Autowired
    CustomerRepository customers;

    @Autowired
    JdbcClient db;

    @Autowired
    JsonMapper json;

    @BeforeEach
    void emptyTables() {
        db.sql("DELETE FROM customers").update();
        db.sql("DELETE FROM report_job").update();
        db.sql("DELETE FROM status_mapping").update();
        // A copy stored by one test would be served to the next when Buz fails there.
        db.sql("DELETE FROM buz_cache").update();
    }

    @AfterEach
    void resetSimulator() {
        SimulatedBuzService.SIMULATOR.reset();
    }

    private static MockHttpServletRequestBuilder keyed(MockHttpServletRequestBuilder request) {
        return request.header("X-API-Key", KEY);
    }

    @Nested
    class Keys {

        @Test
        void aCallWithoutAKeyIsUnauthorized() throws Exception {
            mvc.perform(get("/api/v1/customers"))
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(content().json("{\"error\": \"Missing X-API-Key header\", \"code\": \"UNAUTHORIZED\"}",
                            JsonCompareMode.LENIENT));
        }

        @Test
        void aWrongKeyIsForbidden() throws Exception {
            mvc.perform(get("/api/v1/customers").header("X-API-Key", "wrong-key"))
                    .andExpect(status().isForbidden())
                    .andExpect(content().json("{\"error\": \"Invalid API key\", \"code\": \"FORBIDDEN\"}",
                            JsonCompareMode.LENIENT));
        }

        @Test
        void theOriginalsKeyWorksAndNeitherCsrfNorASessionCookieIsInvolved() throws Exception {
            MvcResult result = mvc.perform(keyed(post("/api/v1/customers")).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"dd_name\": \"Acme\"}"))
                    .andExpect(status().isCreated())
                    .andReturn();
            assertThat(result.getResponse().getHeaders("Set-Cookie")).isEmpty();
            assertThat(result.getRequest().getSession(false)).isNull();
        }

        @Test
        void healthNeedsNoKey() throws Exception {
            db.sql("INSERT INTO buz_cache (cache_key, payload, row_count, refreshed_at) VALUES ('k', '[]', 0, 1)")
                    .update();
            mvc.perform(get("/api/v1/health"))
                    .andExpect(status().isOk())
                    .andExpect(content().json("{\"data\": {\"status\": \"ok\", \"db\": true, \"cache_entries\": 1,"
                            + " \"running_jobs\": 0}}", JsonCompareMode.STRICT));
        }
    }

    @Nested
    class Customers {

        @Test
        void anEmptyListIsEmptyData() throws Exception {
            mvc.perform(keyed(get("/api/v1/customers")))
                    .andExpect(status().isOk())
                    .andExpect(content().json("{\"data\": []}", JsonCompareMode.STRICT));
        }

        @Test
        void theListIsSortedByDisplayNameIgnoringCaseWithTheOriginalsFields() throws Exception {
            customers.add("b dd", null, FieldType.CUSTOMER_NAME, "beta");
            Customer alpha = customers.add("A DD", "A CBR", FieldType.CUSTOMER_GROUP, "Alpha");
            customers.add(null, "c cbr", FieldType.CUSTOMER_NAME, "Charlie");

            JsonNode data = body(mvc.perform(keyed(get("/api/v1/customers"))).andExpect(status().isOk()).andReturn())
                    .get("data");

            assertThat(data.findValuesAsString("display_name")).containsExactly("Alpha", "beta", "Charlie");
            assertThat(fieldNames(data.get(0))).containsExactlyInAnyOrder("id", "dd_name", "cbr_name",
                    "obfuscated_id", "field_type", "display_name");
            assertThat(data.get(0).get("id").asLong()).isEqualTo(alpha.id());
            assertThat(data.get(0).get("obfuscated_id").asString()).isEqualTo(alpha.obfuscatedId());
            assertThat(data.get(0).get("field_type").asString()).isEqualTo("Customer Group");
            assertThat(data.get(1).get("cbr_name").isNull()).isTrue();
        }

        @Test
        void oneCustomerByTheirLinkId() throws Exception {
            Customer acme = customers.add("Acme DD", "Acme CBR", FieldType.CUSTOMER_NAME, "Acme");
            mvc.perform(keyed(get("/api/v1/customers/" + acme.obfuscatedId())))
                    .andExpect(status().isOk())
                    .andExpect(content().json("{\"data\": {\"id\": " + acme.id() + ", \"dd_name\": \"Acme DD\","
                            + " \"cbr_name\": \"Acme CBR\", \"obfuscated_id\": \"" + acme.obfuscatedId() + "\","
                            + " \"field_type\": \"Customer Name\", \"display_name\": \"Acme\"}}", JsonCompareMode.STRICT));
        }

        @Test
        void anUnknownOrMalformedIdIsNotFound() throws Exception {
            for (String id : List.of(UNKNOWN_ID, "nonexistent")) {
                mvc.perform(keyed(get("/api/v1/customers/" + id)))
                        .andExpect(status().isNotFound())
                        .andExpect(content().json("{\"error\": \"Customer not found: " + id + "\", \"code\": \"NOT_FOUND\"}",
                                JsonCompareMode.LENIENT));
            }
        }

        @Test
        void createdWithBothNamesTheDisplayNameIsTheCbrName() throws Exception {
            JsonNode data = create("{\"dd_name\": \"Acme\", \"cbr_name\": \"Acme CBR\"}");
            assertThat(data.get("dd_name").asString()).isEqualTo("Acme");
            assertThat(data.get("cbr_name").asString()).isEqualTo("Acme CBR");
            assertThat(data.get("display_name").asString()).isEqualTo("Acme CBR");
            assertThat(data.get("field_type").asString()).isEqualTo("Customer Name");
            assertThat(data.get("obfuscated_id").asString()).matches("[0-9a-f]{32}");
            assertThat(customers.findByObfuscatedId(data.get("obfuscated_id").asString())).isPresent();
        }

        @Test
        void createdWithTheDdNameOnlyTheDisplayNameIsTheDdName() throws Exception {
            JsonNode data = create("{\"dd_name\": \"Acme DD\"}");
            assertThat(data.get("display_name").asString()).isEqualTo("Acme DD");
            assertThat(data.get("cbr_name").isNull()).isTrue();
        }

        @Test
        void aGivenDisplayNameAndGroupTypeAreKept() throws Exception {
            JsonNode data = create("{\"dd_name\": \"Acme\", \"display_name\": \"My Custom Name\","
                    + " \"field_type\": \"Customer Group\"}");
            assertThat(data.get("display_name").asString()).isEqualTo("My Custom Name");
            assertThat(data.get("field_type").asString()).isEqualTo("Customer Group");
        }

        @Test
        void withoutAnyNameItIsAValidationError() throws Exception {
            mvc.perform(keyed(post("/api/v1/customers")).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"display_name\": \"No names\"}"))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(content().json("{\"error\": \"At least one of dd_name or cbr_name is required\","
                            + " \"code\": \"VALIDATION_ERROR\"}", JsonCompareMode.LENIENT));
        }

        @Test
        void anUnknownFieldTypeIsAValidationError() throws Exception {
            mvc.perform(keyed(post("/api/v1/customers")).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"dd_name\": \"X\", \"field_type\": \"Invalid\"}"))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.code").value("VALIDATION_ERROR"))
                    .andExpect(jsonPath("$.error").value("field_type must be one of: Customer Group, Customer Name"));
            assertThat(customers.findAll()).isEmpty();
        }

        /** The staff form's rule for names, on the API too: one line of at most 200 characters. */
        @Test
        void namesWithControlCharactersOrOverTheFormsLengthAreValidationErrors() throws Exception {
            for (String body : List.of("{\"dd_name\": \"Acme\\nEvil\"}", "{\"cbr_name\": \"Ac\\u0000me\"}",
                    "{\"dd_name\": \"Acme\", \"display_name\": \"Tab\\there\"}",
                    "{\"dd_name\": \"" + "x".repeat(201) + "\"}")) {
                mvc.perform(keyed(post("/api/v1/customers")).contentType(MediaType.APPLICATION_JSON).content(body))
                        .andExpect(status().isUnprocessableContent())
                        .andExpect(jsonPath("$.code").value("VALIDATION_ERROR"));
            }
            assertThat(customers.findAll()).isEmpty();
            create("{\"dd_name\": \"" + "x".repeat(200) + "\"}");
        }

        @Test
        void aBodyThatIsNotJsonIsABadRequest() throws Exception {
            mvc.perform(keyed(post("/api/v1/customers")))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().json("{\"error\": \"Request body must be JSON\", \"code\": \"BAD_REQUEST\"}",
                            JsonCompareMode.LENIENT));
            mvc.perform(keyed(post("/api/v1/customers")).contentType(MediaType.APPLICATION_JSON).content("{nope"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("BAD_REQUEST"));
        }

        @Test
        void anUpdateChangesWhatItNamesKeepsTheOtherNameAndTheLink() throws Exception {
            Customer acme = customers.add("Acme DD", "Acme CBR", FieldType.CUSTOMER_NAME, "Acme");
            mvc.perform(keyed(put("/api/v1/customers/" + acme.obfuscatedId())).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"dd_name\": \"New DD\"}"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.data.dd_name").value("New DD"))
                    .andExpect(jsonPath("$.data.cbr_name").value("Acme CBR"))
                    // as the original: a display name left out is derived again
                    .andExpect(jsonPath("$.data.display_name").value("Acme CBR"))
                    .andExpect(jsonPath("$.data.obfuscated_id").value(acme.obfuscatedId()));
            assertThat(customers.findById(acme.id()).orElseThrow().ddName()).isEqualTo("New DD");
        }

        @Test
        void anUpdateRemovingBothNamesIsRefusedAndChangesNothing() throws Exception {
            Customer acme = customers.add("Acme DD", null, FieldType.CUSTOMER_NAME, "Acme");
            mvc.perform(keyed(put("/api/v1/customers/" + acme.obfuscatedId())).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"dd_name\": null}"))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.code").value("VALIDATION_ERROR"));
            assertThat(customers.findById(acme.id()).orElseThrow().ddName()).isEqualTo("Acme DD");
        }

        @Test
        void updatingOrDeletingAnUnknownCustomerIsNotFound() throws Exception {
            mvc.perform(keyed(put("/api/v1/customers/nope")).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"dd_name\": \"X\"}"))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.code").value("NOT_FOUND"));
            mvc.perform(keyed(delete("/api/v1/customers/nope")))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.code").value("NOT_FOUND"));
        }

        @Test
        void aDeleteAnswers204WithNoBodyAndTheLinkIsGone() throws Exception {
            Customer acme = customers.add("Acme DD", null, FieldType.CUSTOMER_NAME, "Acme");
            MvcResult result = mvc.perform(keyed(delete("/api/v1/customers/" + acme.obfuscatedId())))
                    .andExpect(status().isNoContent()).andReturn();
            assertThat(result.getResponse().getContentAsByteArray()).isEmpty();
            mvc.perform(keyed(get("/api/v1/customers/" + acme.obfuscatedId()))).andExpect(status().isNotFound());
        }

        private JsonNode create(String body) throws Exception {
            return body(mvc.perform(keyed(post("/api/v1/customers")).contentType(MediaType.APPLICATION_JSON)
                    .content(body)).andExpect(status().isCreated()).andReturn()).get("data");
        }
    }

    @Nested
    class Links {

        @Test
        void aNewLinkKeepsTheCustomerShutsTheOldLinkAndNamesTheKeyInTheAuditLog() throws Exception {
            Customer acme = customers.add("Acme DD", "Acme CBR", FieldType.CUSTOMER_NAME, "Acme");
            db.sql("DELETE FROM audit_log").update();

            JsonNode answer = body(mvc.perform(keyed(post("/api/v1/customers/" + acme.obfuscatedId() + "/rotate-link")))
                    .andExpect(status().isOk()).andReturn()).get("data");

            String fresh = answer.get("customer").get("obfuscated_id").asString();
            assertThat(fresh).matches("[0-9a-f]{32}").isNotEqualTo(acme.obfuscatedId());
            assertThat(answer.get("customer").get("display_name").asString()).isEqualTo("Acme");
            assertThat(answer.get("paused").asBoolean()).isFalse();
            mvc.perform(get("/" + acme.obfuscatedId())).andExpect(status().isNotFound());
            mvc.perform(keyed(get("/api/v1/customers/" + acme.obfuscatedId()))).andExpect(status().isNotFound());
            mvc.perform(keyed(get("/api/v1/customers/" + fresh))).andExpect(status().isOk());
            assertThat(db.sql("SELECT actor || ' ' || action FROM audit_log").query(String.class).list())
                    .containsExactly("api key " + ApiProperties.ENVIRONMENT_KEY_NAME + " new link");
        }

        @Test
        void pauseShutsTheLinkAndResumeOpensItAgain() throws Exception {
            Customer acme = customers.add("Acme DD", null, FieldType.CUSTOMER_NAME, "Acme");
            String base = "/api/v1/customers/" + acme.obfuscatedId();

            JsonNode paused = body(mvc.perform(keyed(post(base + "/pause"))).andExpect(status().isOk()).andReturn());
            mvc.perform(get("/" + acme.obfuscatedId())).andExpect(status().isNotFound());
            JsonNode resumed = body(mvc.perform(keyed(post(base + "/resume"))).andExpect(status().isOk()).andReturn());

            assertThat(paused.get("data").get("paused").asBoolean()).isTrue();
            assertThat(resumed.get("data").get("paused").asBoolean()).isFalse();
            assertThat(resumed.get("data").get("customer").get("obfuscated_id").asString())
                    .isEqualTo(acme.obfuscatedId());
        }

        @Test
        void aPausedCustomerGetsNoJobAndNoUpstreamCallOnAnyRoute() throws Exception {
            String name = "Paused Probe DD";
            Customer paused = customers.add(name, null, FieldType.CUSTOMER_NAME, "Paused Probe");
            mvc.perform(keyed(post("/api/v1/customers/" + paused.obfuscatedId() + "/pause")))
                    .andExpect(status().isOk());
            long before = SimulatedBuzService.SIMULATOR.requestCounts().recentNaming(name).size();

            for (MockHttpServletRequestBuilder call : List.of(
                    post("/api/v1/reports/" + paused.obfuscatedId() + "/generate"),
                    get("/api/v1/reports/" + paused.obfuscatedId() + "/download"),
                    get("/api/v1/reports/" + paused.obfuscatedId() + "/download").param("format", "xlsx"),
                    get("/api/v1/customers/" + paused.obfuscatedId() + "/orders"))) {
                mvc.perform(keyed(call))
                        .andExpect(status().isConflict())
                        .andExpect(jsonPath("$.code").value("LINK_PAUSED"));
            }
            assertThat(db.sql("SELECT count(*) FROM report_job").query(Integer.class).single()).isZero();
            assertThat(SimulatedBuzService.SIMULATOR.requestCounts().recentNaming(name)).hasSize((int) before);
        }

        @Test
        void anUnknownLinkOrAMissingKeyChangesNothing() throws Exception {
            Customer acme = customers.add("Acme DD", null, FieldType.CUSTOMER_NAME, "Acme");

            mvc.perform(keyed(post("/api/v1/customers/" + UNKNOWN_ID + "/pause"))).andExpect(status().isNotFound());
            mvc.perform(post("/api/v1/customers/" + acme.obfuscatedId() + "/rotate-link"))
                    .andExpect(status().isUnauthorized());
            mvc.perform(keyed(get("/api/v1/customers/" + acme.obfuscatedId() + "/pause")))
                    .andExpect(status().isMethodNotAllowed());

            assertThat(customers.findById(acme.id()).orElseThrow().obfuscatedId()).isEqualTo(acme.obfuscatedId());
        }
    }

    @Nested
    class Reports {

        private Customer customer;

        @BeforeEach
        void customer() {
            customer = customers.add(DemoCustomers.ON_BOTH, DemoCustomers.ON_BOTH, FieldType.CUSTOMER_NAME, null);
        }

        @Test
        void generateThenPollUntilDone() throws Exception {
            String jobId = body(mvc.perform(keyed(post("/api/v1/reports/" + customer.obfuscatedId() + "/generate")))
                    .andExpect(status().isAccepted()).andReturn()).get("data").get("job_id").asString();
            assertThat(jobId).isNotBlank();

            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                    body(mvc.perform(keyed(get("/api/v1/jobs/" + jobId))).andReturn()).get("data").get("done").asBoolean());

            JsonNode data = body(mvc.perform(keyed(get("/api/v1/jobs/" + jobId))).andExpect(status().isOk()).andReturn())
                    .get("data");
            assertThat(fieldNames(data)).containsExactlyInAnyOrder("job_id", "status", "pct", "done", "error", "log");
            assertThat(data.get("job_id").asString()).isEqualTo(jobId);
            assertThat(data.get("status").asString()).isEqualTo("completed");
            assertThat(data.get("pct").asInt()).isEqualTo(100);
            assertThat(data.get("error").isNull()).isTrue();
            assertThat(data.get("log").isArray()).isTrue();
            assertThat(data.get("log").size()).isPositive();
        }

        @Test
        void generatingTwiceSharesTheJobLikeThePage() throws Exception {
            String first = generate();
            String second = generate();
            assertThat(second).isEqualTo(first);
        }

        @Test
        void generatingForAnUnknownCustomerIsNotFound() throws Exception {
            mvc.perform(keyed(post("/api/v1/reports/nonexistent/generate")))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.code").value("NOT_FOUND"));
        }

        @Test
        void anUnknownJobIsNotFound() throws Exception {
            for (String id : List.of("nonexistent", "00000000-0000-0000-0000-000000000000")) {
                mvc.perform(keyed(get("/api/v1/jobs/" + id)))
                        .andExpect(status().isNotFound())
                        .andExpect(content().json("{\"error\": \"Job not found: " + id + "\", \"code\": \"NOT_FOUND\"}",
                                JsonCompareMode.LENIENT));
            }
        }

        @Test
        void theCsvDownloadIsTheCustomersOwnFileAndCsvIsTheDefault() throws Exception {
            MockHttpServletResponse api = download(keyed(get("/api/v1/reports/" + customer.obfuscatedId()
                    + "/download").param("format", "csv")));
            assertThat(MediaType.parseMediaType(api.getContentType()))
                    .isEqualTo(MediaType.parseMediaType("text/csv; charset=utf-8"));
            assertThat(api.getHeader("Content-Disposition")).contains("Coastline-Interiors-open-orders-");
            List<CSVRecord> rows = csv(api.getContentAsByteArray());
            assertThat(rows.get(0).toList()).startsWith("RefNo");
            assertThat(rows).hasSizeGreaterThan(2);

            MockHttpServletResponse customersOwn = download(get("/" + customer.obfuscatedId() + "/download.csv"));
            assertThat(rows).map(CSVRecord::toList)
                    .isEqualTo(csv(customersOwn.getContentAsByteArray()).stream().map(CSVRecord::toList).toList());

            MockHttpServletResponse byDefault = download(keyed(get("/api/v1/reports/" + customer.obfuscatedId()
                    + "/download")));
            assertThat(byDefault.getContentType()).startsWith("text/csv");
        }

        @Test
        void theXlsxDownloadIsASpreadsheet() throws Exception {
            MockHttpServletResponse api = download(keyed(get("/api/v1/reports/" + customer.obfuscatedId()
                    + "/download").param("format", "xlsx")));
            assertThat(api.getContentType()).contains("spreadsheetml");
            try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(api.getContentAsByteArray()))) {
                assertThat(workbook.getFirstSheet().read()).hasSizeGreaterThan(2);
            }
        }

        @Test
        void theOriginalsFiltersApply() throws Exception {
            List<CSVRecord> rows = csv(download(keyed(get("/api/v1/reports/" + customer.obfuscatedId() + "/download")
                    .param("format", "csv").param("supplier", "DD"))).getContentAsByteArray());
            int instance = rows.get(0).toList().indexOf("Instance");
            assertThat(rows.subList(1, rows.size())).isNotEmpty().allMatch(row -> row.get(instance).equals("DD"));
        }

        @Test
        void anUnsupportedFormatIsABadRequest() throws Exception {
            mvc.perform(keyed(get("/api/v1/reports/" + customer.obfuscatedId() + "/download").param("format", "pdf")))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().json("{\"error\": \"Unsupported format: pdf. Use 'csv' or 'xlsx'.\","
                            + " \"code\": \"BAD_REQUEST\"}", JsonCompareMode.LENIENT));
        }

        @Test
        void downloadingForAnUnknownCustomerIsNotFound() throws Exception {
            mvc.perform(keyed(get("/api/v1/reports/" + UNKNOWN_ID + "/download").param("format", "csv")))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.code").value("NOT_FOUND"));
        }

        @Test
        void theOrdersAsJsonWithSourcesAndAnETag() throws Exception {
            MvcResult result = mvc.perform(keyed(get("/api/v1/customers/" + customer.obfuscatedId() + "/orders")))
                    .andExpect(status().isOk())
                    .andExpect(header().exists("ETag"))
                    .andReturn();
            JsonNode data = body(result).get("data");
            assertThat(data.get("customer").asString()).isEqualTo(DemoCustomers.ON_BOTH);
            assertThat(data.get("sources").findValuesAsString("instance")).containsExactlyInAnyOrder("DD", "CBR");
            assertThat(data.get("sources").findValuesAsString("source")).containsOnly("live");
            assertThat(data.get("sources").get(0).get("age_seconds").isNumber()).isTrue();
            JsonNode order = data.get("orders").get(0);
            assertThat(fieldNames(order)).containsExactlyInAnyOrder("instance", "order_no", "reference", "expected",
                    "previous_expected", "date_changed_on", "state", "overdue", "ready", "on_hold",
                    "business_days_late", "items_ready", "items_active", "items_cancelled", "lines");
            assertThat(fieldNames(order.get("lines").get(0))).containsExactlyInAnyOrder("line", "group", "item",
                    "status", "stage", "expected");

            String etag = result.getResponse().getHeader("ETag");
            mvc.perform(keyed(get("/api/v1/customers/" + customer.obfuscatedId() + "/orders"))
                            .header("If-None-Match", etag))
                    .andExpect(status().isNotModified())
                    .andExpect(header().string("ETag", etag));
            mvc.perform(keyed(get("/api/v1/customers/" + customer.obfuscatedId() + "/orders"))
                            .header("If-None-Match", "W/\"something-else\""))
                    .andExpect(status().isOk());
        }

        private String generate() throws Exception {
            return body(mvc.perform(keyed(post("/api/v1/reports/" + customer.obfuscatedId() + "/generate")))
                    .andExpect(status().isAccepted()).andReturn()).get("data").get("job_id").asString();
        }

        private MockHttpServletResponse download(MockHttpServletRequestBuilder builder) throws Exception {
            MvcResult started = mvc.perform(builder).andExpect(request().asyncStarted()).andReturn();
            return mvc.perform(asyncDispatch(started)).andExpect(status().isOk()).andReturn().getResponse();
        }
    }

    @Nested
    class Statuses {

        @Test
        void theMappingsWithTheOriginalsFields() throws Exception {
            db.sql("INSERT INTO status_mapping (odata_status, custom_status, active) VALUES"
                    + " ('Work in Progress', 'WIP', 1), ('Cancelled', 'Cancelled', 0)").update();
            mvc.perform(keyed(get("/api/v1/statuses")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.data.length()").value(2))
                    .andExpect(jsonPath("$.data[0].odata_status").value("Work in Progress"))
                    .andExpect(jsonPath("$.data[0].custom_status").value("WIP"))
                    .andExpect(jsonPath("$.data[0].active").value(true))
                    .andExpect(jsonPath("$.data[0].id").isNumber())
                    .andExpect(jsonPath("$.data[1].active").value(false));
        }

        @Test
        void aRefreshFromBuzCountsTheActiveMappings() throws Exception {
            JsonNode data = body(mvc.perform(keyed(post("/api/v1/statuses/refresh")))
                    .andExpect(status().isOk()).andReturn()).get("data");
            assertThat(data.get("refreshed").asBoolean()).isTrue();
            int active = db.sql("SELECT count(*) FROM status_mapping WHERE active = 1").query(Integer.class).single();
            assertThat(active).isPositive();
            assertThat(data.get("active_count").asInt()).isEqualTo(active);
        }

        @Test
        void aFailedRefreshIsAServerErrorWithoutExceptionText() throws Exception {
            SimulatedBuzService.SIMULATOR.faults().mode(SimulatorFaults.ALL, FaultMode.HTTP_503);
            mvc.perform(keyed(post("/api/v1/statuses/refresh")))
                    .andExpect(status().isInternalServerError())
                    .andExpect(content().json("{\"error\": \"Failed to refresh statuses: the supplier's system did not"
                            + " answer. Nothing was changed.\", \"code\": \"SERVER_ERROR\"}", JsonCompareMode.LENIENT));
        }
    }

    @Nested
    class Errors {

        @Test
        void everyErrorIsProblemDetailsCarryingTheOriginalsErrorAndCode() throws Exception {
            mvc.perform(get("/api/v1/customers"))
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(content().json("{\"type\": \"about:blank\", \"title\": \"Unauthorized\","
                            + " \"status\": 401, \"detail\": \"Missing X-API-Key header\","
                            + " \"error\": \"Missing X-API-Key header\", \"code\": \"UNAUTHORIZED\"}",
                            JsonCompareMode.STRICT));
            mvc.perform(keyed(get("/api/v1/nope/nothing")))
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(content().json("{\"type\": \"about:blank\", \"title\": \"Not Found\","
                            + " \"status\": 404, \"detail\": \"Not found\", \"error\": \"Not found\","
                            + " \"code\": \"NOT_FOUND\"}", JsonCompareMode.STRICT));
        }

        @Test
        void anUnknownPathUnderTheApiIsJsonNotAPage() throws Exception {
            mvc.perform(keyed(get("/api/v1/nope/nothing")).accept(MediaType.TEXT_HTML))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(content().json("{\"error\": \"Not found\", \"code\": \"NOT_FOUND\"}",
                            JsonCompareMode.LENIENT));
            mvc.perform(get("/api/v1/nope").accept(MediaType.TEXT_HTML))
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        }

        @Test
        void aWrongMethodIsMethodNotAllowed() throws Exception {
            mvc.perform(keyed(delete("/api/v1/statuses")))
                    .andExpect(status().isMethodNotAllowed())
                    .andExpect(header().string("Allow", "GET"))
                    .andExpect(content().json("{\"error\": \"Method not allowed\", \"code\": \"METHOD_NOT_ALLOWED\"}",
                            JsonCompareMode.LENIENT));
        }
    }

    private JsonNode body(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static List<String> fieldNames(JsonNode node) {
        return List.copyOf(node.propertyNames());
    }

    private static List<CSVRecord> csv(byte[] body) throws Exception {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return CSVFormat.DEFAULT.parse(new StringReader(text)).getRecords();
    }
}
