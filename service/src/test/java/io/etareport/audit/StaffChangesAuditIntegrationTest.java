package io.etareport.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.Map;

import io.etareport.OnPostgres;
import io.etareport.security.Staff;
import io.etareport.security.StaffWebTest;
import io.etareport.SimulatedBuzService;
import io.etareport.simulator.SimulatorDataSet;
import io.etareport.statuses.Spelling;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every staff change made through the pages writes exactly one audit entry: who, what, and the
 * values before and after. Links appear only as fingerprints ({@code 012345…}); a new random link as
 * {@code NEW…}.
 */
@StaffWebTest
class StaffChangesAuditIntegrationTest {

    private static final String LINK = "0123456789abcdef0123456789abcdef";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient db;

    private long customer;
    private long target;
    private long mapping;

    @BeforeEach
    void data() {
        Staff.reset(db);
        target = Staff.add(db, "target@staff.test", "Tess Target", "user", true);
        db.sql("DELETE FROM customers").update();
        db.sql("INSERT INTO customers (dd_name, obfuscated_id, field_type, display_name)"
                + " VALUES ('Acme', ?, 'Customer Name', 'Acme')").param(LINK).update();
        customer = db.sql("SELECT id FROM customers").query(Long.class).single();
        db.sql("DELETE FROM status_mapping").update();
        db.sql("INSERT INTO status_mapping (odata_status, custom_status, active) VALUES ('Cutting', 'Cutting', 1)")
                .update();
        db.sql("INSERT INTO status_mapping (odata_status, custom_status, active) VALUES ('Gone', 'Old name', 1)")
                .update();
        mapping = db.sql("SELECT id FROM status_mapping WHERE odata_status = 'Cutting'").query(Long.class).single();
        // Every spelling the simulator reports is mapped already except "Sewing", so a refresh adds exactly that one.
        // One status, one name: each spelling is named after its status's mixed-case spelling ("CUTTING" as
        // "Cutting"), as the staff page and migration V12.1 leave them.
        Map<String, String> names = new java.util.HashMap<>();
        simulatorStatuses().stream().sorted(java.util.Comparator.comparing(StaffChangesAuditIntegrationTest::shouting))
                .forEach(status -> names.putIfAbsent(Spelling.key(status), status));
        for (String status : simulatorStatuses()) {
            if (!List.of("Cutting", "Sewing").contains(status)) {
                db.sql("INSERT INTO status_mapping (odata_status, custom_status, active) VALUES (?, ?, 1)")
                        .params(status, names.get(Spelling.key(status))).update();
            }
        }
        db.sql("DELETE FROM audit_log").update();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            /admin                        | displayName=New&ddName=New+DD&fieldType=Customer+Name | -      | customer        | new  | add    | -  | {"display_name":"New","dd_name":"New DD","cbr_name":null,"field_type":"Customer Name","link":"NEW…"}
            /admin/edit/{customer}        | displayName=Acme&ddName=Acme+2&cbrName=Acme+CBR&fieldType=Customer+Group | - | customer | {customer} | edit | {"display_name":"Acme","dd_name":"Acme","cbr_name":null,"field_type":"Customer Name","link":"012345…"} | {"display_name":"Acme","dd_name":"Acme 2","cbr_name":"Acme CBR","field_type":"Customer Group","link":"012345…"}
            /admin/delete/{customer}      |                                                    | -      | customer        | {customer} | delete | {"display_name":"Acme","dd_name":"Acme","cbr_name":null,"field_type":"Customer Name","link":"012345…"} | -
            /admin/link/{customer}        | current=0123456789abcdef0123456789abcdef           | -      | customer link   | {customer} | new link | {"link":"012345…"} | {"link":"NEW…"}
            /admin/pause/{customer}       |                                                    | -      | customer link   | {customer} | pause  | {"paused":false} | {"paused":true}
            /admin/resume/{customer}      |                                                    | paused | customer link   | {customer} | resume | {"paused":true}  | {"paused":false}
            /manage_users                 | email=New@Staff.test&name=Nina+New&role=admin      | -      | user            | new  | add    | -  | {"email":"new@staff.test","name":"Nina New","role":"admin","active":true}
            /manage_users/edit/{target}   | email=target@staff.test&name=Tess+T&role=admin     | -      | user            | {target} | edit | {"email":"target@staff.test","name":"Tess Target","role":"user","active":true} | {"email":"target@staff.test","name":"Tess T","role":"admin","active":true}
            /manage_users/toggle/{target} |                                                    | -      | user            | {target} | deactivate | {"email":"target@staff.test","name":"Tess Target","role":"user","active":true} | {"email":"target@staff.test","name":"Tess Target","role":"user","active":false}
            /manage_users/delete/{target} |                                                    | -      | user            | {target} | delete | {"email":"target@staff.test","name":"Tess Target","role":"user","active":true} | -
            /status_mapping/edit/{mapping} | customStatus=Being+cut&active=false               | -      | status mapping  | {mapping} | edit | {"odata_status":"Cutting","custom_status":"Cutting","active":true,"spellings":["Cutting","CUTTING"]} | {"odata_status":"Cutting","custom_status":"Being cut","active":false,"spellings":["Cutting","CUTTING"]}
            /refresh_statuses             |                                                    | -      | status mapping  | -    | refresh from Buz | {"Gone":{"custom_status":"Old name","active":true}} | {"Gone":{"custom_status":"Old name","active":false},"Sewing":{"custom_status":"Sewing","active":true}}
            """)
    void eachStaffChangeWritesOneEntryWithTheValuesBeforeAndAfter(String path, String body, String setup,
                                                                  String entity, String entityId, String action,
                                                                  String before, String after) throws Exception {
        if ("paused".equals(setup)) {
            db.sql("INSERT INTO paused_customer (customer_id, paused_at) VALUES (?, 0)").param(customer).update();
        }

        MockHttpServletResponse response = mvc.perform(post(ids(path))
                        .contentType("application/x-www-form-urlencoded").content(body == null ? "" : body)
                        .with(csrf()).with(Staff.signedInAs(Staff.ADMIN)))
                .andReturn().getResponse();

        assertThat(response.getStatus()).as("the change went through").isEqualTo(302);
        List<Map<String, Object>> rows = db.sql("SELECT * FROM audit_log").query().listOfRows();
        assertThat(rows).hasSize(1);
        Map<String, Object> row = rows.get(0);
        assertThat(row.get("actor")).isEqualTo(Staff.ADMIN);
        assertThat(row.get("entity")).isEqualTo(entity);
        assertThat(row.get("action")).isEqualTo(action);
        if ("new".equals(entityId)) {
            assertThat((String) row.get("entity_id")).matches("\\d+");
        } else {
            assertThat(row.get("entity_id")).isEqualTo(entityId == null ? null : ids(entityId));
        }
        assertThat(json((String) row.get("before_json"))).isEqualTo(json(before));
        assertThat(json(newLinks((String) row.get("after_json")))).isEqualTo(json(after));
        assertThat(((Number) row.get("at")).longValue()).isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            /admin                        | displayName=&ddName=&cbrName=&fieldType=Customer+Name
            /manage_users                 | email=admin@staff.test&name=Dup&role=user
            /manage_users/edit/{admin}    | email=admin@staff.test&name=Ada&role=user
            /manage_users/toggle/{admin}  |
            """)
    void aRefusedChangeWritesNothing(String path, String body) throws Exception {
        db.sql("DELETE FROM users WHERE email = 'target@staff.test'").update();

        mvc.perform(post(ids(path)).contentType("application/x-www-form-urlencoded")
                .content(body == null ? "" : body).with(csrf()).with(Staff.signedInAs(Staff.ADMIN)));

        assertThat(db.sql("SELECT count(*) FROM audit_log").query(Integer.class).single()).isZero();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /columns/approve        | name=Thickness  | column  | Thickness | approve   | {"shown":false} | {"shown":true}
            /columns/hold-back      | name=Width      | column  | Width     | hold back | {"shown":true}  | {"shown":false}
            /staff/api-keys         | name=reporting  | api key | reporting | create    | -               | {"name":"reporting","prefix":"PREFIX","per_minute":7,"active":true}
            /staff/api-keys/revoke  | name=old-tool   | api key | old-tool  | revoke    | {"active":true} | {"active":false}
            """)
    void columnDecisionsAndApiKeysAreRecordedToo(String path, String body, String entity, String entityId,
                                                 String action, String before, String after) throws Exception {
        db.sql("DELETE FROM api_key").update();
        db.sql("DELETE FROM buz_column_decision").update();
        db.sql("INSERT INTO api_key (name, key_hash, key_prefix, per_minute, created_at, created_by)"
                + " VALUES ('old-tool', 'x', 'eta_abcd', 5, 0, 'someone')").update();

        MockHttpServletResponse response = mvc.perform(post(path).contentType("application/x-www-form-urlencoded")
                        .content(body + "&perMinute=7").with(csrf()).with(Staff.signedInAs(Staff.ADMIN)))
                .andReturn().getResponse();

        assertThat(response.getStatus()).as("the change went through").isIn(200, 302);
        List<Map<String, Object>> rows = db.sql("SELECT * FROM audit_log").query().listOfRows();
        assertThat(rows).hasSize(1);
        Map<String, Object> row = rows.get(0);
        assertThat(row.get("actor")).isEqualTo(Staff.ADMIN);
        assertThat(row.get("entity")).isEqualTo(entity);
        assertThat(row.get("entity_id")).isEqualTo(entityId);
        assertThat(row.get("action")).isEqualTo(action);
        assertThat(json((String) row.get("before_json"))).isEqualTo("-".equals(before) ? null : json(before));
        String prefix = db.sql("SELECT key_prefix FROM api_key WHERE name = ?").param(entityId)
                .query(String.class).optional().orElse("");
        assertThat(json((String) row.get("after_json"))).isEqualTo(json(after.replace("PREFIX", prefix)));
        assertThat((String) row.get("after_json")).as("never the key itself").doesNotContain("key_hash");
    }

    /** The audit row is part of the decision: when it cannot be written, the column is not decided either. */
    @ParameterizedTest
    @CsvSource({"/columns/approve, Thickness", "/columns/hold-back, Width"})
    void aColumnDecisionWhoseAuditRowFailsIsNotMade(String path, String name) throws Exception {
        db.sql("DELETE FROM buz_column_decision").update();
        boolean postgres = getClass().isAnnotationPresent(OnPostgres.class);
        if (postgres) {
            db.sql("CREATE FUNCTION audit_down() RETURNS trigger LANGUAGE plpgsql AS"
                    + " $$ BEGIN RAISE EXCEPTION 'audit log unavailable'; END $$").update();
            db.sql("CREATE TRIGGER audit_down BEFORE INSERT ON audit_log FOR EACH ROW"
                    + " WHEN (NEW.entity = 'column') EXECUTE FUNCTION audit_down()").update();
        } else {
            db.sql("CREATE TRIGGER audit_down BEFORE INSERT ON audit_log WHEN NEW.entity = 'column'"
                    + " BEGIN SELECT RAISE(ABORT, 'audit log unavailable'); END").update();
        }
        try {
            try {
                mvc.perform(post(path).param("name", name).with(csrf()).with(Staff.signedInAs(Staff.ADMIN)))
                        .andReturn();
            } catch (Exception expected) {
                // the failed write surfaces as an error; what matters is what was left behind
            }
        } finally {
            if (postgres) {
                db.sql("DROP TRIGGER audit_down ON audit_log").update();
                db.sql("DROP FUNCTION audit_down()").update();
            } else {
                db.sql("DROP TRIGGER audit_down").update();
            }
        }
        assertThat(db.sql("SELECT count(*) FROM buz_column_decision").query(Integer.class).single()).isZero();
        assertThat(db.sql("SELECT count(*) FROM audit_log").query(Integer.class).single()).isZero();
    }

    private String ids(String text) {
        long admin = db.sql("SELECT id FROM users WHERE email = ?").param(Staff.ADMIN).query(Long.class).single();
        return text.replace("{customer}", String.valueOf(customer)).replace("{target}", String.valueOf(target))
                .replace("{mapping}", String.valueOf(mapping)).replace("{admin}", String.valueOf(admin));
    }

    /** A fresh random link cannot be in the table; its fingerprint must still be one. */
    private static String newLinks(String json) {
        return json == null ? null : json.replaceAll("\"link\":\"(?!012345…)[0-9a-f]{6}…\"", "\"link\":\"NEW…\"");
    }

    private static JsonNode json(String text) {
        return text == null ? null : JsonMapper.shared().readTree(text);
    }

    /** Whether a spelling is all one case (a status is named after a mixed-case spelling where it has one). */
    private static boolean shouting(String status) {
        return status.equals(status.toUpperCase(java.util.Locale.ROOT))
                || status.equals(status.toLowerCase(java.util.Locale.ROOT));
    }

    /** The statuses "Refresh from Buz" will see: those of open lines on either instance. */
    private static java.util.Set<String> simulatorStatuses() {
        java.util.Set<String> statuses = new java.util.TreeSet<>();
        for (String code : List.of("DESDR", "WATSO")) {
            for (Map<String, Object> row : SimulatedBuzService.SIMULATOR.dataSet()
                    .rows(code, SimulatorDataSet.JOBS_SCHEDULE_DETAILED)) {
                if ("Work in Progress".equals(row.get("OrderStatus")) && row.get("ProductionStatus") instanceof String raw
                        && !raw.isBlank()) {
                    statuses.add(raw.trim());
                }
            }
        }
        return statuses;
    }
}
