package io.etareport.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import io.etareport.buz.Instance;
import io.etareport.jobs.Job;
import io.etareport.jobs.JobStatus;

import org.junit.jupiter.api.Test;

/** The loading page's words, as {@code /jobs/<id>} carries them. */
class JobJsonTest {

    private static final Instant NOW = Instant.parse("2026-03-02T01:00:00Z");

    @Test
    void aQueuedJobSaysHowManyReportsAreAheadOfIt() {
        assertThat(JobJson.of(job(JobStatus.QUEUED, "Waiting"), 3).headline())
                .isEqualTo("Waiting for a free worker: 2 reports ahead of yours");
        assertThat(JobJson.of(job(JobStatus.QUEUED, "Waiting"), 2).headline())
                .isEqualTo("Waiting for a free worker: 1 report ahead of yours");
        assertThat(JobJson.of(job(JobStatus.QUEUED, "Waiting"), 1).headline())
                .isEqualTo("Waiting for a free worker: yours is next");
    }

    @Test
    void aRunningJobShowsItsStageAndTheUsualHint() {
        JobJson json = JobJson.of(job(JobStatus.RUNNING, "Processing"), 0);

        assertThat(json.headline()).isEqualTo("Processing");
        assertThat(json.hint()).isEqualTo(JobJson.USUAL_HINT);
        assertThat(json.slow()).isFalse();
        assertThat(json.status()).isEqualTo("running");
        assertThat(json.queued()).isFalse();
    }

    @Test
    void theOriginalsFieldsKeepTheirMeaning() {
        JobJson done = JobJson.of(new Job("id", 1, JobStatus.COMPLETED, 100, "Done", null, List.of("Done"), NOW, NOW,
                NOW, NOW), 0);
        JobJson failed = JobJson.of(new Job("id", 1, JobStatus.FAILED, 40, "Fetching", "It broke", List.of(), NOW,
                NOW, NOW, NOW), 0);

        assertThat(done.status()).isEqualTo("completed");
        assertThat(done.done()).isTrue();
        assertThat(done.pct()).isEqualTo(100);
        assertThat(done.log()).containsExactly("Done");
        assertThat(failed.status()).isEqualTo("failed");
        assertThat(failed.error()).isEqualTo("It broke");
        assertThat(failed.updatedTs()).isEqualTo(NOW.getEpochSecond());
    }

    @Test
    void aJobHeldUpBySlowFactoriesNamesThemAsCustomersKnowThemAndSaysSinceWhen() {
        Instant since = NOW.minusSeconds(25);
        Job job = new Job("id", 1, JobStatus.RUNNING, 10, "Fetching orders", null, List.of("Fetching orders"), NOW,
                NOW, NOW, null, new Job.Waiting(List.of(Instance.DD, Instance.CBR), since));

        JobJson json = JobJson.of(job, 0, instance -> instance == Instance.DD ? "Sydney factory" : instance.name());

        assertThat(json.slow()).isTrue();
        assertThat(json.headline()).isEqualTo("Still waiting for Sydney factory and CBR, 25 s so far");
        assertThat(json.stage()).isEqualTo(json.headline());
        assertThat(json.hint()).isEqualTo(JobJson.SLOW_HINT);
        assertThat(json.waitingFor()).containsExactly("Sydney factory", "CBR");
        assertThat(json.waitingSince()).isEqualTo(since.getEpochSecond());
    }

    @Test
    void aJobNotHeldUpNamesNoFactoryAndNoTime() {
        JobJson json = JobJson.of(job(JobStatus.RUNNING, "Processing"), 0);

        assertThat(json.waitingFor()).isEmpty();
        assertThat(json.waitingSince()).isNull();
    }

    @Test
    void aQueuedJobsStageIsItsPlaceInTheQueueWhateverItsFirstLogLine() {
        JobJson json = JobJson.of(job(JobStatus.QUEUED, "Starting"), 2);

        assertThat(json.stage()).isEqualTo("Waiting for a free worker: 1 report ahead of yours");
        assertThat(json.log()).containsExactly("Starting");
    }

    private static Job job(JobStatus status, String stage) {
        return new Job("00000000-0000-0000-0000-000000000001", 1, status, 10, stage, null, List.of(stage), NOW, NOW,
                NOW, null);
    }
}
