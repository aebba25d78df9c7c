package io.etareport.statuses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.etareport.SimulatedBuzService;
import io.etareport.security.Staff;
import io.etareport.security.StaffWebTest;
import io.etareport.simulator.BuzSimulator;
import io.etareport.simulator.FaultMode;
import io.etareport.simulator.SimulatorDataSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Status mappings, refreshed through the real {@link BuzLiveStatuses} from the simulator over HTTP. */
@StaffWebTest
class StatusMappingsIntegrationTest {

    private static final BuzSimulator SIMULATOR = SimulatedBuzService.SIMULATOR;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient db;
    @Autowired
    StatusMappings mappings;
    @Autowired
    LiveStatuses live;

    @BeforeEach
    void data() {
        Staff.reset(db);
        db.sql("DELETE FROM buz_cache").update();
        db.sql("DELETE FROM status_mapping").update();
        SIMULATOR.reset();
        add("Cutting", "Being cut", true);
        add("Old step", "Old step", true);
        add("Sewing", "Sleeping", false);
        add("Quality Check", null, true);
    }

    @AfterEach
    void putBack() {
        SIMULATOR.reset();
    }

    @Test
    void buzStatusesComeFromBothInstancesTrimmed() {
        Set<String> expected = new TreeSet<>();
        for (String code : List.of("DESDR", "WATSO")) {
            SIMULATOR.dataSet().rows(code, SimulatorDataSet.JOBS_SCHEDULE_DETAILED).stream()
                    .map(row -> row.get("ProductionStatus")).filter(String.class::isInstance)
                    .map(status -> ((String) status).strip()).filter(status -> !status.isEmpty())
                    .forEach(expected::add);
        }

        Set<String> statuses = live.fetch();

        assertThat(statuses).containsAll(List.of("Cutting", "Sewing", "Quality Check")).doesNotContain("Old step")
                .isSubsetOf(expected);
        assertThat(SIMULATOR.requestCounts().count("DD")).isPositive();
        assertThat(SIMULATOR.requestCounts().count("CBR")).isPositive();
    }

    @Test
    void refreshingAddsNewStatusesDeactivatesUnseenOnesAndKeepsNames() throws Exception {
        Set<String> seen = live.fetch();
        List<String> expected = new ArrayList<>(List.of("Cutting|Being cut|1", "Old step|Old step|0",
                "Quality Check|null|1", "Sewing|Sleeping|0"));
        seen.stream().filter(s -> !List.of("Cutting", "Sewing", "Quality Check").contains(s))
                .forEach(s -> expected.add(s + "|" + s + "|1"));
        expected.sort(Comparator.comparing(row -> row.substring(0, row.indexOf('|'))));

        MvcResult result = refresh();

        assertThat(result.getFlashMap().get("notice")).isEqualTo("Refreshed from Buz: " + (seen.size() - 3)
                + " new statuses added, 1 status no longer seen and made inactive (" + seen.size() + " seen).");
        assertThat(table()).isEqualTo(expected);
    }

    @Test
    void aRefreshThatFindsNothingNewSaysSo() throws Exception {
        Set<String> seen = live.fetch();
        db.sql("DELETE FROM status_mapping").update();
        seen.forEach(status -> add(status, status, true));

        assertThat(refresh().getFlashMap().get("notice")).isEqualTo("Refreshed from Buz: no new statuses added,"
                + " no statuses no longer seen and made inactive (" + seen.size() + " seen).");
    }

    @Test
    void whenBuzCannotBeReachedNothingChangesAndStaffAreToldWhy() throws Exception {
        List<String> before = table();
        SIMULATOR.faults().mode("DD", FaultMode.HTTP_503);

        MvcResult result = refresh();

        assertThat(result.getFlashMap().get("problem")).isEqualTo("Could not refresh from Buz: The supplier's"
                + " system is unavailable right now. Please try again in a few minutes. Nothing was changed.");
        assertThat(table()).isEqualTo(before);
    }

    @Test
    void anAnswerWithNoStatusesAtAllChangesNothing() {
        List<String> before = table();

        // The simulator always has statuses: the rule is checked on the refresh itself.
        StatusRefresh.Outcome outcome = new StatusRefresh(Set::of, mappings).run();

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.message()).contains("nothing was changed");
        assertThat(table()).isEqualTo(before);
    }

    @Test
    void theReportGetsActiveMappingsWithANameOnly() {
        db.sql("UPDATE status_mapping SET odata_status = ' Cutting ' WHERE odata_status = 'Cutting'").update();

        assertThat(mappings.activeMappings()).isEqualTo(Map.of("Cutting", "Being cut", "Old step", "Old step"));
    }

    @Test
    void theListShowsActiveMappingsFirstThenByStatus() throws Exception {
        add("apple", "Apple", false);
        add("banana", "Banana", true);

        String page = mvc.perform(get("/status_mapping").with(Staff.signedInAs(Staff.USER))
                .flashAttr("notice", "Saved the mapping.")).andReturn().getResponse().getContentAsString();

        assertThat(page).containsSubsequence(">banana<", ">Cutting<", ">Old step<", ">Quality Check<", ">apple<", ">Sewing<");
        assertThat(page).contains("<p class=\"flash flash-notice\" role=\"status\">Saved the mapping.</p>");
        assertThat(page).doesNotContain("Refresh from Buz");
    }

    @Test
    void aUserRenamesAMappingAndSwitchesItOff() throws Exception {
        long id = idOf("Cutting");

        MvcResult result = mvc.perform(post("/status_mapping/edit/" + id).param("customStatus", " In the cutting room ")
                .param("_active", "on").with(Staff.signedInAs(Staff.USER)).with(csrf())).andReturn();

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/status_mapping");
        assertThat(table()).contains("Cutting|In the cutting room|0");
    }

    @Test
    void aUserGivesAStatusAStageThatEverySpellingSharesAndTheAuditLogShowsIt() throws Exception {
        long id = idOf("Cutting");

        MvcResult result = mvc.perform(post("/status_mapping/edit/" + id).param("customStatus", "Being cut")
                .param("active", "true").param("stage", "In production")
                .with(Staff.signedInAs(Staff.USER)).with(csrf())).andReturn();

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/status_mapping");
        assertThat(mappings.activeStages()).containsEntry("cutting", "In production");
        assertThat(Spelling.key("  CUTTING ")).isEqualTo("cutting");
        assertThat(db.sql("SELECT after_json FROM audit_log WHERE entity = 'status mapping' ORDER BY id DESC LIMIT 1")
                .query(String.class).single()).contains("\"stage\":\"In production\"");
        String edit = mvc.perform(get("/status_mapping/edit/" + id).with(Staff.signedInAs(Staff.USER)))
                .andReturn().getResponse().getContentAsString();
        assertThat(edit).containsPattern("<option value=\"In production\" selected=\"selected\">");
        String list = mvc.perform(get("/status_mapping").with(Staff.signedInAs(Staff.USER)))
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("<td>In production</td>");
    }

    @Test
    void aPostWithoutTheStageFieldKeepsTheStageAndAnUnknownStageIsRefused() throws Exception {
        long id = idOf("Cutting");
        mvc.perform(post("/status_mapping/edit/" + id).param("customStatus", "Being cut").param("active", "true")
                .param("stage", "Ready").with(Staff.signedInAs(Staff.USER)).with(csrf()));

        mvc.perform(post("/status_mapping/edit/" + id).param("customStatus", "Cut").param("active", "true")
                .with(Staff.signedInAs(Staff.USER)).with(csrf()));
        MvcResult refused = mvc.perform(post("/status_mapping/edit/" + id).param("customStatus", "Cut")
                .param("active", "true").param("stage", "Teleported")
                .with(Staff.signedInAs(Staff.USER)).with(csrf())).andReturn();

        assertThat(mappings.activeStages()).containsEntry("cutting", "Ready");
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(refused.getResponse().getContentAsString()).contains("Choose one of the stages listed.");
    }

    @Test
    void aMappingNeedsAName() throws Exception {
        long id = idOf("Cutting");

        String page = mvc.perform(post("/status_mapping/edit/" + id).param("customStatus", "  ").param("active", "true")
                .with(Staff.signedInAs(Staff.USER)).with(csrf())).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Custom status required: enter the name customers should see.");
        assertThat(table()).contains("Cutting|Being cut|1");
    }

    private MvcResult refresh() throws Exception {
        MvcResult result = mvc.perform(post("/refresh_statuses").with(Staff.signedInAs(Staff.ADMIN)).with(csrf()))
                .andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/status_mapping");
        return result;
    }

    private void add(String status, String custom, boolean active) {
        db.sql("INSERT INTO status_mapping (odata_status, custom_status, active) VALUES (?, ?, ?)")
                .params(status, custom, active ? 1 : 0).update();
    }

    private long idOf(String status) {
        return db.sql("SELECT id FROM status_mapping WHERE odata_status = ?").param(status).query(Long.class).single();
    }

    private List<String> table() {
        return db.sql("SELECT odata_status || '|' || coalesce(custom_status, 'null') || '|' || active"
                + " FROM status_mapping ORDER BY odata_status").query(String.class).list();
    }
}
