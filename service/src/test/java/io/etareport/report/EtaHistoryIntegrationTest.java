package io.etareport.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.etareport.ServiceTest;
import io.etareport.SimulatedBuzService;
import io.etareport.buz.Instance;
import io.etareport.cache.MutableClock;
import io.etareport.customers.Customer;
import io.etareport.customers.CustomerRepository;
import io.etareport.customers.FieldType;
import io.etareport.db.ReadOnly;
import io.etareport.simulator.DemoCustomers;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves of expected dates between two reports built from live data: the simulator reschedules an order between
 * them, on a clock set in Sydney.
 */
@ServiceTest(properties = "eta.jobs.reuse-window=0s")
class EtaHistoryIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    CustomerRepository customers;

    @Autowired
    JdbcClient db;

    @Autowired
    @ReadOnly
    JdbcClient reads;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ReportProperties properties;

    @Autowired
    EtaHistory history;

    @Autowired
    java.time.ZoneId zone;

    @Autowired
    MutableClock clock;

    private Customer glance;

    @BeforeEach
    void freshHistory() {
        db.sql("DELETE FROM customers").update();
        db.sql("DELETE FROM buz_cache").update();
        db.sql("DELETE FROM eta_seen").update();
        db.sql("DELETE FROM eta_change").update();
        glance = customers.add(DemoCustomers.AT_A_GLANCE, null, FieldType.CUSTOMER_NAME, null);
    }

    @AfterEach
    void putBack() {
        SimulatedBuzService.SIMULATOR.reset();
        clock.followSystem();
    }

    private String page(String query) throws Exception {
        return mvc.perform(get("/sync/" + glance.obfuscatedId() + query)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private static String order(String page, String refNo) {
        int start = page.indexOf("aria-label=\"Order " + refNo + "\"");
        assertThat(start).as("order " + refNo + " is on the page").isPositive();
        return page.substring(page.lastIndexOf("<section", start), page.indexOf("</section>", start));
    }

    /** Two reports: one on Monday 6 Jan, then 90092 moves from 16 to 23 Jan and the next is built on the 7th. */
    private String twoReportsAroundAMove() throws Exception {
        clock.setSydney("2025-01-06T09:00");
        String before = page("");
        // No order marked as moved (the summary's "0 moved recently" shortcut is always there).
        assertThat(before).doesNotContain("moved later").doesNotContain("moved earlier")
                .doesNotContain("data-states=\"moved");
        SimulatedBuzService.SIMULATOR.moveDate("DD", "90092", LocalDate.of(2025, 1, 23));
        clock.setSydney("2025-01-07T10:00");
        return page("");
    }

    @Test
    void aMovedDateIsShownWithItsPreviousDateAndAnUnchangedOrderShowsNone() throws Exception {
        String page = twoReportsAroundAMove();

        assertThat(order(page, "90092")).contains("23 Jan 2025").contains("was 16 Jan — moved later on 7 Jan");
        assertThat(order(page, "90090")).doesNotContain("moved");
        assertThat(order(page, "90091")).doesNotContain("moved");
        assertThat(page.replaceAll("<[^>]+>", "").replaceAll("\\s+", " ")).contains("1 moved recently");
    }

    @Test
    void theDateChangedFilterKeepsOnlyMovedOrdersOnThePageAndInDownloads() throws Exception {
        twoReportsAroundAMove();

        String filtered = page("?changed=1");
        List<CSVRecord> all = csv("");
        List<CSVRecord> changed = csv("?changed=1");

        assertThat(filtered).contains("id=\"changed\" name=\"changed\" value=\"1\" checked");
        assertThat(order(filtered, "90092")).doesNotContain(" hidden");
        assertThat(order(filtered, "90090")).contains(" hidden");
        List<String> header = all.get(0).toList();
        assertThat(header.subList(0, 8)).containsExactly("RefNo", "DateScheduled", "ProductionStatus",
                "ProductionLine", "InventoryItem", "Descn", "Instance", "FixedLine");
        // The previous date comes after the Buz columns, before the order model's last three.
        assertThat(header.subList(header.size() - 4, header.size()))
                .containsExactly("PreviousDateScheduled", "Stage", "OrderState", "BusinessDaysLate");
        int previous = header.indexOf("PreviousDateScheduled");
        assertThat(all.subList(1, all.size())).allSatisfy(row -> assertThat(row.get(previous))
                .isEqualTo(row.get(0).equals("90092") ? "16 Jan 2025" : ""));
        assertThat(changed.subList(1, changed.size())).isNotEmpty()
                .allSatisfy(row -> assertThat(row.get(0)).isEqualTo("90092"));
    }

    @Test
    void aReportFromASavedCopyRecordsNoMoveButStillShowsTheOnesSeen() throws Exception {
        twoReportsAroundAMove();
        SimulatedBuzService.SIMULATOR.moveDate("DD", "90090", LocalDate.of(2025, 1, 31));
        SimulatedBuzService.SIMULATOR.faults().mode(io.etareport.simulator.SimulatorFaults.ALL,
                io.etareport.simulator.FaultMode.HTTP_503);
        clock.advance(Duration.ofMinutes(1));

        String page = page("");

        assertThat(page).contains("saved copy");
        assertThat(order(page, "90092")).contains("was 16 Jan — moved later on 7 Jan");
        assertThat(db.sql("SELECT count(*) FROM eta_change").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void historyLivesInTheDatabaseSoANewProcessSeesIt() throws Exception {
        twoReportsAroundAMove();

        EtaHistory afterRestart = new EtaHistory(db, reads, transactions, clock, properties, zone);
        Order moved = new Order(Instance.DD, "90092", "Glance - Deck", LocalDate.of(2025, 1, 23), List.of());

        assertThat(afterRestart.recordAndLookUp(List.of(moved), Set.of()))
                .isEqualTo(Map.of(new EtaHistory.OrderKey(Instance.DD, "90092"),
                        new DateChange(LocalDate.of(2025, 1, 16), LocalDate.of(2025, 1, 7))));
    }

    @Test
    void purgeRemovesMovesOlderThanTheRetentionAndKeepsNewerOnes() throws Exception {
        twoReportsAroundAMove();
        clock.set(clock.instant().plus(history.keep()).minus(Duration.ofDays(1)));
        assertThat(history.purgeExpired(true)).isZero();

        clock.set(clock.instant().plus(Duration.ofDays(2)));
        assertThat(history.purgeExpired(false)).isEqualTo(1);
        assertThat(history.purgeExpired(true)).isEqualTo(1);

        assertThat(db.sql("SELECT count(*) FROM eta_change").query(Integer.class).single()).isZero();
        assertThat(db.sql("SELECT count(*) FROM eta_seen").query(Integer.class).single()).isZero();
    }

    private List<CSVRecord> csv(String query) throws Exception {
        MvcResult started = mvc.perform(get("/" + glance.obfuscatedId() + "/download.csv" + query))
                .andExpect(request().asyncStarted()).andReturn();
        byte[] body = mvc.perform(asyncDispatch(started)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        return CSVFormat.DEFAULT.parse(new StringReader(new String(body, StandardCharsets.UTF_8).substring(1)))
                .getRecords();
    }
}
