package io.etareport.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import java.util.Map;

import io.etareport.security.Staff;
import io.etareport.security.StaffWebTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

@StaffWebTest
class OrderLookupControllerTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient db;
    @Autowired
    FakeOrderLookup lookup;

    @BeforeEach
    void data() {
        Staff.reset(db);
        lookup.asked().clear();
        lookup.answer(List.of(Map.of("RefNo", "12345", "FixedLine", 1), Map.of("RefNo", "12345", "FixedLine", 2)));
    }

    @Test
    void anAdminGetsTheOrdersRowsAsJson() throws Exception {
        MockHttpServletResponse response = open("/jobs-schedule/DD/12345");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("application/json");
        assertThat(response.getContentAsString()).contains("\"RefNo\":\"12345\"").contains("\"FixedLine\":2");
        assertThat(lookup.asked()).containsExactly("DD JobsScheduleDetailed 12345");
    }

    @Test
    void workInProgressIsLookedUpOnTheInstanceAskedFor() throws Exception {
        assertThat(open("/wip/cbr/A-77").getStatus()).isEqualTo(200);

        assertThat(lookup.asked()).containsExactly("CBR WorkInProgress A-77");
    }

    @Test
    void anUnknownInstanceIsABadRequest() throws Exception {
        MockHttpServletResponse response = open("/wip/XYZ/12345");

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString())
                .contains("\"status\":400", "\"error\":\"Unknown instance: use DD or CBR.\"",
                        "\"detail\":\"Unknown instance: use DD or CBR.\"", "\"title\":\"Bad Request\"")
                .doesNotContain("\"properties\"");
        assertThat(lookup.asked()).isEmpty();
    }

    @Test
    void somethingThatIsNotAnOrderNumberIsABadRequest() throws Exception {
        MockHttpServletResponse response = open("/jobs-schedule/DD/1' or '1'='1");

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(lookup.asked()).isEmpty();
    }

    @Test
    void anOutageIsA503WithThePlainMessage() throws Exception {
        lookup.failWith(new RuntimeException("The supplier's system is not responding. Try again in a few minutes."));

        MockHttpServletResponse response = open("/jobs-schedule/CBR/12345");

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentAsString()).contains(
                "\"error\":\"The supplier's system is not responding. Try again in a few minutes.\"");
    }

    private MockHttpServletResponse open(String path) throws Exception {
        return mvc.perform(get(path).with(Staff.signedInAs(Staff.ADMIN)).accept("application/json")).andReturn()
                .getResponse();
    }
}
