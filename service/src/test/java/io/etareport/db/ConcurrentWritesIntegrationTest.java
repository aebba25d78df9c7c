package io.etareport.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
@ActiveProfiles("test")
class ConcurrentWritesIntegrationTest {

    @Autowired
    JdbcClient writes;

    @Autowired
    @ReadOnly
    JdbcClient reads;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void fiftyThreadsReadingThenWritingInTransactionsNeverHitSqliteBusyAndLoseNothing() throws Exception {
        int threads = 50;
        int perThread = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            results.add(pool.submit((Callable<Void>) () -> {
                for (int i = 0; i < perThread; i++) {
                    String status = "status-" + thread + "-" + i;
                    // Read, then write, in one transaction: the pattern that upgrades a read lock
                    // and fails with SQLITE_BUSY when writers share several connections.
                    transactions.executeWithoutResult(tx -> {
                        int seen = writes.sql("SELECT count(*) FROM status_mapping").query(Integer.class).single();
                        writes.sql("INSERT INTO status_mapping (odata_status, custom_status) VALUES (?, ?)")
                                .params(status, "seen " + seen).update();
                    });
                    // Reads from the read pool meanwhile must not fail either.
                    reads.sql("SELECT count(*) FROM status_mapping").query(Integer.class).single();
                }
                return null;
            }));
        }
        for (Future<?> result : results) {
            result.get();
        }
        pool.shutdown();

        int rows = reads.sql("SELECT count(*) FROM status_mapping WHERE odata_status LIKE 'status-%'")
                .query(Integer.class).single();
        assertThat(rows).isEqualTo(threads * perThread);
    }

    @Test
    void theReadPoolCannotWrite() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        reads.sql("INSERT INTO users (email) VALUES ('x@example.com')").update())
                .hasMessageContaining("readonly");
    }
}
