package io.etareport.buz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import io.etareport.buz.ODataPage.MalformedPageException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.core.exc.JacksonIOException;

class ODataPageTest {

    @Test
    void readsRowsWithTheirJsonTypesAndTheNextLink() {
        ODataPage page = read("""
                {"@odata.context": "x", "value": [
                  {"RefNo": "1", "Qty": 2, "Width": 1200.50, "Rush": true, "Drop": null, "Big": 12345678901234567890}
                ], "@odata.nextLink": "JobsScheduleDetailed?$skiptoken=2"}""");

        Map<String, Object> expected = new HashMap<>();
        expected.put("RefNo", "1");
        expected.put("Qty", 2);
        expected.put("Width", new BigDecimal("1200.50"));
        expected.put("Rush", true);
        expected.put("Drop", null);
        expected.put("Big", new java.math.BigInteger("12345678901234567890"));
        assertThat(page.rows()).containsExactly(expected);
        assertThat(page.rows().get(0).keySet()).containsExactly("RefNo", "Qty", "Width", "Rush", "Drop", "Big");
        assertThat(page.nextLink()).isEqualTo("JobsScheduleDetailed?$skiptoken=2");
    }

    @Test
    void theNextLinkMayComeBeforeTheRows() {
        ODataPage page = read("{\"@odata.nextLink\": \"http://h/x?p=2\", \"value\": [{\"a\": \"b\"}]}");

        assertThat(page.nextLink()).isEqualTo("http://h/x?p=2");
        assertThat(page.rows()).hasSize(1);
    }

    @Test
    void aLastPageHasNoNextLink() {
        assertThat(read("{\"value\": []}").nextLink()).isNull();
        assertThat(read("{\"value\": [], \"@odata.nextLink\": null}").nextLink()).isNull();
    }

    @Test
    void dropsODataAnnotationsInsideRows() {
        ODataPage page = read("""
                {"value": [{"@odata.etag": "W/1", "@odata.id": "x", "Price@odata.type": "#Decimal", "Price": 3}]}""");

        assertThat(page.rows().get(0)).containsOnlyKeys("Price");
    }

    @Test
    void keepsANestedValueAsATreeRatherThanFailing() {
        ODataPage page = read("{\"value\": [{\"Extra\": {\"a\": [1, 2]}, \"RefNo\": \"1\"}]}");

        assertThat(page.rows().get(0).get("Extra")).hasToString("{\"a\":[1,2]}");
        assertThat(page.rows().get(0).get("RefNo")).isEqualTo("1");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "<html><body>Maintenance</body></html>",
            "{\"value\": [{\"RefNo\": \"1\"}",
            "{\"value\": [{\"RefNo\": \"1\"}]} trailing",
            "[{\"RefNo\": \"1\"}]",
            "{\"odata\": []}",
            "{\"value\": {\"RefNo\": \"1\"}}",
            "{\"value\": [\"1\", \"2\"]}",
            "{\"value\": [], \"@odata.nextLink\": 5}",
            "null"})
    void refusesWhatIsNotAnODataPage(String body) {
        assertThatThrownBy(() -> read(body)).isInstanceOf(MalformedPageException.class);
    }

    @Test
    void aFailingStreamIsAnInputErrorNotBadData() {
        InputStream broken = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent < 12) {
                    return "{\"value\": [{".charAt(sent++);
                }
                throw new IOException("connection reset");
            }
        };

        assertThatThrownBy(() -> ODataPage.read(broken)).isInstanceOf(JacksonIOException.class);
    }

    private static ODataPage read(String json) {
        return ODataPage.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
