package io.etareport.columns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.etareport.ServiceTest;
import io.etareport.SimulatedBuzService;
import io.etareport.buz.ColumnKind;
import io.etareport.buz.Instance;
import io.etareport.buz.SeenColumns;
import io.etareport.customers.Customer;
import io.etareport.customers.CustomerRepository;
import io.etareport.customers.FieldType;
import io.etareport.jobs.Jobs;
import io.etareport.security.Staff;
import io.etareport.simulator.DemoCustomers;
import io.etareport.simulator.SimulatorDataSet;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A customer whose Buz rows carry their line's profit as {@code LineValue}, a column nobody announced and no
 * list of bad names matches: it reaches nobody until an admin approves it, and leaves everything at once,
 * stored copies included, when held back. Run against the simulator over real HTTP.
 */
// Each open prepares a fresh report (and shows the loading page, not the last report at once).
@ServiceTest(properties = {"eta.jobs.reuse-window=1ms", "eta.jobs.show-recent-for=0s",
        "eta.api.key=" + ColumnAllowlistIntegrationTest.API_KEY})
@ExtendWith(OutputCaptureExtension.class)
class ColumnAllowlistIntegrationTest {

    static final String API_KEY = "column-allowlist-key";
    private static final String MONEY = "LineValue";
    private static final String NEW_COLUMN_WARNING = "sent a column never seen before: \"" + MONEY + "\"";

    @Autowired
    MockMvc mvc;
    @Autowired
    CustomerRepository customers;
    @Autowired
    JdbcClient db;
    @Autowired
    BuzColumns columns;

    private Customer customer;
    private List<String> profits;

    @BeforeEach
    void customer() {
        Staff.reset(db);
        db.sql("DELETE FROM customers").update();
        db.sql("DELETE FROM buz_column_decision").update();
        customer = customers.add(DemoCustomers.HIDDEN_MONEY_COLUMN, null, FieldType.CUSTOMER_NAME, null);
        profits = new ArrayList<>();
        for (Map<String, Object> row : SimulatedBuzService.SIMULATOR.dataSet().rows("DD",
                SimulatorDataSet.JOBS_SCHEDULE_DETAILED)) {
            if (DemoCustomers.HIDDEN_MONEY_COLUMN.equals(row.get("Customer"))) {
                BigDecimal profit = (BigDecimal) row.get(MONEY);
                profits.add(profit.toPlainString());
                profits.add(profit.stripTrailingZeros().toPlainString());
            }
        }
        assertThat(profits).as("the simulator's customer carries the column").isNotEmpty();
    }

    @AfterEach
    void reset() {
        SimulatedBuzService.SIMULATOR.reset();
    }

    @Test
    void aHiddenMoneyColumnReachesNobodyUntilApprovedAndLeavesEverythingAtOnceWhenHeldBack(CapturedOutput output)
            throws Exception {
        String job = openAndWait();

        String jobJson = body(get("/jobs/" + job));
        String page = body(get("/" + customer.obfuscatedId() + "/report/" + job));
        List<CSVRecord> csv = csv(job);
        List<Row> xlsx = xlsx(job);
        String api = body(get("/api/v1/customers/" + customer.obfuscatedId() + "/orders").header("X-API-Key", API_KEY));
        String calendar = body(get("/" + customer.obfuscatedId() + "/calendar.ics"));
        assertThat(jobJson).doesNotContain(MONEY);
        assertThat(page).contains("90080").doesNotContain(MONEY);
        assertThat(api).contains("90080").doesNotContain(MONEY, "SellPrice", "UnitCost");
        assertThat(calendar).contains("90080").doesNotContain(MONEY);
        assertThat(csv.get(0).toList()).doesNotContain(MONEY, "SellPrice").contains("Width", "DateOrdered");
        assertThat(header(xlsx)).doesNotContain(MONEY, "SellPrice");
        assertNoProfitIn(jobJson, page, api, calendar, text(csv), text(xlsx), storedCopies(), storedReports(),
                output.getAll());
        assertThat(storedCopies() + storedReports()).doesNotContain(MONEY);

        String columnsPage = body(get("/columns").with(Staff.signedInAs(Staff.ADMIN)));
        String row = rowOf(columnsPage, MONEY);
        assertThat(row).contains("column-new", "badge-new", "Held back", "Nobody has approved it yet", "Approve");

        mvc.perform(post("/columns/approve").param("name", MONEY).with(csrf()).with(Staff.signedInAs(Staff.ADMIN)))
                .andExpect(status().is3xxRedirection());
        String approvedJob = openAndWait();

        List<CSVRecord> approvedCsv = csv(approvedJob);
        int money = approvedCsv.get(0).toList().indexOf(MONEY);
        assertThat(money).as("the approved column is in the next download").isPositive();
        assertThat(approvedCsv.subList(1, approvedCsv.size())).extracting(r -> r.get(money)).allMatch(profits::contains);
        List<Row> approvedXlsx = xlsx(approvedJob);
        int xlsxMoney = header(approvedXlsx).indexOf(MONEY);
        int dateOrdered = header(approvedXlsx).indexOf("DateOrdered");
        for (Row line : approvedXlsx.subList(1, approvedXlsx.size())) {
            assertThat(line.getCell(xlsxMoney).getType()).as("a number the supplier typed").isEqualTo(CellType.NUMBER);
            Cell ordered = line.getCell(dateOrdered);
            assertThat(ordered.getType()).isEqualTo(CellType.NUMBER);
            assertThat(ordered.asDate()).as("a real date cell").isNotNull();
        }
        int csvDateOrdered = approvedCsv.get(0).toList().indexOf("DateOrdered");
        assertThat(approvedCsv.subList(1, approvedCsv.size())).extracting(r -> r.get(csvDateOrdered))
                .allMatch(date -> date.matches("\\d{2} [A-Z][a-z]{2} \\d{4}"), "written like DateScheduled");
        assertThat(storedReports()).contains(MONEY);
        assertThat(storedCopies()).contains(MONEY);

        mvc.perform(post("/columns/hold-back").param("name", MONEY).with(csrf()).with(Staff.signedInAs(Staff.ADMIN)))
                .andExpect(status().is3xxRedirection());

        assertThat(csv(approvedJob).get(0).toList()).doesNotContain(MONEY);
        assertThat(header(xlsx(approvedJob))).doesNotContain(MONEY);
        assertThat(body(get("/" + customer.obfuscatedId() + "/report/" + approvedJob))).doesNotContain(MONEY);
        assertThat(storedCopies() + storedReports()).doesNotContain(MONEY);
        assertNoProfitIn(storedCopies(), storedReports(), text(csv(approvedJob)));
        assertThat(rowOf(body(get("/columns").with(Staff.signedInAs(Staff.ADMIN))), MONEY))
                .contains("Held back by an admin", "Approve");

        // Another test of this class may have fetched first: the warning is once per name, not per test.
        assertThat(output.getAll().split(Pattern.quote(NEW_COLUMN_WARNING), -1)).as("never more than one warning")
                .hasSizeLessThanOrEqualTo(2);
        assertThat(db.sql("SELECT COUNT(*) FROM buz_column WHERE name = ? AND instance = 'DD'").param(MONEY)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aNewColumnIsWarnedAboutOnceWithItsNameAndInstanceOnly(CapturedOutput output) {
        String name = "Brand new column " + System.nanoTime();
        SeenColumns seen = new SeenColumns(Instance.DD, "WorkInProgress", Map.of(name, ColumnKind.TEXT));

        columns.seen(seen);
        columns.seen(seen);

        String warning = "BuzManager DD sent a column never seen before: \"" + name + "\" (WorkInProgress)";
        List<String> lines = output.getAll().lines().filter(line -> line.contains(warning)).toList();
        assertThat(lines).as("one line, at WARN").singleElement().satisfies(line -> assertThat(line).contains("WARN"));
        assertThat(db.sql("SELECT first_seen <= last_seen FROM buz_column WHERE name = ?").param(name)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void aColumnWhoseNameLooksSensitiveCannotBeApprovedAndThePageSaysWhy() throws Exception {
        openAndWait();

        MockHttpServletResponse refused = mvc.perform(post("/columns/approve").param("name", "UnitCost")
                .with(csrf()).with(Staff.signedInAs(Staff.ADMIN))).andReturn().getResponse();

        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString()).contains("That column cannot be approved");
        assertThat(db.sql("SELECT COUNT(*) FROM buz_column_decision").query(Integer.class).single()).isZero();
        String row = rowOf(body(get("/columns").with(Staff.signedInAs(Staff.ADMIN))), "UnitCost");
        assertThat(row).contains("Cannot be approved").doesNotContain("Approve UnitCost");
        assertThat(csv(null).get(0).toList()).doesNotContain("UnitCost");
    }

    @Test
    void hostileColumnNamesAreStoredExactlyAndShownSafely(CapturedOutput output) throws Exception {
        String script = "<script>alert(1)</script>";
        String quotes = "Width \"inner\" 'cm'";
        String accents = "Größe – Farbe ✓";
        String longName = "Ä" + "x".repeat(299);
        Map<String, ColumnKind> hostile = new LinkedHashMap<>();
        for (String name : List.of(script, quotes, accents, longName)) {
            hostile.put(name, ColumnKind.TEXT);
        }

        columns.seen(new SeenColumns(Instance.CBR, "JobsScheduleDetailed", hostile));

        assertThat(db.sql("SELECT name FROM buz_column WHERE instance = 'CBR'").query(String.class).list())
                .contains(script, quotes, accents, longName);
        String page = body(get("/columns").with(Staff.signedInAs(Staff.ADMIN)));
        assertThat(page).doesNotContain(script).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("Width &quot;inner&quot; &#39;cm&#39;").contains(accents).contains(longName);

        mvc.perform(post("/columns/approve").param("name", quotes).with(csrf()).with(Staff.signedInAs(Staff.ADMIN)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/columns/approve").param("name", script).with(csrf()).with(Staff.signedInAs(Staff.ADMIN)))
                .andExpect(status().is3xxRedirection());

        assertThat(db.sql("SELECT name FROM buz_column_decision WHERE approved = 1").query(String.class).list())
                .containsExactlyInAnyOrder(quotes, script);
        assertThat(body(get("/columns").with(Staff.signedInAs(Staff.ADMIN)))).doesNotContain(script);
        assertThat(output.getAll()).contains("x".repeat(79) + "…").doesNotContain("x".repeat(100));
    }

    private String openAndWait() throws Exception {
        String job = Jobs.idOn(body(get("/" + customer.obfuscatedId())));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> body(get("/jobs/" + job)).contains("\"done\":true"));
        assertThat(body(get("/jobs/" + job))).contains("\"status\":\"completed\"");
        return job;
    }

    private String body(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        return mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private byte[] download(String ext, String job) throws Exception {
        var request = get("/" + customer.obfuscatedId() + "/download." + ext);
        if (job != null) {
            request.param("job", job);
        }
        MvcResult started = mvc.perform(request).andExpect(request().asyncStarted()).andReturn();
        return mvc.perform(asyncDispatch(started)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
    }

    private List<CSVRecord> csv(String job) throws Exception {
        String text = new String(download("csv", job), StandardCharsets.UTF_8).substring(1);
        return CSVFormat.DEFAULT.parse(new StringReader(text)).getRecords();
    }

    private List<Row> xlsx(String job) throws Exception {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(download("xlsx", job)))) {
            return workbook.getFirstSheet().read();
        }
    }

    private static List<String> header(List<Row> rows) {
        List<String> names = new ArrayList<>();
        rows.get(0).forEach(cell -> names.add(cell.getRawValue()));
        return names;
    }

    private static String text(List<?> rows) {
        StringBuilder all = new StringBuilder();
        for (Object row : rows) {
            if (row instanceof Row xlsxRow) {
                xlsxRow.forEach(cell -> all.append(cell == null ? "" : cell.getRawValue()).append('|'));
            } else {
                ((CSVRecord) row).forEach(cell -> all.append(cell).append('|'));
            }
            all.append('\n');
        }
        return all.toString();
    }

    private void assertNoProfitIn(String... texts) {
        for (String text : texts) {
            for (String profit : profits) {
                assertThat(text).doesNotContain("|" + profit + "|").doesNotContain("\"" + profit + "\"")
                        .doesNotContain(":" + profit + ",").doesNotContain(":" + profit + "}")
                        .doesNotContain(">" + profit + "<");
            }
        }
    }

    private String storedCopies() {
        return String.join("\n", db.sql("SELECT payload FROM buz_cache WHERE payload IS NOT NULL")
                .query(String.class).list());
    }

    /** Every stored report's JSON: gzipped as the jobs store it, or text in rows from before compression. */
    private String storedReports() {
        return String.join("\n", db.sql("SELECT result FROM report_job WHERE result IS NOT NULL")
                .query((row, n) -> json(row.getBytes(1))).list());
    }

    private static String json(byte[] stored) {
        if (stored.length < 2 || (stored[0] & 0xff) != 0x1f || (stored[1] & 0xff) != 0x8b) {
            return new String(stored, java.nio.charset.StandardCharsets.UTF_8);
        }
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(stored))) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The table row of the /columns page that names {@code column}. */
    private static String rowOf(String page, String column) {
        Matcher rows = Pattern.compile("<tr[^>]*>.*?</tr>", Pattern.DOTALL).matcher(page);
        while (rows.find()) {
            // Names wrap between their words: the page puts <wbr> there.
            if (rows.group().replace("<wbr>", "").contains("<span>" + column + "</span>")) {
                return rows.group();
            }
        }
        throw new AssertionError("no row for " + column + " on /columns");
    }
}
