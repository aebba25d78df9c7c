package io.etareport.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.etareport.buz.Instance;
import io.etareport.cache.MutableClock;
import io.etareport.jobs.Job;
import io.etareport.jobs.JobStatus;

import org.junit.jupiter.api.Test;

/** The loading page's words, as {@code /jobs/<id>} carries them, as of the clock's now. */
class JobJsonTest {

    private static final Instant STARTED = Instant.parse("2026-03-02T01:00:00Z");

    private final MutableClock clock = new MutableClock(STARTED);

    @Test
    void aQueuedJobSaysHowManyReportsAreAheadOfIt() {
        assertThat(JobJson.of(job(JobStatus.QUEUED, "Waiting"), 3, clock.instant()).headline())
                .isEqualTo("Waiting for a free worker: 2 reports ahead of yours");
        assertThat(JobJson.of(job(JobStatus.QUEUED, "Waiting"), 2, clock.instant()).headline())
                .isEqualTo("Waiting for a free worker: 1 report ahead of yours");
        assertThat(JobJson.of(job(JobStatus.QUEUED, "Waiting"), 1, clock.instant()).headline())
                .isEqualTo("Waiting for a free worker: yours is next");
    }

    @Test
    void inItsFirstFiveSecondsARunningJobShowsItsStageAndTheUsualHint() {
        clock.advance(Duration.ofMillis(4_999));

        JobJson json = JobJson.of(job(JobStatus.RUNNING, "Fetching orders from Dandenong factory"), 0,
                clock.instant());

        assertThat(json.headline()).isEqualTo("Fetching orders from Dandenong factory");
        assertThat(json.hint()).isEqualTo(JobJson.USUAL_HINT).contains("a few seconds");
        assertThat(json.patienceLeftMs()).as("the page switches the hint by itself at 5 s").isEqualTo(1);
        assertThat(json.laterHint()).doesNotContain("few seconds");
        assertThat(json.slow()).isFalse();
        assertThat(json.waitingLine()).isNull();
        assertThat(json.status()).isEqualTo("running");
        assertThat(json.queued()).isFalse();
    }

    @Test
    void fromFiveSecondsOnNothingPromisesSpeed() {
        clock.advance(Duration.ofSeconds(5));

        JobJson running = JobJson.of(job(JobStatus.RUNNING, "Processing"), 0, clock.instant());
        JobJson queued = JobJson.of(job(JobStatus.QUEUED, "Waiting"), 1, clock.instant());

        assertThat(running.hint()).isEqualTo(JobJson.LATER_HINT).doesNotContain("few seconds");
        assertThat(running.patienceLeftMs()).isZero();
        assertThat(running.elapsedMs()).isEqualTo(5_000);
        assertThat(queued.hint()).isEqualTo(JobJson.LATER_HINT);
    }

    @Test
    void waitingForAFactoryNamesItByItsDisplayNameAndCountsTheSecondsSinceTheWaitBegan() {
        Job waiting = waiting(STARTED.plusMillis(300), Instance.DD);
        clock.advance(Duration.ofSeconds(12).plusMillis(800));

        JobJson json = JobJson.of(waiting, 0, clock.instant(),
                instance -> instance == Instance.DD ? "Dandenong factory" : instance.name());

        assertThat(json.headline()).isEqualTo("Still waiting for Dandenong factory, 12\u00a0s so far");
        assertThat(json.stage()).isEqualTo(json.headline());
        assertThat(json.waitingLine()).isEqualTo("Still waiting for Dandenong factory, {s}\u00a0s so far");
        assertThat(json.waitedMs()).isEqualTo(12_500);
        assertThat(json.hint()).isEqualTo(JobJson.SLOW_HINT).doesNotContain("few seconds");
        assertThat(json.slow()).isTrue();

        clock.advance(Duration.ofSeconds(1));
        assertThat(JobJson.of(waiting, 0, clock.instant(), instance -> "Dandenong factory").headline())
                .as("a second later").isEqualTo("Still waiting for Dandenong factory, 13\u00a0s so far");
    }

    @Test
    void aFactoryWithoutADisplayNameIsNamedByItsCodeAndSeveralAreJoined() {
        Instant since = STARTED.plusSeconds(1);
        clock.advance(Duration.ofSeconds(26));

        JobJson json = JobJson.of(waiting(since, Instance.DD, Instance.CBR), 0, clock.instant(),
                instance -> instance == Instance.DD ? "Sydney factory" : instance.name());

        assertThat(json.headline()).isEqualTo("Still waiting for Sydney factory and CBR, 25\u00a0s so far");
        assertThat(json.waitingFor()).containsExactly("Sydney factory", "CBR");
        assertThat(json.waitingSince()).isEqualTo(since.getEpochSecond());
    }

    @Test
    void aJobNotHeldUpNamesNoFactoryAndNoTime() {
        JobJson json = JobJson.of(job(JobStatus.RUNNING, "Processing"), 0, clock.instant());

        assertThat(json.waitingFor()).isEmpty();
        assertThat(json.waitingSince()).isNull();
    }

    @Test
    void aQueuedJobsStageIsItsPlaceInTheQueueWhateverItsFirstLogLine() {
        JobJson json = JobJson.of(job(JobStatus.QUEUED, "Starting"), 2, clock.instant());

        assertThat(json.stage()).isEqualTo("Waiting for a free worker: 1 report ahead of yours");
        assertThat(json.log()).containsExactly("Starting");
    }

    @Test
    void theCopyOfferNamesTheCopysTime() {
        assertThat(JobJson.copyOffer("7:21 PM")).isEqualTo("Show the copy from 7:21 PM now");
    }

    @Test
    void theOriginalsFieldsKeepTheirMeaning() {
        JobJson done = JobJson.of(new Job("id", 1, JobStatus.COMPLETED, 100, "Done", null, List.of("Done"), STARTED,
                STARTED, STARTED, STARTED), 0, STARTED);
        JobJson failed = JobJson.of(new Job("id", 1, JobStatus.FAILED, 40, "Fetching", "It broke", List.of(), STARTED,
                STARTED, STARTED, STARTED), 0, STARTED);

        assertThat(done.status()).isEqualTo("completed");
        assertThat(done.done()).isTrue();
        assertThat(done.pct()).isEqualTo(100);
        assertThat(done.log()).containsExactly("Done");
        assertThat(failed.status()).isEqualTo("failed");
        assertThat(failed.error()).isEqualTo("It broke");
        assertThat(failed.updatedTs()).isEqualTo(STARTED.getEpochSecond());
    }

    private static Job job(JobStatus status, String stage) {
        return new Job("00000000-0000-0000-0000-000000000001", 1, status, 10, stage, null, List.of(stage), STARTED,
                STARTED, STARTED, null);
    }

    private static Job waiting(Instant since, Instance... factories) {
        return new Job("00000000-0000-0000-0000-000000000001", 1, JobStatus.RUNNING, 10, "Fetching", null,
                List.of("Fetching"), STARTED, STARTED, STARTED, null, new Job.Waiting(List.of(factories), since));
    }
}
