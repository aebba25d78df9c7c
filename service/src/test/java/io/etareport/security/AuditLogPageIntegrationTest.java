package io.etareport.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;

import io.etareport.audit.AuditLog;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** {@code /audit}: filters, newest first, pages, escaping, and the CSV download. */
@StaffWebTest
class AuditLogPageIntegrationTest {

    private static final String HOSTILE_ACTOR = "=HYPERLINK(\"http://evil\",\"x\")@staff.test";
    private static final String HOSTILE_VALUE = "<script>alert(1)</script>";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient db;
    @Autowired
    AuditLog audit;

    @BeforeEach
    void data() {
        Staff.reset(db);
        db.sql("DELETE FROM audit_log").update();
    }

    @Test
    void entriesAreNewestFirstAndFilteredByPersonEntityAndSydneyDate() throws Exception {
        entry("2026-03-01T09:00", "ann@staff.test", "customer", "add");
        entry("2026-03-02T23:30", "bob@staff.test", "user", "edit");
        entry("2026-03-03T00:30", "ann@staff.test", "user", "delete");

        assertThat(page("/audit")).containsSubsequence(">delete<", ">edit<", ">add<").contains("3 entries");
        assertThat(page("/audit?person=ANN@staff.test")).contains(">delete<").contains(">add<")
                .doesNotContain(">edit<");
        assertThat(page("/audit?entity=user")).contains(">delete<").contains(">edit<").doesNotContain(">add<");
        assertThat(page("/audit?from=2026-03-02&to=2026-03-02")).contains(">edit<").doesNotContain(">delete<")
                .doesNotContain(">add<").contains("1 entry");
        assertThat(page("/audit?from=2026-03-03")).contains(">delete<").doesNotContain(">edit<");
    }

    @Test
    void longLogsComeInPagesOfFifty() throws Exception {
        for (int i = 0; i < 60; i++) {
            entry(LocalDateTime.parse("2026-03-01T09:00").plusMinutes(i).toString(), "ann@staff.test", "customer",
                    "action-" + i);
        }

        String first = page("/audit");
        String second = page("/audit?page=2");

        assertThat(first).contains(">action-59<").contains(">action-10<").doesNotContain(">action-9<")
                .contains("Page 1 of 2").contains("page=2");
        assertThat(second).contains(">action-9<").contains(">action-0<").doesNotContain(">action-10<")
                .contains("Page 2 of 2");
    }

    @Test
    void hostileValuesAreShownEscapedAndDownloadedAsText() throws Exception {
        audit.record(HOSTILE_ACTOR, "customer", 7, "edit", AuditLog.fields("display_name", HOSTILE_VALUE),
                AuditLog.fields("display_name", "=1+1"));

        String html = page("/audit");
        assertThat(html).doesNotContain(HOSTILE_VALUE)
                .contains("display_name: &lt;script&gt;alert(1)&lt;/script&gt; → =1+1")
                .doesNotContain("<option value=\"=HYPERLINK(\"http");

        MockHttpServletResponse csv = mvc.perform(get("/audit.csv").with(Staff.signedInAs(Staff.ADMIN)))
                .andReturn().getResponse();
        assertThat(csv.getStatus()).isEqualTo(200);
        assertThat(csv.getContentType()).startsWith("text/csv");
        assertThat(csv.getHeader("Content-Disposition")).contains("attachment").contains("audit-log-");
        String text = new String(csv.getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFTime (Sydney),Person,Entity,Id,Action,Before,After");
        assertThat(text).contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")@staff.test\"")
                .contains(HOSTILE_VALUE);
    }

    @Test
    void theDownloadHoldsTheFilteredEntries() throws Exception {
        entry("2026-03-01T09:00", "ann@staff.test", "customer", "add");
        entry("2026-03-02T09:00", "bob@staff.test", "user", "edit");

        String text = mvc.perform(get("/audit.csv?person=bob@staff.test").with(Staff.signedInAs(Staff.ADMIN)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(text.lines()).hasSize(2);
        assertThat(text).contains("2026-03-02 09:00:00,bob@staff.test,user,,edit,,");
    }

    private String page(String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).with(Staff.signedInAs(Staff.ADMIN)))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }

    private void entry(String sydneyTime, String actor, String entity, String action) {
        long at = LocalDateTime.parse(sydneyTime).atZone(ZoneId.of("Australia/Sydney")).toInstant().toEpochMilli();
        db.sql("INSERT INTO audit_log (at, actor, entity, action) VALUES (?, ?, ?, ?)")
                .params(at, actor, entity, action).update();
    }
}
