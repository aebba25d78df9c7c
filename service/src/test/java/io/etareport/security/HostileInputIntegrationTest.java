package io.etareport.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * Whatever staff type into any field is either stored exactly (trimmed) and shown escaped, or
 * refused with a message; never a server error, never markup in the page.
 */
@StaffWebTest
class HostileInputIntegrationTest {

    private static final Map<String, String> VALUES = new LinkedHashMap<>();

    static {
        VALUES.put("script", "<script>alert('x')</script>");
        VALUES.put("sql", "Robert'); DROP TABLE customers; --");
        VALUES.put("attribute", "\"><img src=x onerror=alert(1)>");
        VALUES.put("unicode", "Zoë Østergård — 東京 🚀");
        VALUES.put("email-shaped", "<svg/onload=alert(1)>@example.com");
        VALUES.put("10,000 characters", "x".repeat(10_000));
        VALUES.put("control", "line one\nline two\u0000");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient db;

    private long mapping;

    @BeforeEach
    void data() {
        Staff.reset(db);
        db.sql("DELETE FROM customers").update();
        db.sql("DELETE FROM status_mapping").update();
        db.sql("INSERT INTO status_mapping (odata_status, custom_status) VALUES ('Cutting', 'Cutting')").update();
        mapping = db.sql("SELECT id FROM status_mapping").query(Long.class).single();
    }

    static Stream<Arguments> everyFieldWithEveryHostileValue() {
        String[][] fields = {{"customer", "displayName"}, {"customer", "ddName"}, {"customer", "cbrName"},
                {"customer", "fieldType"}, {"user", "email"}, {"user", "name"}, {"user", "role"},
                {"mapping", "customStatus"}};
        return Stream.of(fields).flatMap(field -> VALUES.keySet().stream()
                .map(name -> Arguments.of(field[0], field[1], name)));
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @MethodSource("everyFieldWithEveryHostileValue")
    void isStoredExactlyAndEscapedOrRefusedWithAMessage(String form, String field, String valueName) throws Exception {
        String value = VALUES.get(valueName);
        String before = everything();

        MockHttpServletResponse response = mvc.perform(submit(form, field, value)).andReturn().getResponse();

        if (acceptable(field, valueName)) {
            assertThat(response.getStatus()).as("stored, then back to the list").isEqualTo(302);
            String expected = field.equals("email") ? value.trim().toLowerCase(Locale.ROOT) : value.trim();
            assertThat(everything()).contains(expected);
            String list = mvc.perform(get(listOf(form)).with(Staff.signedInAs(Staff.ADMIN))).andReturn()
                    .getResponse().getContentAsString();
            assertThat(list).contains(HtmlUtils.htmlEscape(expected, "UTF-8"));
            assertThat(list).doesNotContain("<script>alert").doesNotContain("<img src=x").doesNotContain("<svg");
        } else {
            assertThat(response.getStatus()).as("the form again, with a message").isEqualTo(400);
            assertThat(response.getContentAsString()).containsPattern("class=\"(field-error|form-error)\"")
                    .doesNotContain("<script>alert").doesNotContain("<img src=x").doesNotContain("<svg");
            assertThat(everything()).isEqualTo(before);
        }
        assertThat(db.sql("SELECT count(*) FROM sqlite_master WHERE name = 'customers'").query(Integer.class)
                .single()).isEqualTo(1);
    }

    /** The rules the forms apply: names are free text on one line of at most 200 characters. */
    private static boolean acceptable(String field, String valueName) {
        if (field.equals("fieldType") || field.equals("role")) {
            return false;
        }
        if (valueName.equals("10,000 characters") || valueName.equals("control")) {
            return false;
        }
        return !field.equals("email") || valueName.equals("email-shaped");
    }

    private MockHttpServletRequestBuilder submit(String form, String field, String value) {
        Map<String, String> fields = new LinkedHashMap<>();
        String path = switch (form) {
            case "customer" -> {
                fields.put("displayName", "Valid name");
                fields.put("ddName", "Valid DD name");
                fields.put("cbrName", "");
                fields.put("fieldType", "Customer Name");
                yield "/admin";
            }
            case "user" -> {
                fields.put("email", "valid-" + System.nanoTime() + "@staff.test");
                fields.put("name", "Valid name");
                fields.put("role", "user");
                yield "/manage_users";
            }
            default -> {
                fields.put("customStatus", "Valid name");
                fields.put("active", "true");
                yield "/status_mapping/edit/" + mapping;
            }
        };
        fields.put(field, value);
        MockHttpServletRequestBuilder request = post(path).with(Staff.signedInAs(Staff.ADMIN)).with(csrf());
        fields.forEach(request::param);
        return request;
    }

    private static String listOf(String form) {
        return switch (form) {
            case "customer" -> "/admin";
            case "user" -> "/manage_users";
            default -> "/status_mapping";
        };
    }

    private String everything() {
        return db.sql("SELECT group_concat(x, '|') FROM ("
                + " SELECT coalesce(display_name, '') || '/' || coalesce(dd_name, '') || '/' || coalesce(cbr_name, '')"
                + "   || '/' || field_type AS x FROM customers"
                + " UNION ALL SELECT email || '/' || name || '/' || role FROM users"
                + " UNION ALL SELECT odata_status || '/' || custom_status FROM status_mapping)")
                .query(String.class).single();
    }
}
