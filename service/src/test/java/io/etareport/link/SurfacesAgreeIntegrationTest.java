package io.etareport.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.etareport.ServiceTest;
import io.etareport.cache.MutableClock;
import io.etareport.customers.Customer;
import io.etareport.customers.CustomerRepository;
import io.etareport.customers.FieldType;
import io.etareport.export.CalendarFeedTest;
import io.etareport.simulator.DemoCustomers;

import net.fortuna.ical4j.model.component.VEvent;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.HtmlUtils;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 19's one truth per order, over HTTP against the simulator: {@link DemoCustomers#TRICKY_ORDERS}'s orders
 * (dispatched past their date, every line cancelled, one line on hold, one status in three spellings, no date, ready
 * but for a cancelled line) read on the anchor Monday from the page, its summary and its state filter, the CSV, the
 * XLSX, the calendar and the JSON API. Every surface gives each order the same state and lateness, and each line the
 * same status and stage.
 */
// Finished orders are kept so the all-cancelled order is on every surface (dropped, it would be on none).
@ServiceTest(properties = {"eta.api.key=" + SurfacesAgreeIntegrationTest.KEY,
        "eta.report.drop-finished-orders=false"})
class SurfacesAgreeIntegrationTest {

    static final String KEY = "surfaces-agree-key";

    /** What a surface says about one order: its state, whether it is overdue, how many business days late. */
    record Story(String state, boolean overdue, int businessDaysLate) {
    }

    /**
     * On Monday 6 Jan 2025, for orders expected on Monday 30 Dec 2024 (or never): only unfinished, not ready orders
     * are late, by the five business days since; a held line holds the order; cancelled lines count for nothing.
     */
    private static final Map<String, Story> TRUTH = new TreeMap<>(Map.of(
            "90100", new Story("Dispatched", false, 0),
            "90101", new Story("Cancelled", false, 0),
            "90102", new Story("On hold", true, 5),
            "90103", new Story("In production", true, 5),
            "90104", new Story("In production", false, 0),
            "90105", new Story("Ready", false, 0)));

    /** Each order's lines as "status/stage", in line order. */
    private static final Map<String, List<String>> LINES = new TreeMap<>(Map.of(
            "90100", List.of("Dispatched/Dispatched"),
            "90101", List.of("Cancelled/Cancelled", "Cancelled/Cancelled"),
            "90102", List.of("Dispatched/Dispatched", "On Hold/On hold", "Ready For Dispatch/Ready"),
            "90103", List.of("In Production/In production", "In Production/In production",
                    "In Production/In production"),
            "90104", List.of("In Production/In production"),
            "90105", List.of("Ready For Dispatch/Ready", "Cancelled/Cancelled")));

    private static final Pattern SECTION = Pattern.compile(
            "<section class=\"order\"([^>]*)aria-label=\"Order ([^\"]+)\">(.*?)</section>", Pattern.DOTALL);

    @Autowired
    MockMvc mvc;
    @Autowired
    CustomerRepository customers;
    @Autowired
    JdbcClient db;
    @Autowired
    MutableClock clock;
    @Autowired
    JsonMapper json;

    private Customer tricky;

    @BeforeEach
    void customer() {
        db.sql("DELETE FROM customers").update();
        db.sql("DELETE FROM report_job").update();
        db.sql("DELETE FROM status_mapping").update();
        db.sql("DELETE FROM buz_cache").update();
        tricky = customers.add(DemoCustomers.TRICKY_ORDERS, null, FieldType.CUSTOMER_NAME, null);
        clock.setSydney("2025-01-06T09:00");
    }

    @AfterEach
    void clockBack() {
        clock.followSystem();
    }

    @Test
    void thePageTellsEachOrdersStoryWithItsLinesAndHowManyItemsAreReady() throws Exception {
        String page = page("");

        assertThat(pageStories(page)).isEqualTo(TRUTH);
        Map<String, String> sections = sections(page);
        for (Map.Entry<String, List<String>> order : LINES.entrySet()) {
            List<String> statuses = order.getValue().stream().map(line -> line.substring(0, line.indexOf('/'))).toList();
            assertThat(cells(sections.get(order.getKey()), "Status")).as(order.getKey()).isEqualTo(statuses);
        }
        assertThat(itemsReady(sections.get("90100"))).isEqualTo("1 item ready");
        assertThat(itemsReady(sections.get("90101"))).isEqualTo("2 cancelled");
        assertThat(itemsReady(sections.get("90102"))).isEqualTo("2 of 3 items ready");
        assertThat(itemsReady(sections.get("90103"))).isNull();
        assertThat(itemsReady(sections.get("90105"))).isEqualTo("1 item ready, 1 cancelled");
        // The sets the page's own script (state shortcuts, since-last-visit) reads from each order.
        assertThat(dataStates(page)).isEqualTo(new TreeMap<>(Map.of("90100", "ready", "90101", "",
                "90102", "overdue on-hold", "90103", "overdue", "90104", "", "90105", "ready")));
        for (Map.Entry<String, String> section : sections.entrySet()) {
            assertThat(section.getValue().contains("badge-late") && section.getValue().contains("badge-ready"))
                    .as(section.getKey() + " is never overdue and ready at once").isFalse();
        }
    }

    @Test
    void theSummaryCountsAreTheOrdersItsStateFiltersShow() throws Exception {
        String page = page("");

        assertThat(summaryCount(page, "summary-ready")).isEqualTo(2);
        assertThat(visibleOrders(page("?state=ready"))).containsExactlyInAnyOrder("90100", "90105");
        assertThat(summaryCount(page, "summary-overdue")).isEqualTo(2);
        assertThat(visibleOrders(page("?state=overdue"))).containsExactlyInAnyOrder("90102", "90103");
        assertThat(summaryCount(page, "summary-on-hold")).isEqualTo(1);
        assertThat(visibleOrders(page("?state=on-hold"))).containsExactlyInAnyOrder("90102");
        assertThat(summaryCount(page, "summary-moved")).isZero();
        assertThat(visibleOrders(page("?state=moved"))).isEmpty();
        assertThat(visibleOrders(page)).containsExactlyInAnyOrderElementsOf(TRUTH.keySet());
    }

    @Test
    void theCsvAndTheXlsxGiveEachLineItsStatusAndStageAndItsOrdersStory() throws Exception {
        List<List<String>> csv = csv(download("csv", ""));
        List<List<String>> xlsx = xlsx(download("xlsx", ""));

        assertThat(compared(xlsx)).isEqualTo(compared(csv));
        assertThat(fileStories(csv)).isEqualTo(TRUTH);
        assertThat(fileLines(csv)).isEqualTo(LINES);
        assertThat(fileStories(csv(download("csv", "?state=ready"))).keySet()).containsExactly("90100", "90105");
    }

    @Test
    void theCalendarNamesEachDatedOrdersStateAndHowLateItIs() throws Exception {
        byte[] ics = body(get("/" + tricky.obfuscatedId() + "/calendar.ics")).getResponse().getContentAsByteArray();

        Map<String, Story> stories = new TreeMap<>();
        for (VEvent event : CalendarFeedTest.events(ics)) {
            assertThat(event.getProperties("DESCRIPTION")).as("one description an event").hasSizeLessThanOrEqualTo(1);
            String summary = CalendarFeedTest.value(event, "SUMMARY");
            Matcher order = Pattern.compile("Order (\\S+) .* · (.+)$").matcher(summary);
            assertThat(order.find()).as(summary).isTrue();
            String description = CalendarFeedTest.value(event, "DESCRIPTION");
            Matcher late = Pattern.compile("(\\d+) business days? late").matcher(description);
            stories.put(order.group(1), new Story(order.group(2), summary.startsWith("Overdue: "),
                    late.find() ? Integer.parseInt(late.group(1)) : 0));
        }

        Map<String, Story> dated = new TreeMap<>(TRUTH);
        dated.remove("90104");
        assertThat(stories).isEqualTo(dated);
    }

    @Test
    void theApiGivesIntegratorsTheSameModel() throws Exception {
        MvcResult result = mvc.perform(get("/api/v1/customers/" + tricky.obfuscatedId() + "/orders")
                .header("X-API-Key", KEY)).andExpect(status().isOk()).andReturn();
        JsonNode orders = json.readTree(result.getResponse().getContentAsString()).get("data").get("orders");

        Map<String, Story> stories = new TreeMap<>();
        Map<String, List<String>> lines = new TreeMap<>();
        Map<String, String> counts = new TreeMap<>();
        for (JsonNode order : orders) {
            String refNo = order.get("order_no").asString();
            stories.put(refNo, new Story(order.get("state").asString(), order.get("overdue").asBoolean(),
                    order.get("business_days_late").asInt()));
            assertThat(order.get("overdue").asBoolean() && order.get("ready").asBoolean()).as(refNo).isFalse();
            counts.put(refNo, order.get("items_ready").asInt() + "/" + order.get("items_active").asInt() + "/"
                    + order.get("items_cancelled").asInt());
            List<String> own = new ArrayList<>();
            order.get("lines").forEach(line -> own.add(line.get("status").asString() + "/" + line.get("stage").asString()));
            lines.put(refNo, own);
        }

        assertThat(stories).isEqualTo(TRUTH);
        assertThat(lines).isEqualTo(LINES);
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of("90100", "1/1/0", "90101", "0/0/2",
                "90102", "2/3/0", "90103", "0/3/0", "90104", "0/1/0", "90105", "1/1/1"));
    }

    // ---- the page ----

    private String page(String query) throws Exception {
        return mvc.perform(get("/sync/" + tricky.obfuscatedId() + query)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** Each order's section by order number. */
    private static Map<String, String> sections(String page) {
        Map<String, String> sections = new TreeMap<>();
        Matcher section = SECTION.matcher(page);
        while (section.find()) {
            sections.put(HtmlUtils.htmlUnescape(section.group(2)), section.group(3));
        }
        return sections;
    }

    private static Map<String, String> dataStates(String page) {
        Map<String, String> states = new TreeMap<>();
        Matcher section = SECTION.matcher(page);
        while (section.find()) {
            Matcher attribute = Pattern.compile("data-states=\"([^\"]*)\"").matcher(section.group(1));
            states.put(HtmlUtils.htmlUnescape(section.group(2)), attribute.find() ? attribute.group(1) : "");
        }
        return states;
    }

    private static List<String> visibleOrders(String page) {
        List<String> orders = new ArrayList<>();
        Matcher section = SECTION.matcher(page);
        while (section.find()) {
            if (!section.group(1).contains("hidden")) {
                orders.add(HtmlUtils.htmlUnescape(section.group(2)));
            }
        }
        return orders;
    }

    /** The state, overdue badge and lateness each order's heading and details show. */
    private static Map<String, Story> pageStories(String page) {
        Map<String, Story> stories = new TreeMap<>();
        sections(page).forEach((refNo, section) -> {
            String late = span(section, "o-late");
            int days = 0;
            if (late != null) {
                Matcher number = Pattern.compile("^(\\d+) business days? late$").matcher(late);
                assertThat(number.find()).as(late).isTrue();
                days = Integer.parseInt(number.group(1));
            }
            boolean overdue = section.contains("class=\"badge badge-late\"");
            assertThat(late != null).as(refNo + ": says how late exactly when overdue").isEqualTo(overdue);
            stories.put(refNo, new Story(span(section, "o-state"), overdue, days));
        });
        return stories;
    }

    private static String span(String html, String cssClass) {
        Matcher span = Pattern.compile("<span class=\"" + cssClass + "\">([^<]*)</span>").matcher(html);
        return span.find() ? HtmlUtils.htmlUnescape(span.group(1)) : null;
    }

    private static String itemsReady(String section) {
        Matcher text = Pattern.compile("<p class=\"items-ready\">([^<]*)</p>").matcher(section);
        return text.find() ? text.group(1) : null;
    }

    private static List<String> cells(String section, String label) {
        List<String> cells = new ArrayList<>();
        Matcher cell = Pattern.compile("<td data-label=\"" + label + "\">([^<]*)</td>").matcher(section);
        while (cell.find()) {
            cells.add(HtmlUtils.htmlUnescape(cell.group(1)));
        }
        return cells;
    }

    private static int summaryCount(String page, String id) {
        Matcher count = Pattern.compile("<a id=\"" + id + "\"[^>]*><strong>(\\d+)</strong>").matcher(page);
        if (!count.find()) {
            return 0; // the on-hold link is left out when none is
        }
        return Integer.parseInt(count.group(1));
    }

    // ---- the files ----

    private MvcResult body(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn();
    }

    private byte[] download(String ext, String query) throws Exception {
        MvcResult started = mvc.perform(get("/" + tricky.obfuscatedId() + "/download." + ext + query))
                .andExpect(request().asyncStarted()).andReturn();
        return mvc.perform(asyncDispatch(started)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
    }

    private static List<List<String>> csv(byte[] body) throws Exception {
        String text = new String(body, StandardCharsets.UTF_8).substring(1);
        List<List<String>> rows = new ArrayList<>();
        for (CSVRecord record : CSVFormat.DEFAULT.parse(new StringReader(text))) {
            rows.add(record.toList());
        }
        return rows;
    }

    /** The workbook's rows as raw cell values, header first; an empty cell as "". */
    private static List<List<String>> xlsx(byte[] body) throws Exception {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(body))) {
            List<List<String>> rows = new ArrayList<>();
            for (Row row : workbook.getFirstSheet().read()) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getCellCount(); i++) {
                    String raw = row.getCell(i) == null ? null : row.getCell(i).getRawValue();
                    cells.add(raw == null ? "" : raw);
                }
                rows.add(cells);
            }
            return rows;
        }
    }

    /** A file's columns the surfaces share, by name, header first. */
    private static List<List<String>> compared(List<List<String>> rows) {
        List<String> header = rows.get(0);
        List<String> names = List.of("RefNo", "ProductionStatus", "Stage", "OrderState", "BusinessDaysLate");
        List<List<String>> all = new ArrayList<>();
        all.add(names);
        for (List<String> row : rows.subList(1, rows.size())) {
            List<String> cells = new ArrayList<>();
            for (String name : names) {
                int column = header.indexOf(name);
                String cell = column < row.size() ? row.get(column) : "";
                // A workbook holds the number as a number ("5.0" or "5"), the CSV as text.
                cells.add(name.equals("BusinessDaysLate") ? new BigDecimal(cell).toBigInteger().toString() : cell);
            }
            all.add(cells);
        }
        return all;
    }

    private static Map<String, Story> fileStories(List<List<String>> rows) {
        List<List<String>> shared = compared(rows);
        Map<String, Story> stories = new TreeMap<>();
        for (List<String> row : shared.subList(1, shared.size())) {
            int late = Integer.parseInt(row.get(4));
            Story story = new Story(row.get(3), late > 0, late);
            Story before = stories.putIfAbsent(row.get(0), story);
            assertThat(before == null || before.equals(story)).as("every line of " + row.get(0) + " tells one story")
                    .isTrue();
        }
        return stories;
    }

    private static Map<String, List<String>> fileLines(List<List<String>> rows) {
        List<List<String>> shared = compared(rows);
        Map<String, List<String>> lines = new TreeMap<>();
        for (List<String> row : shared.subList(1, shared.size())) {
            lines.computeIfAbsent(row.get(0), refNo -> new ArrayList<>()).add(row.get(1) + "/" + row.get(2));
        }
        return lines;
    }
}
