package io.etareport.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.etareport.buz.BuzException;
import io.etareport.buz.BuzException.Kind;
import io.etareport.buz.CustomerScope;
import io.etareport.buz.Instance;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

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
    private JdbcClient db;
    private StaleIfErrorCache cache;

    @BeforeEach
    void setUp() {
        db = CacheDatabase.create(dir, clock);
        cache = cacheWith(properties(true, false));
    }

    private StaleIfErrorCache cacheWith(CacheProperties properties) {
        return new StaleIfErrorCache(new CacheStore(db, db), properties, clock, meters, ZoneId.of("Australia/Sydney"));
    }

    private static CacheProperties properties(boolean blackout, boolean force503) {
        return new CacheProperties(Duration.ofMinutes(10), new CacheProperties.Blackout(blackout,
                LocalTime.of(10, 0), LocalTime.of(16, 0)), force503);
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
            var row = db.sql("SELECT payload, row_count, refreshed_at, cooldown_until FROM buz_cache WHERE cache_key = ?")
                    .param("open_orders:DD:customer:Acme Blinds Pty").query().singleRow();
            assertThat(row).containsEntry("payload", "[\"a\",\"b\",\"c\"]")
                    .containsEntry("row_count", 3)
                    .containsEntry("refreshed_at", clock.instant().toEpochMilli())
                    .containsEntry("cooldown_until", null);
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
                "UNAVAILABLE | The supplier's system is unavailable right now (it is switched off for maintenance"
                        + " every day from 10 am to 4 pm Sydney time). Please try again in a few minutes.",
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
            assertThat(cooldownUntil()).as("a refusal is not an outage: no cooldown").isNull();
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
    class CooldownAfterA503 {

        @Test
        void noLiveCallsUntilTheCooldownEndsThenLiveAgain() {
            storeCopy(List.of("old"), "2026-03-03T17:30");
            Loader live = new Loader(() -> {
                throw failure(Kind.UNAVAILABLE);
            }, () -> List.of("new"));

            assertThat(get(live).source()).isEqualTo(Source.CACHE_503);
            assertThat(cooldownUntil()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));

            clock.advance(Duration.ofMinutes(9).plusSeconds(59));
            Fetched<List<String>> during = get(live);
            assertThat(during.source()).isEqualTo(Source.CACHE_COOLDOWN);
            assertThat(during.value()).containsExactly("old");
            assertThat(live.calls()).isEqualTo(1);

            clock.advance(Duration.ofSeconds(1));
            Fetched<List<String>> after = get(live);
            assertThat(after.source()).isEqualTo(Source.LIVE);
            assertThat(after.value()).containsExactly("new");
            assertThat(live.calls()).isEqualTo(2);
            assertThat(cooldownUntil()).as("a success ends the cooldown").isNull();
        }

        @Test
        void withNoCopyTheCooldownFailsWithTheSameMessageWithoutCalling() {
            Loader live = new Loader(() -> {
                throw failure(Kind.UNAVAILABLE);
            }, () -> List.of("new"));
            String message = catchThrowableOfType(UpstreamUnavailableException.class, () -> get(live)).getMessage();

            clock.advance(Duration.ofMinutes(5));
            assertThatThrownBy(() -> get(live))
                    .isInstanceOf(UpstreamUnavailableException.class)
                    .hasMessage(message);
            assertThat(live.calls()).isEqualTo(1);

            clock.advance(Duration.ofMinutes(5));
            assertThat(get(live).source()).isEqualTo(Source.LIVE);
            assertThat(live.calls()).isEqualTo(2);
        }

        @Test
        void otherOutagesStartNoCooldown() {
            storeCopy(List.of("old"), "2026-03-03T17:30");
            Loader live = new Loader(() -> {
                throw failure(Kind.TIMEOUT);
            }, () -> List.of("new"));

            get(live);
            assertThat(get(live).source()).isEqualTo(Source.LIVE);
            assertThat(live.calls()).isEqualTo(2);
        }

        @Test
        void theCooldownBelongsToItsKeyOnly() {
            catchThrowableOfType(UpstreamUnavailableException.class, () -> get(Loader.failingWith(Kind.UNAVAILABLE)));
            Loader statuses = Loader.returning(List.of("Cutting"));

            Fetched<List<String>> other = cache.get(CacheKey.statuses(Instance.DD), STRINGS, statuses, false);

            assertThat(other.source()).isEqualTo(Source.LIVE);
            assertThat(statuses.calls()).isEqualTo(1);
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
        void callsLiveDuringACooldownAndEndsIt() {
            storeCopy(List.of("old"), "2026-03-03T17:30");
            Loader live = new Loader(() -> {
                throw failure(Kind.UNAVAILABLE);
            }, () -> List.of("new"));
            get(live);

            Fetched<List<String>> refreshed = refresh(live);

            assertThat(refreshed.source()).isEqualTo(Source.LIVE);
            assertThat(live.calls()).isEqualTo(2);
            assertThat(cooldownUntil()).isNull();
            assertThat(get(live).source()).isEqualTo(Source.LIVE);
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
            assertThat(cooldownUntil()).isNotNull();
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
            assertThat(results).allSatisfy(result -> assertThat(result)
                    .isInstanceOf(UpstreamUnavailableException.class)
                    .isSameAs(results.get(0)));
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
            get(Loader.failingWith(Kind.UNAVAILABLE));
            get(Loader.failingWith(Kind.UNAVAILABLE));
            CacheKey other = CacheKey.openOrders(Instance.DD, CustomerScope.customer("Zed Shutters"));
            catchThrowableOfType(UpstreamUnavailableException.class,
                    () -> cache.get(other, STRINGS, Loader.failingWith(Kind.REJECTED), false));

            assertThat(output).contains("open_orders:DD:customer source=live rows=1",
                    "open_orders:DD:customer source=cache-503", "open_orders:DD:customer source=cache-cooldown",
                    "open_orders:DD:customer source=failed");
            assertThat(output).doesNotContain("Acme").doesNotContain("Zed");
        }
    }

    private Instant cooldownUntil() {
        List<Instant> until = db.sql("SELECT cooldown_until FROM buz_cache WHERE cache_key = ?").param(KEY.value())
                .query((row, n) -> row.getObject(1) == null ? null : Instant.ofEpochMilli(row.getLong(1))).list();
        assertThat(until).as("one row for the key").hasSize(1);
        return until.get(0);
    }
}
