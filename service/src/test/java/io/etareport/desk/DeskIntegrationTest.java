package io.etareport.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.etareport.ServiceTest;
import io.etareport.SimulatedBuzService;
import io.etareport.cache.MutableClock;
import io.etareport.customers.Customer;
import io.etareport.customers.CustomerRepository;
import io.etareport.customers.FieldType;
import io.etareport.export.FormulaGuard;
import io.etareport.jobs.ReportJobs;
import io.etareport.report.OrderModel;
import io.etareport.report.OrderModels;
import io.etareport.report.OrderView;
import io.etareport.report.Report;
import io.etareport.security.Staff;
import io.etareport.simulator.BuzSimulator;
import io.etareport.simulator.DemoCustomers;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The desk over the simulator's known orders the day after its anchor Monday: read from stored reports only, listing exactly
 * the orders the order model calls overdue, moved, ready or on hold, with hostile customer names kept inert. Two rows a
 * customer across customers, so the glance customer's three (90090 overdue, 90091 ready, 90092 moved) need "Show all".
 */
@ServiceTest(properties = {"eta.jobs.reuse-window=0s", "eta.desk.rows-per-customer=2"})
class DeskIntegrationTest {

    private static final BuzSimulator SIMULATOR = SimulatedBuzService.SIMULATOR;
    private static final String SCRIPT_NAME = "<script>alert('desk')</script> Blinds";
    private static final String FORMULA_NAME = "=HYPERLINK(\"http://evil.example\",\"Click\")";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient db;
    @Autowired
    CustomerRepository customers;
    @Autowired
    ReportJobs jobs;
    @Autowired
    OrderModels models;
    @Autowired
    MutableClock clock;

    private Customer glance;
    private Customer onBoth;
    private Customer never;

    @BeforeEach
    void storedReports() {
        Staff.reset(db);
        db.sql("DELETE FROM customers").update();
        db.sql("DELETE FROM report_job").update();
        db.sql("DELETE FROM buz_cache").update();
        db.sql("DELETE FROM eta_change").update();
        db.sql("DELETE FROM eta_seen").update();
        clock.setSydney("2025-01-06T09:00");
        glance = customers.add(DemoCustomers.AT_A_GLANCE, null, FieldType.CUSTOMER_NAME, SCRIPT_NAME);
        onBoth = customers.add(DemoCustomers.ON_BOTH, DemoCustomers.ON_BOTH, FieldType.CUSTOMER_NAME, FORMULA_NAME);
        never = customers.add(DemoCustomers.DD_ONLY, null, FieldType.CUSTOMER_NAME, "Never Fetched Pty");
        jobs.awaitReport(glance);
        // A move seen the next day: the second report sees 90092 move from 16 to 23 Jan.
        SIMULATOR.moveDate("DD", "90092", LocalDate.of(2025, 1, 23));
        clock.setSydney("2025-01-07T09:00");
        jobs.awaitReport(glance);
        jobs.awaitReport(onBoth);
    }

    @AfterEach
    void putBack() {
        clock.followSystem();
        SIMULATOR.reset();
    }

    @Test
    void openingTheDeskAsksTheSupplierNothing() throws Exception {
        SIMULATOR.resetRequestCounts();

        page("/desk");
        page("/desk?state=overdue&factory=DD&q=900");
        page("/desk/customers?sort=overdue");
        page("/desk/desk.csv");

        assertThat(SIMULATOR.requestCounts().total()).isZero();
    }

    @Test
    void itListsExactlyTheOrdersTheOrderModelCallsOverdueMovedReadyOrOnHold() throws Exception {
        List<Report> stored = newestReports();
        assertThat(stored).hasSize(2);

        assertThat(csvOrders("")).isEqualTo(modelOrders(stored,
                view -> view.overdue() || view.movedRecently() || view.ready() || view.onHold()));
        assertThat(csvOrders("?state=overdue")).isNotEmpty().isEqualTo(modelOrders(stored, OrderView::overdue));
        assertThat(csvOrders("?state=moved")).isNotEmpty().isEqualTo(modelOrders(stored, OrderView::movedRecently));
        assertThat(csvOrders("?state=ready")).isNotEmpty().isEqualTo(modelOrders(stored, OrderView::ready));
        assertThat(csvOrders("?state=on-hold")).isEqualTo(modelOrders(stored, OrderView::onHold));
        assertThat(csvOrders("?customer=" + glance.id() + "&q=90092")).containsExactly("DD 90092");
    }

    @Test
    void theMovedOrderShowsWasAndNowAndTheLateOneHowLate() throws Exception {
        String page = page("/desk?customer=" + glance.id());

        assertThat(page).contains("<s>Thu 16 Jan</s> → <span>Thu 23 Jan</span>")
                .contains("business day").contains("/orders?number=90090");
    }

    @Test
    void aCustomerWithNoReportYetIsListedAsSuch() throws Exception {
        String page = page("/desk");

        assertThat(page.substring(page.indexOf("No report yet"))).contains("Never Fetched Pty");
        assertThat(page("/desk/customers")).contains("Never Fetched Pty").contains("No report yet");
    }

    @Test
    void hostileCustomerNamesAreEscapedOnThePagesAndGuardedInTheCsv() throws Exception {
        assertThat(page("/desk")).doesNotContain("<script>alert").contains("&lt;script&gt;alert");
        assertThat(page("/desk/customers")).doesNotContain("<script>alert").contains("&lt;script&gt;alert");

        List<CSVRecord> rows = csv("");
        assertThat(rows).extracting(row -> row.get("Customer")).contains(FormulaGuard.guard(FORMULA_NAME));
        assertThat(rows).allSatisfy(row -> row.stream().forEach(cell -> assertThat(cell).doesNotStartWith("=")
                .doesNotStartWith("+").doesNotStartWith("-").doesNotStartWith("@")));
    }

    @Test
    void refreshNowStartsTheCustomersNormalJob() throws Exception {
        SIMULATOR.resetRequestCounts();

        mvc.perform(post("/desk/refresh/" + never.id()).with(csrf()).with(Staff.signedInAs(Staff.USER)))
                .andReturn();

        org.awaitility.Awaitility.await().untilAsserted(() -> assertThat(jobs.newestStored())
                .extracting(ReportJobs.StoredJob::customerId).contains(never.id()));
        assertThat(SIMULATOR.requestCounts().total()).isPositive();
        assertThat(page("/desk")).doesNotContain("Never Fetched Pty</span>");
    }

    @Test
    void acrossCustomersEachShowsItsFirstRowsAndShowAllReachesEveryOneWithExactCounts() throws Exception {
        String desk = page("/desk");
        Set<String> glanceOrders = csvOrders("?customer=" + glance.id());
        assertThat(glanceOrders).containsExactlyInAnyOrder("DD 90090", "DD 90091", "DD 90092");

        assertThat(desk).contains("href=\"/desk?customer=" + glance.id() + "\"><span>Show all 3</span>")
                .contains("(1 more)");
        // Newest problem first: 90091 ready since 8 Jan, 90092 moved on 7 Jan; 90090 late since 4 Jan waits behind "Show all".
        assertThat(lookUps(desk)).contains("90091", "90092").doesNotContain("90090");
        assertThat(desk).contains(csv("").size() + " orders");
        for (Customer customer : List.of(glance, onBoth)) {
            String all = page("/desk?customer=" + customer.id());
            assertThat(all).doesNotContain("Show all");
            assertThat(lookUps(all)).isEqualTo(csvOrders("?customer=" + customer.id()).stream()
                    .map(order -> order.substring(order.indexOf(' ') + 1)).collect(Collectors.toSet()));
        }
    }

    @Test
    void aNewerStoredReportReplacesTheKeptOneAtTheNextOpen() throws Exception {
        assertThat(csvOrders("?state=overdue&customer=" + glance.id())).containsExactly("DD 90090");

        SIMULATOR.moveDate("DD", "90090", LocalDate.of(2025, 1, 24));
        clock.setSydney("2025-01-07T09:05"); // the job of 09:00 is not reused
        jobs.awaitReport(glance);

        assertThat(csvOrders("?state=overdue&customer=" + glance.id())).isEmpty();
        assertThat(page("/desk?customer=" + glance.id())).contains("<span>Fri 24 Jan</span>");
    }

    @Test
    void theKeptDeskFollowsTheDay() throws Exception {
        assertThat(late("DD 90090")).isEqualTo("2");

        clock.setSydney("2025-01-08T09:00");

        assertThat(late("DD 90090")).isEqualTo("3");
    }

    private String late(String order) throws Exception {
        return csv("?customer=" + glance.id()).stream().filter(row -> order.equals(row.get("Factory") + " "
                + row.get("Order"))).findFirst().orElseThrow().get("Business days late");
    }

    private static Set<String> lookUps(String page) {
        return java.util.regex.Pattern.compile("/orders\\?number=(\\w+)").matcher(page).results()
                .map(match -> match.group(1)).collect(Collectors.toSet());
    }

    private List<Report> newestReports() {
        return jobs.newestStored().stream().map(job -> jobs.storedReport(job.jobId()).orElseThrow()).toList();
    }

    private Set<String> modelOrders(List<Report> stored, Predicate<OrderView> which) {
        return stored.stream().flatMap(report -> {
            OrderModel model = models.of(report);
            return model.orders().stream().filter(which);
        }).map(view -> view.order().instance() + " " + view.order().refNo()).collect(Collectors.toSet());
    }

    private Set<String> csvOrders(String query) throws Exception {
        List<CSVRecord> rows = csv(query);
        Set<String> orders = rows.stream().map(row -> row.get("Factory") + " " + row.get("Order"))
                .collect(Collectors.toSet());
        assertThat(orders).as("one row per order").hasSize(rows.size());
        return orders;
    }

    private List<CSVRecord> csv(String query) throws Exception {
        String body = page("/desk/desk.csv" + query);
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(body)).getRecords();
    }

    private String page(String path) throws Exception {
        var response = mvc.perform(get(path).with(Staff.signedInAs(Staff.USER))).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
