package io.etareport.statuses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.Map;

import io.etareport.security.Staff;
import io.etareport.security.StaffWebTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@StaffWebTest
class StatusMappingsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient db;
    @Autowired
    StatusMappings mappings;
    @Autowired
    FakeLiveStatuses live;

    @BeforeEach
    void data() {
        Staff.reset(db);
        db.sql("DELETE FROM status_mapping").update();
        add("Cutting", "Being cut", true);
        add("Old step", "Old step", true);
        add("Dormant", "Sleeping", false);
        add("Unnamed", null, true);
    }

    @Test
    void refreshingAddsNewStatusesDeactivatesUnseenOnesAndKeepsNames() throws Exception {
        live.answer("Cutting", "Sewing", " Packing ", "Dormant", "Unnamed", "");

        MvcResult result = refresh();

        assertThat(result.getFlashMap().get("notice")).isEqualTo("Refreshed from Buz: 2 new statuses added,"
                + " 1 status no longer seen and made inactive (5 seen).");
        assertThat(table()).containsExactly(
                "Cutting|Being cut|1", "Dormant|Sleeping|0", "Old step|Old step|0", "Packing|Packing|1",
                "Sewing|Sewing|1", "Unnamed|null|1");
    }

    @Test
    void aRefreshThatFindsNothingNewSaysSo() throws Exception {
        live.answer("Cutting", "Old step", "Unnamed");

        assertThat(refresh().getFlashMap().get("notice")).isEqualTo("Refreshed from Buz: no new statuses added,"
                + " no statuses no longer seen and made inactive (3 seen).");
    }

    @Test
    void whenBuzCannotBeReachedNothingChangesAndStaffAreToldWhy() throws Exception {
        List<String> before = table();
        live.failWith(new RuntimeException("The supplier's system is not available (daily maintenance 10:00-16:00)."));

        MvcResult result = refresh();

        assertThat(result.getFlashMap().get("problem")).isEqualTo("Could not refresh from Buz: The supplier's"
                + " system is not available (daily maintenance 10:00-16:00). Nothing was changed.");
        assertThat(table()).isEqualTo(before);
    }

    @Test
    void anAnswerWithNoStatusesAtAllChangesNothing() throws Exception {
        List<String> before = table();
        live.answer();

        assertThat(refresh().getFlashMap().get("problem")).asString().contains("nothing was changed");
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

        assertThat(page).containsSubsequence(">banana<", ">Cutting<", ">Old step<", ">Unnamed<", ">apple<", ">Dormant<");
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
