package io.etareport.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.etareport.ServiceTest;
import io.etareport.SimulatedBuzService;
import io.etareport.buz.SensitiveColumns;
import io.etareport.customers.Customer;
import io.etareport.customers.CustomerRepository;
import io.etareport.customers.FieldType;
import io.etareport.jobs.Jobs;
import io.etareport.simulator.DemoCustomers;
import io.etareport.simulator.FaultMode;
import io.etareport.simulator.SimulatorFaults;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Downloads as a customer gets them, built from the simulator's data over real HTTP. */
@ServiceTest
class DownloadIntegrationTest {

    private static final List<String> FIRST_COLUMNS = List.of("RefNo", "DateScheduled", "ProductionStatus",
            "ProductionLine", "InventoryItem", "Descn", "Instance", "FixedLine");

    @Autowired
    MockMvc mvc;

    @Autowired
    CustomerRepository customers;

    @Autowired
    JdbcClient db;

    private Customer customer;

    @BeforeEach
    void customer() {
        db.sql("DELETE FROM customers").update();
        db.sql("DELETE FROM report_job").update();
        customer = customers.add(DemoCustomers.ON_BOTH, DemoCustomers.ON_BOTH, FieldType.CUSTOMER_NAME, null);
    }

    @AfterEach
    void resetSimulator() {
        SimulatedBuzService.SIMULATOR.reset();
    }

    @Test
    void theCsvIsUtf8WithABomTheFixedColumnsFirstNoSensitiveColumnAndNoLiveFormula() throws Exception {
        MockHttpServletResponse response = download("/" + customer.obfuscatedId() + "/download.csv");

        assertThat(response.getContentType()).startsWith("text/csv");
        String today = LocalDate.now(ZoneId.of("Australia/Sydney")).toString();
        assertThat(response.getHeader("Content-Disposition"))
                .contains("Coastline-Interiors-open-orders-" + today + ".csv");
        assertThat(response.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
        byte[] body = response.getContentAsByteArray();
        assertThat(body).startsWith(0xEF, 0xBB, 0xBF);

        List<CSVRecord> rows = csv(body);
        List<String> header = rows.get(0).toList();
        assertThat(header.subList(0, FIRST_COLUMNS.size())).isEqualTo(FIRST_COLUMNS);
        assertThat(header).noneMatch(SensitiveColumns::isSensitive)
                .doesNotContain("UnitCost", "BuyPrice", "COGS", "Margin", "PkId", "Notes", "BarcodeNo");
        assertThat(rows).hasSizeGreaterThan(2);
        for (CSVRecord row : rows.subList(1, rows.size())) {
            for (String cell : row) {
                assertThat(cell).as("no cell a spreadsheet would run").doesNotStartWith("=").doesNotStartWith("+")
                        .doesNotStartWith("@").doesNotStartWith("\t");
                if (cell.startsWith("-")) {
                    assertThat(cell).matches("-\\d+(\\.\\d+)?");
                }
            }
        }
        assertThat(rows.stream().flatMap(row -> row.stream())).anyMatch(cell -> cell.startsWith("'=HYPERLINK"));
    }

    @Test
    void theXlsxHoldsTheSameRowsAsTheCsv() throws Exception {
        List<CSVRecord> csvRows = csv(download("/" + customer.obfuscatedId() + "/download.csv").getContentAsByteArray());
        MockHttpServletResponse response = download("/etas/" + customer.obfuscatedId() + "/download.xlsx");

        assertThat(response.getContentType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows).hasSize(csvRows.size());
            List<String> header = new ArrayList<>();
            rows.get(0).forEach(cell -> header.add(cell.getRawValue()));
            assertThat(header).isEqualTo(csvRows.get(0).toList());
            int refNo = header.indexOf("RefNo");
            for (int i = 1; i < rows.size(); i++) {
                assertThat(rows.get(i).getCell(refNo).getRawValue()).isEqualTo(csvRows.get(i).get(refNo));
            }
        }
    }

    @Test
    void aFilteredDownloadHoldsExactlyTheLinesTheFilteredPageShows() throws Exception {
        String page = mvc.perform(get("/sync/" + customer.obfuscatedId())).andReturn().getResponse().getContentAsString();
        String status = firstOption(page, "status");

        String filteredPage = mvc.perform(get("/sync/" + customer.obfuscatedId()).param("status", status))
                .andReturn().getResponse().getContentAsString();
        List<CSVRecord> rows = csv(download(get("/" + customer.obfuscatedId() + "/download.csv").param("status", status))
                .getContentAsByteArray());

        List<String> shownOrders = visibleOrders(filteredPage);
        assertThat(shownOrders).isNotEmpty();
        Set<String> downloadedOrders = new LinkedHashSet<>();
        int statusColumn = rows.get(0).toList().indexOf("ProductionStatus");
        for (CSVRecord row : rows.subList(1, rows.size())) {
            downloadedOrders.add(row.get(0));
            assertThat(row.get(statusColumn)).isEqualToIgnoringCase(status);
        }
        assertThat(downloadedOrders).containsExactlyInAnyOrderElementsOf(new LinkedHashSet<>(shownOrders));
        assertThat(rows.size() - 1).isEqualTo(visibleLines(filteredPage));
    }

    @Test
    void aDownloadRightAfterViewingUsesTheReportSeenEvenIfTheSupplierIsNowDown() throws Exception {
        String jobPage = mvc.perform(get("/" + customer.obfuscatedId())).andReturn().getResponse().getContentAsString();
        awaitCompleted(Jobs.idOn(jobPage));
        SimulatedBuzService.SIMULATOR.faults().mode(SimulatorFaults.ALL, FaultMode.HTTP_503);
        SimulatedBuzService.SIMULATOR.resetRequestCounts();

        MockHttpServletResponse response = download("/" + customer.obfuscatedId() + "/download.csv");

        assertThat(csv(response.getContentAsByteArray())).hasSizeGreaterThan(2);
        assertThat(SimulatedBuzService.SIMULATOR.requestCounts().total()).isZero();
    }

    @Test
    void aDownloadLinkFromAReportPageHoldsThatPagesReportAndNeverAnotherCustomers() throws Exception {
        Customer other = customers.add(DemoCustomers.DD_ONLY, null, FieldType.CUSTOMER_NAME, null);
        String othersJob = Jobs.idOn(
                mvc.perform(get("/" + other.obfuscatedId())).andReturn().getResponse().getContentAsString());
        awaitCompleted(othersJob);
        String ownJob = Jobs.idOn(
                mvc.perform(get("/" + customer.obfuscatedId())).andReturn().getResponse().getContentAsString());
        awaitCompleted(ownJob);
        String reportPage = mvc.perform(get("/report/" + ownJob)).andReturn().getResponse().getContentAsString();
        assertThat(reportPage).contains("/download.csv?job=" + ownJob);

        List<CSVRecord> own = csv(download(get("/" + customer.obfuscatedId() + "/download.csv").param("job", ownJob))
                .getContentAsByteArray());
        List<CSVRecord> withOthersJob = csv(download(get("/" + customer.obfuscatedId() + "/download.csv")
                .param("job", othersJob)).getContentAsByteArray());

        int customerColumn = own.get(0).toList().indexOf("Customer");
        assertThat(own.subList(1, own.size())).extracting(row -> row.get(customerColumn))
                .containsOnly(DemoCustomers.ON_BOTH);
        assertThat(withOthersJob).extracting(CSVRecord::toList).isEqualTo(own.stream().map(CSVRecord::toList).toList());
    }

    @Test
    void anUnknownFormatIsABadRequest() throws Exception {
        mvc.perform(get("/" + customer.obfuscatedId() + "/download.pdf")).andExpect(status().isBadRequest());
    }

    private MockHttpServletResponse download(String path) throws Exception {
        return download(get(path));
    }

    private MockHttpServletResponse download(MockHttpServletRequestBuilder builder) throws Exception {
        MvcResult started = mvc.perform(builder).andExpect(request().asyncStarted()).andReturn();
        MvcResult done = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(started))
                .andExpect(status().isOk()).andReturn();
        return done.getResponse();
    }

    private void awaitCompleted(String jobId) {
        assertThat(Jobs.awaitFinished(mvc, jobId).get("status").asString()).isEqualTo("completed");
    }

    private static List<CSVRecord> csv(byte[] body) throws Exception {
        String text = new String(body, StandardCharsets.UTF_8).substring(1);
        return CSVFormat.DEFAULT.parse(new StringReader(text)).getRecords();
    }

    private static String firstOption(String page, String select) {
        Matcher matcher = Pattern.compile("<select id=\"" + select + "\"[^>]*>\\s*<option value=\"\"[^>]*>[^<]*</option>\\s*"
                + "<option value=\"([^\"]+)\"").matcher(page);
        assertThat(matcher.find()).as("the page offers a " + select + " filter").isTrue();
        return org.springframework.web.util.HtmlUtils.htmlUnescape(matcher.group(1));
    }

    private static List<String> visibleOrders(String page) {
        List<String> orders = new ArrayList<>();
        Matcher section = Pattern.compile("<section class=\"order\"([^>]*)>.*?<dt>Order #</dt><dd>([^<]*)</dd>",
                Pattern.DOTALL).matcher(page);
        while (section.find()) {
            if (!section.group(1).contains("hidden")) {
                orders.add(org.springframework.web.util.HtmlUtils.htmlUnescape(section.group(2)));
            }
        }
        return orders;
    }

    private static int visibleLines(String page) {
        int lines = 0;
        Matcher section = Pattern.compile("<section class=\"order\"([^>]*)>(.*?)</section>", Pattern.DOTALL).matcher(page);
        while (section.find()) {
            if (section.group(1).contains("hidden")) {
                continue;
            }
            Matcher row = Pattern.compile("<tr([^>]*data-status[^>]*)>").matcher(section.group(2));
            while (row.find()) {
                if (!row.group(1).contains("hidden")) {
                    lines++;
                }
            }
        }
        return lines;
    }
}
