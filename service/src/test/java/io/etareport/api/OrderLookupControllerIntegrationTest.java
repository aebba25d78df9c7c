package io.etareport.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;

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
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Staff order look-ups through the real cached lookup, against the simulator over HTTP. */
@StaffWebTest
class OrderLookupControllerIntegrationTest {

    private static final BuzSimulator SIMULATOR = SimulatedBuzService.SIMULATOR;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient db;

    @BeforeEach
    void data() {
        Staff.reset(db);
        db.sql("DELETE FROM buz_cache").update();
        SIMULATOR.reset();
    }

    @AfterEach
    void putBack() {
        SIMULATOR.reset();
    }

    @Test
    void anAdminGetsTheOrdersRowsAsJson() throws Exception {
        String refNo = anOrder("DESDR", SimulatorDataSet.JOBS_SCHEDULE_DETAILED);
        long lines = SIMULATOR.dataSet().rows("DESDR", SimulatorDataSet.JOBS_SCHEDULE_DETAILED).stream()
                .filter(row -> refNo.equals(row.get("RefNo"))).count();

        MockHttpServletResponse response = open("/jobs-schedule/DD/" + refNo);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("application/json");
        assertThat(json(response).get("source").asString()).isEqualTo("live");
        assertThat(json(response).get("data")).hasSize((int) lines)
                .allSatisfy(row -> assertThat(row.get("RefNo").asString()).isEqualTo(refNo));
        assertThat(asked()).containsExactly("DESDR JobsScheduleDetailed $filter=RefNo eq '" + refNo + "'");
    }

    @Test
    void workInProgressIsLookedUpOnTheInstanceAskedFor() throws Exception {
        String refNo = anOrder("WATSO", SimulatorDataSet.WORK_IN_PROGRESS);

        MockHttpServletResponse response = open("/wip/cbr/" + refNo);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(json(response).get("data")).isNotEmpty();
        assertThat(asked()).containsExactly("WATSO WorkInProgress $filter=RefNo eq '" + refNo + "'");
    }

    @Test
    void anUnknownInstanceIsABadRequest() throws Exception {
        MockHttpServletResponse response = open("/wip/XYZ/12345");

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString())
                .contains("\"status\":400", "\"error\":\"Invalid instance. Use DD or CBR.\"",
                        "\"detail\":\"Invalid instance. Use DD or CBR.\"", "\"title\":\"Bad Request\"",
                        "\"code\":\"BAD_REQUEST\"")
                .doesNotContain("\"properties\"");
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(asked()).isEmpty();
    }

    @Test
    void somethingThatIsNotAnOrderNumberIsABadRequest() throws Exception {
        MockHttpServletResponse response = open("/jobs-schedule/DD/1' or '1'='1");

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(asked()).isEmpty();
    }

    @Test
    void anOutageIsA503WithThePlainMessage() throws Exception {
        SIMULATOR.faults().mode("CBR", FaultMode.HTTP_503);

        MockHttpServletResponse response = open("/jobs-schedule/CBR/12345");

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(json(response).get("error").asString())
                .isEqualTo("The supplier's system is unavailable right now. Please try again in a few minutes.");
        assertThat(json(response).get("code").asString()).isEqualTo("SUPPLIER_UNAVAILABLE");
    }

    private MockHttpServletResponse open(String path) throws Exception {
        return mvc.perform(get(path).with(Staff.signedInAs(Staff.ADMIN)).accept("application/json")).andReturn()
                .getResponse();
    }

    /** An order number with rows in that entity set of that instance. */
    private static String anOrder(String code, String entitySet) {
        return SIMULATOR.dataSet().rows(code, entitySet).stream().map(row -> row.get("RefNo"))
                .filter(String.class::isInstance).map(String.class::cast).filter(ref -> ref.matches("\\d+"))
                .findFirst().orElseThrow();
    }

    /** What reached BuzManager: instance code, entity set and query. */
    private static List<String> asked() {
        return SIMULATOR.requestCounts().recent().stream()
                .map(r -> r.code() + " " + r.entitySet() + " " + r.query()).toList();
    }

    private static JsonNode json(MockHttpServletResponse response) throws Exception {
        return JsonMapper.builder().build().readTree(response.getContentAsString());
    }
}
