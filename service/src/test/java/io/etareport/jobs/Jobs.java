package io.etareport.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Following a report job the way the loading page does, for tests of every package. */
public final class Jobs {

    /** Long enough for a busy machine; a job that is merely slow still passes, a stuck one fails. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Pattern JOB_ID = Pattern.compile("data-job-id=\"([0-9a-f-]{36})\"");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Jobs() {
    }

    /** The job id a loading page names. */
    public static String idOn(String loadingPage) {
        Matcher matcher = JOB_ID.matcher(loadingPage);
        assertThat(matcher.find()).as("the loading page names its job").isTrue();
        return matcher.group(1);
    }

    /** The job's state as {@code /jobs/<id>} answers it. */
    public static JsonNode state(MockMvc mvc, String jobId) throws Exception {
        return JSON.readTree(mvc.perform(get("/jobs/" + jobId)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    /** Polls {@code /jobs/<id>} until the job is done and returns its last state. */
    public static JsonNode awaitFinished(MockMvc mvc, String jobId) {
        return await("job " + jobId + " finished").atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
                .until(() -> state(mvc, jobId), job -> job.get("done").asBoolean());
    }
}
