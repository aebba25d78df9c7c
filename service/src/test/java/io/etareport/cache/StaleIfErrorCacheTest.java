package io.etareport.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.etareport.buz.BuzException;
import io.etareport.buz.BuzException.Kind;
import io.etareport.buz.CustomerScope;
import io.etareport.buz.Instance;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.core.type.TypeReference;

class StaleIfErrorCacheTest {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final CacheKey KEY = CacheKey.openOrders(Instance.DD, CustomerScope.customer("Acme Blinds Pty"));
    /** 08:00 in Sydney: outside the blackout. */
    private static final String MORNING = "2026-03-04T08:00";

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.atSydney(MORNING);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    /** What {@link CacheExecutors} gives the service: a thread for each call at once. */
    private final ExecutorService liveCalls = Executors.newCachedThreadPool();
    private JdbcClient db;
    private StaleIfErrorCache cache;

    @BeforeEach
    void setUp() {
        db = CacheDatabase.create(dir, clock);
        cache = cacheWith(properties(true, false));
    }

    private StaleIfErrorCache cacheWith(CacheProperties properties) {
        return new StaleIfErrorCache(new CacheStore(db, db), properties, clock, meters, ZoneId.of("Australia/Sydney"),
                liveCalls);
    }

    @AfterEach
    void stopTheCalls() {
        liveCalls.shutdownNow();
    }

    private static CacheProperties properties(boolean blackout, boolean force503) {
        return properties(blackout, force503, Duration.ofSeconds(4));
    }

    private static CacheProperties properties(boolean blackout, boolean force503, Duration staleDeadline) {
        return new CacheProperties(staleDeadline,
                new CacheProperties.Breaker(3, Duration.ofSeconds(30), Duration.ofMinutes(10)),
                new CacheProperties.Blackout(blackout, LocalTime.of(10, 0), LocalTime.of(16, 0)), force503,
                Duration.ofDays(1));
    }

    private Fetched<List<String>> get(Supplier<List<String>> live) {
        return cache.get(KEY, STRINGS, live, false);
    }

    private Fetched<List<String>> refresh(Supplier<List<String>> live) {
        return cache.get(KEY, STRINGS, live, true);
    }

    /** Stores a copy the way the service does: one live success, at the given Sydney time. */
    private Instant storeCopy(List<String> rows, String sydneyTime) {
        Instant before = clock.instant();
        clock.setSydney(sydneyTime);
        Instant refreshedAt = clock.instant();
        assertThat(get(() -> rows).source()).isEqualTo(Source.LIVE);
        clock.set(before);
        return refreshedAt;
    }

    private static BuzException failure(Kind kind) {
        return new BuzException(kind, Instance.DD, 0, "JobsScheduleDetailed on DD failed: " + kind);
    }

    /** A loader that counts its calls and answers with the given results in turn. */
    private static final class Loader implements Supplier<List<String>> {

        private final List<Supplier<List<String>>> answers;
        private final AtomicInteger calls = new AtomicInteger();

        @SafeVarargs
        Loader(Supplier<List<String>>... answers) {
            this.answers = List.of(answers);
        }

        static Loader failingWith(Kind kind) {
            return new Loader(() -> {
                throw failure(kind);
            });
        }

        static Loader returning(List<String> rows) {
            return new Loader(() -> rows);
        }

        @Override
        public List<String> get() {
            int call = calls.getAndIncrement();
            return answers.get(Math.min(call, answers.size() - 1)).get();
        }

        int calls() {
            return calls.get();
        }
    }

    @Nested
    class LiveFirst {

        @Test
        void aLiveSuccessIsReturnedAndStoredWithItsRowCountAndTime() {
            Fetched<List<String>> fetched = get(() -> List.of("a", "b", "c"));

            assertThat(fetched).isEqualTo(new Fetched<>(List.of("a", "b", "c"), Source.LIVE, clock.instant()));
            var row = db.sql("SELECT payload, row_count, refreshed_at FROM buz_cache WHERE cache_key = ?")
                    .param("open_orders:DD:customer:Acme Blinds Pty").query().singleRow();
            assertThat(row).containsEntry("payload", "[\"a\",\"b\",\"c\"]")
                    .containsEntry("row_count", 3)
                    .containsEntry("refreshed_at", clock.instant().toEpochMilli());
        }

        @Test
        void aStoredCopyDoesNotStopALiveCallOutsideTheBlackout() {
            storeCopy(List.of("old"), "2026-03-03T09:00");
            Loader live = Loader.returning(List.of("new"));

            Fetched<List<String>> fetched = get(live);

            assertThat(fetched.value()).containsExactly("new");
            assertThat(fetched.source()).isEqualTo(Source.LIVE);
            assertThat(live.calls()).isEqualTo(1);
        }

        @Test
        void everyFetchIsCountedBySource() {
            get(() -> List.of("a"));
            get(Loader.failingWith(Kind.TIMEOUT));

            assertThat(meters.get("eta.cache.fetch").tags("source", "live", "instance", "DD").counter().count())
                    .isEqualTo(1);
            assertThat(meters.get("eta.cache.fetch").tags("source", "cache-timeout").counter().count()).isEqualTo(1);
        }
    }

    @Nested
    class Fallback {

        @ParameterizedTest
        @CsvSource({
                "UNAVAILABLE, cache-503",
                "SERVER_ERROR, cache-error",
                "TIMEOUT, cache-timeout",
                "CONNECTION, cache-connection",
                "BAD_DATA, cache-error",
                "THROTTLED, cache-error"})
        void anOutageServesTheStoredCopyLabelledWithWhy(Kind kind, String label) {
            Instant refreshedAt = storeCopy(List.of("x", "y"), "2026-03-03T17:30");

            Fetched<List<String>> fetched = get(Loader.failingWith(kind));

            assertThat(fetched).isEqualTo(new Fetched<>(List.of("x", "y"), Source.ofLabel(label), refreshedAt));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "UNAVAILABLE | The supplier's system is unavailable right now. Please try again in a few minutes.",
                "SERVER_ERROR | The supplier's system ran into an error. Please try again in a few minutes.",
                "TIMEOUT | The supplier's system is not responding right now. Please try again in a few minutes.",
                "CONNECTION | We cannot connect to the supplier's system right now. Please try again in a few minutes.",
                "BAD_DATA | The supplier's system sent data we could not read. Please try again in a few minutes.",
                "THROTTLED | The supplier's system is too busy to answer right now. Please try again in a few minutes."})
        void withNoCopyAnOutageFailsWithAPlainMessage(Kind kind, String message) {
            UpstreamUnavailableException failure = catchThrowableOfType(UpstreamUnavailableException.class,
                    () -> get(Loader.failingWith(kind)));

            assertThat(failure).hasMessage(message);
            assertThat(failure.kind()).isEqualTo(kind);
            assertThat(failure.instance()).isEqualTo(Instance.DD);
            assertThat(failure.getCause()).isInstanceOf(BuzException.class);
        }

        @Test
        void aStoredCopyThatCannotBeReadCountsAsNoCopy() {
            db.sql("INSERT INTO buz_cache (cache_key, payload, row_count, refreshed_at) VALUES (?, ?, 1, 0)")
                    .params(KEY.value(), "{not json").update();

            assertThatThrownBy(() -> get(Loader.failingWith(Kind.TIMEOUT)))
                    .isInstanceOf(UpstreamUnavailableException.class)
                    .hasMessageContaining("not responding");
        }

        @Test
        void aRefusedRequestIsNotHiddenBehindTheStoredCopy() {
            storeCopy(List.of("x"), "2026-03-03T17:30");
            Loader refused = Loader.failingWith(Kind.REJECTED);

            UpstreamUnavailableException failure = catchThrowableOfType(UpstreamUnavailableException.class,
                    () -> get(refused));

            assertThat(failure.kind()).isEqualTo(Kind.REJECTED);
            assertThat(failure).hasMessageStartingWith("The supplier's system refused our request");
            assertThat(refused.calls()).isEqualTo(1);
        }

        @Test
        void aBugInTheLoaderIsNeitherMaskedNorReworded() {
            storeCopy(List.of("x"), "2026-03-03T17:30");
            IllegalStateException bug = new IllegalStateException("bug");

            assertThatThrownBy(() -> get(() -> {
                throw bug;
            })).isSameAs(bug);
        }
    }

    @Nested
    class DeadlineThenTheSavedCopy {

        private final CountDownLatch release = new CountDownLatch(1);

        /** Answers "new" once released; until then it is a supplier that has not answered yet. */
        private final Loader held = new Loader(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of("new");
        });

        @BeforeEach
        void shortDeadline() {
            cache = cacheWith(properties(true, false, Duration.ofMillis(100)));
        }

        /** No call may still be writing when the test's database folder is deleted. */
        @org.junit.jupiter.api.AfterEach
        void finishTheCallsLeftRunning() {
            release.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> cache.callsUnderWay() == 0);
        }

        @Test
        void aSlowAnswerGivesTheCopyAtTheDeadlineAndTheCallCarriesOnToRefreshIt() {
            Instant oldCopy = storeCopy(List.of("old"), "2026-03-03T17:30");

            Fetched<List<String>> first = get(held);

            assertThat(first).isEqualTo(new Fetched<>(List.of("old"), Source.CACHE_SLOW, oldCopy));
            release.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> storedPayload().equals("[\"new\"]"));
            assertThat(held.calls()).isEqualTo(1);

            Fetched<List<String>> next = get(() -> List.of("newer"));
            assertThat(next.source()).isEqualTo(Source.LIVE);
            assertThat(next.value()).containsExactly("newer");
        }

        @Test
        void callersWhileTheSlowCallIsOutJoinItRatherThanCallAgain() {
            storeCopy(List.of("old"), "2026-03-03T17:30");

            assertThat(get(held).source()).isEqualTo(Source.CACHE_SLOW);
            assertThat(get(held).source()).isEqualTo(Source.CACHE_SLOW);
            assertThat(get(held).source()).isEqualTo(Source.CACHE_SLOW);

            assertThat(held.calls()).isEqualTo(1);
        }

        @Test
        void withoutACopyTheCallerWaitsForLive() throws Exception {
            Thread releaser = new Thread(() -> {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                release.countDown();
            });
            releaser.start();

            Fetched<List<String>> fetched = get(held);

            assertThat(fetched.source()).isEqualTo(Source.LIVE);
            assertThat(fetched.value()).containsExactly("new");
            releaser.join();
        }

        @Test
        void aSlowCallThatFailsLeavesTheCopyAsItWas() {
            Instant oldCopy = storeCopy(List.of("old"), "2026-03-03T17:30");
            CountDownLatch failNow = new CountDownLatch(1);
            Loader failing = new Loader(() -> {
                try {
                    failNow.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw failure(Kind.TIMEOUT);
            });

            assertThat(get(failing).source()).isEqualTo(Source.CACHE_SLOW);
            failNow.countDown();

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(get(Loader.failingWith(Kind.TIMEOUT)))
                            .isEqualTo(new Fetched<>(List.of("old"), Source.CACHE_TIMEOUT, oldCopy)));
        }
    }

    @Nested
    class BreakerPerInstance {

        private double breakerGauge(Instance instance) {
            return meters.get("eta.breaker.state").tag("instance", instance.name()).gauge().value();
        }

        private final Loader down = new Loader(() -> {
            throw failure(Kind.UNAVAILABLE);
        }, () -> {
            throw failure(Kind.UNAVAILABLE);
        }, () -> {
            throw failure(Kind.UNAVAILABLE);
        }, () -> List.of("new"));

        @Test
        void threeOutagesInARowOpenItThenNoCallUntilOneProbeAfterThirtySeconds() {
            storeCopy(List.of("old"), "2026-03-03T17:30");
            for (int i = 0; i < 3; i++) {
                assertThat(get(down).source()).isEqualTo(Source.CACHE_503);
            }
            assertThat(cache.breakerState(Instance.DD)).isEqualTo("OPEN");
            assertThat(breakerGauge(Instance.DD)).as("open").isEqualTo(2);
            assertThat(breakerGauge(Instance.CBR)).as("the other instance's stays closed").isZero();

            assertThat(get(down)).extracting(Fetched::source, Fetched::value)
                    .containsExactly(Source.CACHE_BREAKER, List.of("old"));
            clock.advance(Duration.ofSeconds(29));
            assertThat(get(down).source()).isEqualTo(Source.CACHE_BREAKER);
            assertThat(down.calls()).as("no upstream call while open").isEqualTo(3);

            clock.advance(Duration.ofSeconds(2));
            Fetched<List<String>> probe = get(down);
            assertThat(probe.source()).isEqualTo(Source.LIVE);
            assertThat(probe.value()).containsExactly("new");
            assertThat(cache.breakerState(Instance.DD)).isEqualTo("CLOSED");
            assertThat(breakerGauge(Instance.DD)).as("closed").isZero();
            assertThat(get(down).source()).isEqualTo(Source.LIVE);
            assertThat(down.calls()).isEqualTo(5);
        }

        @Test
        void withNoCopyAnOpenBreakerAnswersAtOnceWithTheLastCausesMessage() {
            Loader hanging = Loader.failingWith(Kind.TIMEOUT);
            for (int i = 0; i < 3; i++) {
                catchThrowableOfType(UpstreamUnavailableException.class, () -> get(hanging));
            }

            UpstreamUnavailableException refused = catchThrowableOfType(UpstreamUnavailableException.class,
                    () -> get(hanging));

            assertThat(refused).hasMessage("The supplier's system is not responding right now."
                    + " Please try again in a few minutes.");
            assertThat(refused.kind()).isEqualTo(Kind.TIMEOUT);
            assertThat(hanging.calls()).isEqualTo(3);
        }

        @Test
        void aFailedProbeOpensItAgainForAnotherWait() {
            Loader stillDown = Loader.failingWith(Kind.SERVER_ERROR);
            for (int i = 0; i < 3; i++) {
                catchThrowableOfType(UpstreamUnavailableException.class, () -> get(stillDown));
            }
            clock.advance(Duration.ofSeconds(31));
            catchThrowableOfType(UpstreamUnavailableException.class, () -> get(stillDown));
            assertThat(stillDown.calls()).as("the probe").isEqualTo(4);

            clock.advance(Duration.ofSeconds(29));
            catchThrowableOfType(UpstreamUnavailableException.class, () -> get(stillDown));
            assertThat(stillDown.calls()).isEqualTo(4);
        }

        @Test
        void aRetryAfterKeepsItOpenAtLeastThatLong() {
            Loader asked = new Loader(() -> {
                throw new BuzException(Kind.UNAVAILABLE, Instance.DD, 503, "down", null, Duration.ofMinutes(2));
            }, () -> List.of("new"));
            catchThrowableOfType(UpstreamUnavailableException.class, () -> get(asked));
            assertThat(cache.breakerState(Instance.DD)).as("one answer with Retry-After is enough").isEqualTo("OPEN");

            clock.advance(Duration.ofSeconds(119));
            catchThrowableOfType(UpstreamUnavailableException.class, () -> get(asked));
            assertThat(asked.calls()).isEqualTo(1);

            clock.advance(Duration.ofSeconds(2));
            assertThat(get(asked).source()).isEqualTo(Source.LIVE);
        }

        @Test
        void refusedRequestsDoNotOpenIt() {
            Loader refused = Loader.failingWith(Kind.REJECTED);
            for (int i = 0; i < 5; i++) {
                catchThrowableOfType(UpstreamUnavailableException.class, () -> get(refused));
            }

            assertThat(refused.calls()).isEqualTo(5);
            assertThat(cache.breakerState(Instance.DD)).isEqualTo("CLOSED");
        }

        @Test
        void itBelongsToItsInstanceNotToAKey() {
            for (int i = 0; i < 3; i++) {
                catchThrowableOfType(UpstreamUnavailableException.class, () -> get(Loader.failingWith(Kind.CONNECTION)));
            }
            Loader ddStatuses = Loader.returning(List.of("Cutting"));
            Loader cbrStatuses = Loader.returning(List.of("Cutting"));

            catchThrowableOfType(UpstreamUnavailableException.class,
                    () -> cache.get(CacheKey.statuses(Instance.DD), STRINGS, ddStatuses, false));
            Fetched<List<String>> cbr = cache.get(CacheKey.statuses(Instance.CBR), STRINGS, cbrStatuses, false);

            assertThat(ddStatuses.calls()).as("another key of the open instance").isZero();
            assertThat(cbr.source()).isEqualTo(Source.LIVE);
        }

        @Test
        void theMessageMentionsTheSwitchOffOnlyInsideTheWindow() {
            clock.setSydney("2026-03-04T02:00");
            for (int i = 0; i < 3; i++) {
                catchThrowableOfType(UpstreamUnavailableException.class, () -> get(Loader.failingWith(Kind.UNAVAILABLE)));
            }
            assertThatThrownBy(() -> get(down)).hasMessage("The supplier's system is unavailable right now."
                    + " Please try again in a few minutes.");

            clock.setSydney("2026-03-04T11:00");
            assertThatThrownBy(() -> get(down)).hasMessage("The supplier's system is switched off for maintenance"
                    + " every day from 10 am to 4 pm Sydney time, and we have no saved copy of this information yet."
                    + " Please try again after 4 pm Sydney time.");
        }

        @Test
        void aForcedRefreshStillCalls() {
            storeCopy(List.of("old"), "2026-03-03T17:30");
            for (int i = 0; i < 3; i++) {
                get(down);
            }

            assertThat(refresh(down).source()).isEqualTo(Source.LIVE);
        }
    }

    @Nested
    class Blackout {

        @Test
        void insideTheWindowTheCopyIsServedWithoutCalling() {
            Instant refreshedAt = storeCopy(List.of("old"), "2026-03-04T09:30");
            clock.setSydney("2026-03-04T11:00");
            Loader live = Loader.returning(List.of("new"));

            assertThat(get(live)).isEqualTo(new Fetched<>(List.of("old"), Source.CACHE_BLACKOUT, refreshedAt));
            clock.setSydney("2026-03-04T15:59:59");
            assertThat(get(live).source()).isEqualTo(Source.CACHE_BLACKOUT);
            assertThat(live.calls()).isZero();
        }

        @Test
        void outsideTheWindowLiveIsCalled() {
            storeCopy(List.of("old"), "2026-03-04T09:30");
            Loader live = Loader.returning(List.of("new"));

            clock.setSydney("2026-03-04T09:59:59");
            assertThat(get(live).source()).isEqualTo(Source.LIVE);
            clock.setSydney("2026-03-04T16:00");
            assertThat(get(live).source()).isEqualTo(Source.LIVE);
            assertThat(live.calls()).isEqualTo(2);
        }

        @Test
        void withNoCopyLiveIsTriedInCaseTheWindowIsWrong() {
            clock.setSydney("2026-03-04T11:00");
            Loader live = Loader.returning(List.of("new"));

            assertThat(get(live).source()).isEqualTo(Source.LIVE);
            assertThat(live.calls()).isEqualTo(1);
        }

        @Test
        void aNoCopyFailureInsideTheWindowSaysWhenToComeBack() {
            clock.setSydney("2026-03-04T11:00");

            assertThatThrownBy(() -> get(Loader.failingWith(Kind.UNAVAILABLE)))
                    .hasMessage("The supplier's system is switched off for maintenance every day from 10 am to 4 pm"
                            + " Sydney time, and we have no saved copy of this information yet. Please try again"
                            + " after 4 pm Sydney time.");
        }

        @Test
        void switchedOffTheWindowIsIgnored() {
            cache = cacheWith(properties(false, false));
            storeCopy(List.of("old"), "2026-03-04T09:30");
            clock.setSydney("2026-03-04T11:00");
            Loader live = Loader.returning(List.of("new"));

            assertThat(get(live).source()).isEqualTo(Source.LIVE);
        }
    }

    @Nested
    class ForcedRefresh {

        @Test
        void callsLiveInsideTheBlackout() {
            storeCopy(List.of("old"), "2026-03-04T09:30");
            clock.setSydney("2026-03-04T11:00");
            Loader live = Loader.returning(List.of("new"));

            assertThat(refresh(live).source()).isEqualTo(Source.LIVE);
            assertThat(live.calls()).isEqualTo(1);
        }

        @Test
        void stillFallsBackWhenLiveFails() {
            storeCopy(List.of("old"), "2026-03-03T17:30");

            assertThat(refresh(Loader.failingWith(Kind.CONNECTION)).source()).isEqualTo(Source.CACHE_CONNECTION);
        }
    }

    @Nested
    class Force503 {

        @Test
        void everyLiveCallIsA503WithoutCallingUpstream() {
            cache = cacheWith(properties(true, true));
            Loader live = Loader.returning(List.of("new"));

            assertThatThrownBy(() -> get(live))
                    .isInstanceOf(UpstreamUnavailableException.class)
                    .hasMessageStartingWith("The supplier's system is unavailable right now");
            assertThat(live.calls()).isZero();
        }

        @Test
        void theStoredCopyIsServedAsFor503() {
            storeCopy(List.of("old"), "2026-03-03T17:30");
            cache = cacheWith(properties(true, true));
            Loader live = Loader.returning(List.of("new"));

            assertThat(refresh(live).source()).isEqualTo(Source.CACHE_503);
            assertThat(live.calls()).isZero();
        }
    }

    @Nested
    class SharedCalls {

        @Test
        void tenConcurrentCallersShareOneUpstreamCallAndItsResult() throws Exception {
            Loader live = Loader.returning(List.of("a", "b"));

            List<Object> results = concurrently(10, live);

            assertThat(live.calls()).isEqualTo(1);
            assertThat(results).hasSize(10).allSatisfy(result -> assertThat(result).isSameAs(results.get(0)));
            assertThat(((Fetched<?>) results.get(0)).source()).isEqualTo(Source.LIVE);
        }

        @Test
        void waitingCallersGetTheSameFailure() throws Exception {
            Loader live = Loader.failingWith(Kind.TIMEOUT);

            List<Object> results = concurrently(10, live);

            assertThat(live.calls()).isEqualTo(1);
            Exception first = (Exception) results.get(0);
            assertThat(results).allSatisfy(result -> assertThat((Throwable) result)
                    .isInstanceOf(UpstreamUnavailableException.class)
                    .hasMessage(first.getMessage())
                    .cause().isSameAs(first.getCause()));
        }

        @Test
        void aFinishedCallIsNotReused() {
            Loader live = Loader.returning(List.of("a"));

            get(live);
            get(live);

            assertThat(live.calls()).isEqualTo(2);
        }

        /**
         * Starts {@code callers} threads on the same key while the loader is held, waits until
         * every one of them is parked (the leader in the loader, the others on its result), then
         * lets the loader finish. Returns each caller's result or exception.
         */
        private List<Object> concurrently(int callers, Loader loader) throws Exception {
            CountDownLatch release = new CountDownLatch(1);
            Supplier<List<String>> held = () -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return loader.get();
            };
            Object[] results = new Object[callers];
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                int n = i;
                Thread thread = new Thread(() -> {
                    try {
                        results[n] = get(held);
                    } catch (RuntimeException e) {
                        results[n] = e;
                    }
                });
                thread.start();
                threads.add(thread);
            }
            await("every caller parked").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
                    .until(() -> threads.stream().allMatch(t -> t.getState() == Thread.State.WAITING));
            release.countDown();
            for (Thread thread : threads) {
                thread.join(10_000);
            }
            return List.of(results);
        }
    }

    @Nested
    @ExtendWith(OutputCaptureExtension.class)
    class Logs {

        @Test
        void nameTheKeyButNeverTheCustomer(CapturedOutput output) {
            get(() -> List.of("a"));
            for (int i = 0; i < 4; i++) {
                get(Loader.failingWith(Kind.UNAVAILABLE));
            }
            CacheKey other = CacheKey.openOrders(Instance.DD, CustomerScope.customer("Zed Shutters"));
            catchThrowableOfType(UpstreamUnavailableException.class,
                    () -> cache.get(other, STRINGS, Loader.failingWith(Kind.REJECTED), false));

            assertThat(output).contains("open_orders:DD:customer source=live rows=1",
                    "open_orders:DD:customer source=cache-503", "open_orders:DD:customer source=cache-breaker",
                    "open_orders:DD:customer source=failed");
            assertThat(output).doesNotContain("Acme").doesNotContain("Zed");
        }
    }

    private String storedPayload() {
        return db.sql("SELECT payload FROM buz_cache WHERE cache_key = ?").param(KEY.value()).query(String.class)
                .single();
    }
}
