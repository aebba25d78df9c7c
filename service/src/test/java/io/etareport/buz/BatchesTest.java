package io.etareport.buz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatchesTest {

    private final Batches batches = new Batches(4);

    @AfterEach
    void close() {
        batches.close();
    }

    @Test
    void returnsResultsInBatchOrder() {
        assertThat(batches.run(10, 3, index -> "batch " + index))
                .containsExactly("batch 0", "batch 1", "batch 2", "batch 3", "batch 4", "batch 5", "batch 6",
                        "batch 7", "batch 8", "batch 9");
    }

    @Test
    void neverRunsMoreBatchesAtOnceThanAllowed() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        // Each batch waits for a partner, so two run at once however busy the machine is.
        CyclicBarrier pairs = new CyclicBarrier(2);

        batches.run(12, 2, index -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            meet(pairs);
            running.decrementAndGet();
            return index;
        });

        assertThat(most.get()).isEqualTo(2);
    }

    @Test
    void theFirstFailureIsRethrownAndLaterBatchesAreNotStarted() {
        AtomicInteger started = new AtomicInteger();

        assertThatThrownBy(() -> batches.run(50, 1, index -> {
            started.incrementAndGet();
            if (index == 2) {
                throw new IllegalArgumentException("batch 2 failed");
            }
            return index;
        })).hasMessage("batch 2 failed");
        assertThat(started.get()).isEqualTo(3);
    }

    @Test
    void worksOnTheCallingThreadWhenNoHelperIsFree() {
        try (Batches none = new Batches(1)) {
            // Occupy the only helper thread.
            none.run(2, 2, index -> {
                if (index == 0) {
                    assertThat(none.run(3, 2, inner -> inner)).containsExactly(0, 1, 2);
                }
                return index;
            });
        }
    }

    private static void meet(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (BrokenBarrierException | TimeoutException e) {
            throw new IllegalStateException("no second batch ran alongside", e);
        }
    }
}
