package io.etareport.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariDataSource;

import io.etareport.buz.CustomerScope;
import io.etareport.buz.Instance;
import io.etareport.db.DatabaseBackup;
import io.etareport.db.DatabaseMigrator;
import io.etareport.db.DatabaseProperties;
import io.etareport.db.TestPostgres;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import tools.jackson.core.type.TypeReference;

/**
 * Two nodes on one PostgreSQL database, each with its own cache and lock pool: callers of one key spread over
 * both share one upstream call, and keys that differ do not wait for each other.
 */
class ClusterSingleFlightIntegrationTest {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final CacheKey KEY = CacheKey.openOrders(Instance.DD, CustomerScope.customer("Acme Blinds Pty"));
    private static final CacheKey OTHER = CacheKey.openOrders(Instance.DD, CustomerScope.customer("Zed Shutters"));

    private final List<AutoCloseable> pools = new ArrayList<>();
    private JdbcClient db;
    private DatabaseProperties database;

    @BeforeEach
    void database() {
        database = new DatabaseProperties(null, 2, Duration.ofSeconds(5), true, TestPostgres.newDatabase(),
                "postgres", null, 2, 10);
        new DatabaseMigrator(database, new DatabaseBackup(database, Clock.systemUTC(), java.time.ZoneOffset.UTC)).migrate();
        db = JdbcClient.create(new DriverManagerDataSource(database.url(), "postgres", ""));
    }

    @AfterEach
    void closeLocks() throws Exception {
        for (AutoCloseable pool : pools) {
            pool.close();
        }
    }

    @Test
    void tenCallersOnTwoNodesCostOneUpstreamCall() throws Exception {
        List<StaleIfErrorCache> nodes = List.of(node(), node());
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger entered = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(10);
        try {
            List<Future<Fetched<List<String>>>> results = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                StaleIfErrorCache node = nodes.get(i % 2);
                results.add(callers.submit(() -> {
                    entered.incrementAndGet();
                    return node.get(KEY, STRINGS, () -> {
                        calls.incrementAndGet();
                        hold(release);
                        return List.of("order 1", "order 2");
                    }, false);
                }));
            }
            // The upstream call is held until every caller has asked and the other node waits for the lock.
            await().atMost(Duration.ofSeconds(30)).until(() -> entered.get() == 10 && waitingForALock() == 1);
            release.countDown();

            for (Future<Fetched<List<String>>> result : results) {
                Fetched<List<String>> fetched = result.get(30, TimeUnit.SECONDS);
                assertThat(fetched.value()).containsExactly("order 1", "order 2");
                assertThat(fetched.source()).isEqualTo(Source.LIVE);
            }
            assertThat(calls).hasValue(1);
        } finally {
            release.countDown();
            callers.shutdownNow();
        }
    }

    @Test
    void differentKeysDoNotWaitForEachOther() throws Exception {
        StaleIfErrorCache first = node();
        StaleIfErrorCache second = node();
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService callers = Executors.newSingleThreadExecutor();
        try {
            Future<Fetched<List<String>>> held = callers.submit(() -> first.get(KEY, STRINGS, () -> {
                hold(release);
                return List.of("slow");
            }, false));
            await().atMost(Duration.ofSeconds(30)).until(() -> heldLocks() == 1);

            assertThat(second.get(OTHER, STRINGS, () -> List.of("quick"), false).value()).containsExactly("quick");
            release.countDown();
            assertThat(held.get(30, TimeUnit.SECONDS).value()).containsExactly("slow");
        } finally {
            release.countDown();
            callers.shutdownNow();
        }
    }

    /**
     * A node frozen (SIGSTOP) while it holds a key's lock keeps its database session, and with it the lock, for as
     * long as it stays frozen; stood in for by a connection of the test's own that takes the lock and never lets go.
     * With nothing saved the other node stops waiting at the stale deadline and fetches itself.
     */
    @Test
    void aFrozenNodeHoldingTheLockDoesNotStopTheOtherFromAnswering() throws Exception {
        StaleIfErrorCache other = node(Duration.ofSeconds(1));
        try (java.sql.Connection frozen = java.sql.DriverManager.getConnection(database.url(), "postgres", "")) {
            holdForever(frozen, KEY);
            ExecutorService callers = Executors.newSingleThreadExecutor();
            try {
                Future<Fetched<List<String>>> answer = callers.submit(() ->
                        other.get(KEY, STRINGS, () -> List.of("fetched itself"), false));

                assertThat(answer).succeedsWithin(Duration.ofSeconds(20)).satisfies(fetched -> {
                    assertThat(fetched.value()).containsExactly("fetched itself");
                    assertThat(fetched.source()).isEqualTo(Source.LIVE);
                });
                assertThat(heldLocks()).as("the frozen node still holds its lock").isEqualTo(1);
            } finally {
                callers.shutdownNow();
            }
        }
    }

    /** With a saved copy the caller gets it at the deadline, and the waiting live call still gets through. */
    @Test
    void aFrozenNodeHoldingTheLockLeavesTheSavedCopyAndThenAFreshOne() throws Exception {
        StaleIfErrorCache other = node(Duration.ofSeconds(1));
        other.get(KEY, STRINGS, () -> List.of("saved"), false);
        try (java.sql.Connection frozen = java.sql.DriverManager.getConnection(database.url(), "postgres", "")) {
            holdForever(frozen, KEY);
            ExecutorService callers = Executors.newSingleThreadExecutor();
            try {
                Future<Fetched<List<String>>> answer = callers.submit(() ->
                        other.get(KEY, STRINGS, () -> List.of("fresh"), false));

                assertThat(answer).succeedsWithin(Duration.ofSeconds(20))
                        .satisfies(fetched -> assertThat(fetched.value()).containsExactly("saved"));
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                        assertThat(other.get(KEY, STRINGS, () -> List.of("fresh"), false).value())
                                .containsExactly("fresh"));
            } finally {
                callers.shutdownNow();
            }
        }
    }

    private static void holdForever(java.sql.Connection connection, CacheKey key) throws java.sql.SQLException {
        try (java.sql.PreparedStatement lock = connection.prepareStatement(
                "SELECT pg_advisory_lock(hashtextextended(?, 0))")) {
            lock.setString(1, key.value());
            lock.executeQuery().close();
        }
    }

    private StaleIfErrorCache node() {
        return node(Duration.ofSeconds(4));
    }

    private StaleIfErrorCache node(Duration staleDeadline) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(database.url());
        pool.setUsername("postgres");
        JdbcClient client = JdbcClient.create(pool);
        CacheProperties properties = new CacheProperties(staleDeadline,
                new CacheProperties.Breaker(3, Duration.ofSeconds(30), Duration.ofMinutes(10)),
                new CacheProperties.Blackout(false, java.time.LocalTime.of(10, 0), java.time.LocalTime.of(16, 0)), false,
                Duration.ofDays(1));
        AdvisoryClusterLock lock = ClusterLockConfig.advisoryLock(database, properties);
        pools.add(lock);
        pools.add(pool);
        java.util.concurrent.ExecutorService liveCalls = Executors.newCachedThreadPool();
        pools.add(liveCalls::shutdownNow);
        return new StaleIfErrorCache(new CacheStore(client, client), properties, Clock.systemUTC(),
                new SimpleMeterRegistry(), java.time.ZoneId.of("Australia/Sydney"), liveCalls, lock);
    }

    private int waitingForALock() {
        return db.sql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
                        + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")
                .query(Integer.class).single();
    }

    private int heldLocks() {
        return db.sql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
                        + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")
                .query(Integer.class).single();
    }

    private static void hold(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
