package io.etareport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import io.etareport.customers.Customer;
import io.etareport.customers.CustomerRepository;
import io.etareport.customers.FieldType;
import io.etareport.security.Staff;
import io.etareport.security.StaffWebTest;
import io.etareport.simulator.DemoCustomers;
import io.etareport.simulator.FaultMode;
import io.etareport.simulator.SimulatorDataSet;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The "Differences from the original" table (docs/differences.md), walked over HTTP: every route of the original
 * service (its {@code app.py}) for someone not signed in, a plain user and an admin, with the status the
 * original gave or the documented new one; its form field names; the JSON of its look-ups and job status;
 * its filter precedence; its sheet name. A route taken out of {@link #ROUTES} or out of the application
 * fails here: the table is cross-checked against Spring's handler mappings and the README.
 *
 * <p>Outcomes: a status code, "login" (a redirect to the sign-in page) or "redirect" (elsewhere: a
 * form that worked, or an old URL sent on to its new one).
 */
@StaffWebTest
class CompatibilityWithOriginalIntegrationTest {

    /** method | the original's route | the path asked here | anonymous | user | admin | form body. */
    static final List<Route> ROUTES = List.of(
            new Route("GET", "/", "/", "200", "200", "200", null),
            new Route("GET", "/favicon.ico", "/favicon.ico", "200", "200", "200", null),
            new Route("GET", "/robots.txt", "/robots.txt", "200", "200", "200", null),
            new Route("GET", "/<obfuscated_id>", "/{link}", "200", "200", "200", null),
            new Route("GET", "/etas/<obfuscated_id>", "/etas/{link}", "200", "200", "200", null),
            new Route("GET", "/sync/<obfuscated_id>", "/sync/{link}", "200", "200", "200", null),
            new Route("POST", "/eta/start", "/eta/start", "200", "200", "200", "{json}"),
            new Route("GET", "/jobs/<job_id>", "/jobs/{unknownJob}", "404", "404", "404", null),
            new Route("GET", "/report/<job_id>", "/report/{unknownJob}", "404", "404", "404", null),
            new Route("GET", "/<obfuscated_id>/download.<fmt>", "/{link}/download.csv", "200", "200", "200", null),
            new Route("GET", "/login", "/login", "200", "redirect", "redirect", null),
            new Route("GET", "/logout", "/logout", "login", "200", "200", null),
            new Route("GET", "/admin", "/admin", "login", "200", "200", null),
            new Route("POST", "/admin", "/admin", "login", "403", "redirect",
                    "dd_name=New+DD&cbr_name=&display_name=New&field_type=Customer+Name"),
            new Route("GET", "/edit/<id>", "/edit/{customer}", "login", "403", "redirect", null),
            new Route("POST", "/edit/<id>", "/edit/{customer}", "login", "403", "redirect",
                    "dd_name=Acme&cbr_name=&display_name=Acme&field_type=Customer+Name"),
            new Route("POST", "/delete/<id>", "/delete/{customer}", "login", "403", "redirect", ""),
            new Route("GET", "/delete/<id>", "/delete/{customer}", "405", "405", "405", null),
            new Route("GET", "/manage_users", "/manage_users", "login", "403", "200", null),
            new Route("POST", "/add_user", "/add_user", "login", "403", "redirect",
                    "email={unique}&name=New&role=user"),
            new Route("GET", "/add_user", "/add_user", "405", "405", "405", null),
            new Route("GET", "/edit_user/<id>", "/edit_user/{target}", "login", "403", "redirect", null),
            new Route("POST", "/edit_user/<id>", "/edit_user/{target}", "login", "403", "redirect",
                    "email=target@staff.test&name=Tess&role=user"),
            new Route("POST", "/toggle_user_status/<id>", "/toggle_user_status/{target}", "login", "403", "redirect",
                    ""),
            new Route("GET", "/toggle_user_status/<id>", "/toggle_user_status/{target}", "405", "405", "405", null),
            new Route("POST", "/delete_user/<id>", "/delete_user/{target}", "login", "403", "redirect", ""),
            new Route("GET", "/delete_user/<id>", "/delete_user/{target}", "405", "405", "405", null),
            new Route("GET", "/status_mapping", "/status_mapping", "login", "200", "200", null),
            new Route("GET", "/status_mapping/edit/<id>", "/status_mapping/edit/{mapping}", "login", "200", "200",
                    null),
            new Route("POST", "/status_mapping/edit/<id>", "/status_mapping/edit/{mapping}", "login", "redirect",
                    "redirect", "custom_status=Being+cut&active=on"),
            new Route("POST", "/refresh_statuses", "/refresh_statuses", "login", "403", "redirect", ""),
            new Route("GET", "/jobs-schedule/<instance>/<order_no>", "/jobs-schedule/DD/123", "401", "200", "200",
                    null),
            new Route("GET", "/wip/<instance>/<order_no>", "/wip/CBR/123", "401", "200", "200", null),
            new Route("GET", "/sentry-debug", "/sentry-debug", "login", "403", "200", null));

    /** Served as static files, not by a controller. */
    private static final Set<String> STATIC_FILES = Set.of("/favicon.ico", "/robots.txt");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient db;
    @Autowired
    CustomerRepository customers;
    @Autowired
    JsonMapper json;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    private Customer customer;
    private long target;
    private long mapping;

    @BeforeEach
    void data() {
        Staff.reset(db);
        target = Staff.add(db, "target@staff.test", "Tess Target", "user", true);
        db.sql("DELETE FROM customers").update();
        customer = customers.add(DemoCustomers.ON_BOTH, DemoCustomers.ON_BOTH, FieldType.CUSTOMER_NAME, null);
        db.sql("DELETE FROM status_mapping").update();
        db.sql("INSERT INTO status_mapping (odata_status, custom_status, active) VALUES ('Cutting', 'Cutting', 1)")
                .update();
        mapping = db.sql("SELECT id FROM status_mapping").query(Long.class).single();
    }

    @AfterEach
    void resetSimulator() {
        SimulatedBuzService.SIMULATOR.reset();
    }

    static Stream<Arguments> routes() {
        return ROUTES.stream().map(route -> Arguments.of(route.method() + " " + route.original(), route));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void eachOriginalRouteAnswersEachKindOfVisitorAsTheTableSays(String name, Route route) throws Exception {
        assertThat(outcome(route, null)).as("anonymous").isEqualTo(route.anonymous());
        data();
        assertThat(outcome(route, Staff.USER)).as("user").isEqualTo(route.user());
        data();
        assertThat(outcome(route, Staff.ADMIN)).as("admin").isEqualTo(route.admin());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void eachOriginalRouteIsStillMappedInTheApplication(String name, Route route) throws Exception {
        String path = concrete(route.path());
        if (STATIC_FILES.contains(path)) {
            assertThat(new ClassPathResource("static" + path).exists()).as(path).isTrue();
            return;
        }
        // A GET on a POST-only route must still find that route's POST mapping, or it would be a 404.
        String method = route.expectsMethodNotAllowed() ? "POST" : route.method();
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        if (method.equals("POST")) {
            request.setContentType("{json}".equals(route.body()) ? "application/json"
                    : "application/x-www-form-urlencoded");
        }
        ServletRequestPathUtils.parseAndCache(request);
        List<RequestMappingInfo> matches = handlerMapping.getHandlerMethods().keySet().stream()
                .filter(info -> info.getMatchingCondition(request) != null).toList();
        assertThat(matches).as(method + " " + path).isNotEmpty();
    }

    @Test
    void theReadmeTableNamesEveryOriginalRoute() throws Exception {
        String readme = Files.readString(Path.of("..", "docs", "differences.md"));
        int section = readme.indexOf("# Differences from the original");
        assertThat(section).as("docs/differences.md").isGreaterThanOrEqualTo(0);
        String table = readme.substring(section);
        for (Route route : ROUTES) {
            assertThat(table).as(route.original()).contains("`" + route.original() + "`");
        }
    }

    @Test
    void theOriginalsCustomerFormFieldNamesAreAccepted() throws Exception {
        MockHttpServletResponse added = mvc.perform(post("/admin").contentType("application/x-www-form-urlencoded")
                .param("dd_name", "Old Form DD").param("cbr_name", "Old Form CBR").param("display_name", "Old Form")
                .param("field_type", "Customer Group").with(Staff.signedInAs(Staff.ADMIN)).with(csrf()))
                .andReturn().getResponse();
        Customer stored = customers.findAll().stream().filter(c -> "Old Form".equals(c.displayName())).findFirst()
                .orElseThrow();
        MockHttpServletResponse edited = mvc.perform(post("/edit/" + stored.id())
                .param("dd_name", "Renamed DD").param("cbr_name", "").param("display_name", "Renamed")
                .param("field_type", "Customer Name").with(Staff.signedInAs(Staff.ADMIN)).with(csrf()))
                .andReturn().getResponse();

        assertThat(added.getRedirectedUrl()).isEqualTo("/admin");
        assertThat(stored.ddName()).isEqualTo("Old Form DD");
        assertThat(stored.cbrName()).isEqualTo("Old Form CBR");
        assertThat(stored.fieldType()).isEqualTo(FieldType.CUSTOMER_GROUP);
        assertThat(edited.getRedirectedUrl()).isEqualTo("/admin");
        Customer renamed = customers.findById(stored.id()).orElseThrow();
        assertThat(renamed.displayName()).isEqualTo("Renamed");
        assertThat(renamed.ddName()).isEqualTo("Renamed DD");
        assertThat(renamed.fieldType()).isEqualTo(FieldType.CUSTOMER_NAME);
        assertThat(renamed.obfuscatedId()).isEqualTo(stored.obfuscatedId());
    }

    @Test
    void theOriginalsStatusAndUserFormFieldNamesAreAcceptedAndAnAbsentActiveMeansInactive() throws Exception {
        mvc.perform(post("/status_mapping/edit/" + mapping).param("custom_status", "Being cut")
                .with(Staff.signedInAs(Staff.USER)).with(csrf()));
        mvc.perform(post("/add_user").param("email", "new@staff.test").param("name", "Nina New").param("role", "user")
                .with(Staff.signedInAs(Staff.ADMIN)).with(csrf()));
        mvc.perform(post("/toggle_user_status/" + target).with(Staff.signedInAs(Staff.ADMIN)).with(csrf()));

        assertThat(db.sql("SELECT custom_status || '|' || active FROM status_mapping WHERE id = ?").param(mapping)
                .query(String.class).single()).isEqualTo("Being cut|0");
        assertThat(db.sql("SELECT name || '|' || role || '|' || active FROM users WHERE email = 'new@staff.test'")
                .query(String.class).single()).isEqualTo("Nina New|user|1");
        assertThat(db.sql("SELECT active FROM users WHERE id = ?").param(target).query(Integer.class).single())
                .isZero();
    }

    @Test
    void aRejectedFormIsShownAgainWithItsMessageAndStatus400() throws Exception {
        MockHttpServletResponse noCustomer = mvc.perform(post("/admin").param("dd_name", "").param("cbr_name", "")
                .param("field_type", "Customer Name").with(Staff.signedInAs(Staff.ADMIN)).with(csrf()))
                .andReturn().getResponse();
        MockHttpServletResponse noStatus = mvc.perform(post("/status_mapping/edit/" + mapping)
                .param("custom_status", "").with(Staff.signedInAs(Staff.ADMIN)).with(csrf())).andReturn().getResponse();
        MockHttpServletResponse badEmail = mvc.perform(post("/add_user").param("email", "no-at-sign")
                .param("name", "X").param("role", "user").with(Staff.signedInAs(Staff.ADMIN)).with(csrf()))
                .andReturn().getResponse();

        assertThat(noCustomer.getStatus()).isEqualTo(400);
        assertThat(noCustomer.getContentAsString()).contains("Pick at least one customer");
        assertThat(noStatus.getStatus()).isEqualTo(400);
        assertThat(noStatus.getContentAsString()).contains("Custom status required");
        assertThat(badEmail.getStatus()).isEqualTo(400);
        assertThat(badEmail.getContentAsString()).contains("Enter an email address like name@example.com.");
    }

    @Test
    void theLookUpsAnswerDataAndSourceAsTheOriginalDid() throws Exception {
        db.sql("DELETE FROM buz_cache").update();
        String order = anOrder("DESDR", SimulatorDataSet.JOBS_SCHEDULE_DETAILED);
        String wipOrder = anOrder("WATSO", SimulatorDataSet.WORK_IN_PROGRESS);

        JsonNode live = jsonOf(get("/jobs-schedule/DD/" + order).with(Staff.signedInAs(Staff.USER)), 200);
        SimulatedBuzService.SIMULATOR.faults().mode("DD", FaultMode.HTTP_503);
        JsonNode copy = jsonOf(get("/jobs-schedule/DD/" + order).with(Staff.signedInAs(Staff.USER)), 200);
        JsonNode wip = jsonOf(get("/wip/cbr/" + wipOrder).with(Staff.signedInAs(Staff.USER)), 200);
        JsonNode invalid = jsonOf(get("/wip/XYZ/" + order).with(Staff.signedInAs(Staff.USER)), 400);

        assertThat(live.get("data").get(0).get("RefNo").asString()).isEqualTo(order);
        assertThat(live.get("source").asString()).isEqualTo("live");
        assertThat(copy.get("data")).isEqualTo(live.get("data"));
        assertThat(copy.get("source").asString()).isEqualTo("cache-503");
        assertThat(wip.get("data").size()).isPositive();
        assertThat(wip.get("source").asString()).isEqualTo("live");
        assertThat(invalid.get("error").asString()).contains("Invalid instance");
    }

    @Test
    void theJobStatusJsonHasTheOriginalsFieldsAndAnUnknownJobIsNotFound() throws Exception {
        JsonNode started = jsonOf(post("/eta/start").contentType("application/json")
                .content("{\"obfuscated_id\": \"" + customer.obfuscatedId() + "\"}"), 200);
        JsonNode job = jsonOf(get("/jobs/" + started.get("job_id").asString()), 200);
        JsonNode unknown = jsonOf(get("/jobs/" + UUID.randomUUID()), 404);

        assertThat(job.propertyNames()).contains("status", "pct", "log", "error", "done", "updated_ts");
        assertThat(job.get("status").asString()).isIn("running", "completed", "failed");
        // The original's {"error": "not found"}, inside the service's one JSON error shape (problem details).
        assertThat(unknown.get("error").asString()).isEqualTo("not found");
        assertThat(unknown.get("code").asString()).isEqualTo("NOT_FOUND");
        assertThat(unknown.get("status").asInt()).isEqualTo(404);
    }

    @Test
    void whenBothNamesOfADownloadFilterAreGivenTheNewNameWins() throws Exception {
        List<CSVRecord> all = csv();
        int statusColumn = all.get(0).toList().indexOf("ProductionStatus");
        List<String> statuses = all.subList(1, all.size()).stream().map(row -> row.get(statusColumn))
                .filter(status -> !status.isBlank()).distinct().toList();
        assertThat(statuses).as("the simulator's statuses for this customer").hasSizeGreaterThan(1);
        String wanted = statuses.get(0);
        String other = statuses.get(1);

        List<CSVRecord> filtered = csv("status", wanted, "statusFilter", other);

        assertThat(filtered).hasSizeGreaterThan(1);
        assertThat(filtered.subList(1, filtered.size())).allSatisfy(row ->
                assertThat(row.get(statusColumn).toLowerCase(Locale.ROOT)).isEqualTo(wanted.toLowerCase(Locale.ROOT)));
    }

    @Test
    void theSpreadsheetsSheetIsNamedReport() throws Exception {
        byte[] xlsx = perform(get("/" + customer.obfuscatedId() + "/download.xlsx")).getContentAsByteArray();

        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getSheets().map(sheet -> sheet.getName()).toList()).containsExactly("Report");
        }
    }

    @Test
    void robotsAreKeptOutAndEveryCustomerPageSaysNoindex() throws Exception {
        String robots = mvc.perform(get("/robots.txt")).andReturn().getResponse().getContentAsString();
        MockHttpServletResponse favicon = mvc.perform(get("/favicon.ico")).andReturn().getResponse();

        assertThat(robots.lines().map(String::strip)).containsSequence("User-agent: *", "Disallow: /");
        assertThat(favicon.getContentAsByteArray()).startsWith(0, 0, 1, 0);
        for (String path : List.of("/", "/" + customer.obfuscatedId(), "/etas/" + customer.obfuscatedId(),
                "/sync/" + customer.obfuscatedId(), "/" + customer.obfuscatedId() + "/download.csv",
                "/report/" + UUID.randomUUID(), "/no-such-link")) {
            assertThat(perform(get(path)).getHeader("X-Robots-Tag"))
                    .as(path).isEqualTo("noindex");
        }
    }

    @Test
    void theLandingPageNamesTheCompanyTellsCustomersToOpenTheirLinkAndLinksToStaffSignIn() throws Exception {
        String page = mvc.perform(get("/").accept("text/html")).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("open the link you were sent").contains("href=\"/login\"")
                .doesNotContain(DemoCustomers.ON_BOTH);
    }

    private String outcome(Route route, String email) throws Exception {
        String url = concrete(route.path());
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(route.method()), url)
                .accept("text/html");
        if (url.startsWith("/jobs-schedule") || url.startsWith("/wip") || url.startsWith("/jobs/")
                || url.equals("/eta/start")) {
            request.accept("application/json");
        }
        if ("{json}".equals(route.body())) {
            request.contentType("application/json")
                    .content("{\"obfuscated_id\": \"" + customer.obfuscatedId() + "\"}");
        } else if (route.body() != null) {
            request.contentType("application/x-www-form-urlencoded")
                    .content(route.body().replace("{unique}", UUID.randomUUID() + "@staff.test"));
        }
        if (route.method().equals("POST")) {
            request.with(csrf());
        }
        if (email != null) {
            request.with(Staff.signedInAs(email));
        }
        MockHttpServletResponse response = perform(request);
        if (response.getStatus() == 302) {
            return response.getRedirectedUrl().endsWith("/login") ? "login" : "redirect";
        }
        return String.valueOf(response.getStatus());
    }

    /** The response, after the asynchronous part of a streamed download if there is one. */
    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        return result.getRequest().isAsyncStarted()
                ? mvc.perform(MockMvcRequestBuilders.asyncDispatch(result)).andReturn().getResponse()
                : result.getResponse();
    }

    private String concrete(String path) {
        return path.replace("{link}", customer.obfuscatedId()).replace("{customer}", String.valueOf(customer.id()))
                .replace("{target}", String.valueOf(target)).replace("{mapping}", String.valueOf(mapping))
                .replace("{unknownJob}", "00000000-0000-0000-0000-00000000dead");
    }

    private JsonNode jsonOf(MockHttpServletRequestBuilder request, int status) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.accept("application/json")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(status);
        return json.readTree(response.getContentAsString());
    }

    private List<CSVRecord> csv(String... params) throws Exception {
        MockHttpServletRequestBuilder request = get("/" + customer.obfuscatedId() + "/download.csv");
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        byte[] body = perform(request).getContentAsByteArray();
        String text = new String(body, StandardCharsets.UTF_8).substring(1);
        return CSVFormat.DEFAULT.parse(new StringReader(text)).getRecords();
    }

    /** One row of the table. */
    record Route(String method, String original, String path, String anonymous, String user, String admin,
                 String body) {

        boolean expectsMethodNotAllowed() {
            return "405".equals(admin);
        }
    }

    /** An order number with rows in that entity set of that instance of the simulator. */
    private static String anOrder(String code, String entitySet) {
        return SimulatedBuzService.SIMULATOR.dataSet().rows(code, entitySet).stream().map(row -> row.get("RefNo"))
                .filter(String.class::isInstance).map(String.class::cast).filter(ref -> ref.matches("\\d+"))
                .findFirst().orElseThrow();
    }
}
