package io.etareport.cache;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Live calls under way, one per key, each in a thread of its own so that a caller can stop waiting
 * (and be served a stored copy) while the call carries on and stores its result. Concurrent callers
 * of one key join the call under way. Only work in progress is held, so losing this map (a restart,
 * another node) costs at most an extra upstream call.
 */
final class LiveCalls {

    private final ConcurrentHashMap<String, CompletableFuture<Object>> inFlight = new ConcurrentHashMap<>();
    private final Executor threads;

    /** @param threads runs each call; must start it at once rather than queue it (see {@link CacheExecutors}) */
    LiveCalls(Executor threads) {
        this.threads = threads;
    }

    /**
     * The call under way for {@code key}; else, when {@code mayStart} agrees, a new one running
     * {@code work}; else null. {@code mayStart} is asked only when a call would really start.
     */
    @SuppressWarnings("unchecked")
    <V> CompletableFuture<V> joinOrStart(String key, BooleanSupplier mayStart, Supplier<V> work) {
        CompletableFuture<Object>[] started = new CompletableFuture[1];
        CompletableFuture<Object> call = inFlight.compute(key, (k, running) -> {
            if (running != null) {
                return running;
            }
            if (!mayStart.getAsBoolean()) {
                return null;
            }
            started[0] = new CompletableFuture<>();
            return started[0];
        });
        if (started[0] != null) {
            CompletableFuture<Object> mine = started[0];
            threads.execute(() -> {
                Object value;
                try {
                    value = work.get();
                } catch (RuntimeException | Error e) {
                    inFlight.remove(key, mine);
                    mine.completeExceptionally(e);
                    return;
                }
                // Removed before completing: whoever comes next reads what this call stored.
                inFlight.remove(key, mine);
                mine.complete(value);
            });
        }
        return (CompletableFuture<V>) call;
    }

    /** How many calls are under way. */
    int size() {
        return inFlight.size();
    }
}
