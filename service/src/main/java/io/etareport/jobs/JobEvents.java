package io.etareport.jobs;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells those waiting on a job (the loading page's event stream) the moment it finishes, so a page learns of it at
 * once instead of at its next poll. In-process only: a page served by another node keeps polling.
 */
@Component
public class JobEvents {

    private static final Logger log = LoggerFactory.getLogger(JobEvents.class);

    private final Map<String, List<Runnable>> waiting = new ConcurrentHashMap<>();

    /** Runs {@code listener} once when the job finishes; call {@link #forget} when no longer interested. */
    public void onFinished(String jobId, Runnable listener) {
        waiting.computeIfAbsent(jobId, id -> new CopyOnWriteArrayList<>()).add(listener);
    }

    public void forget(String jobId, Runnable listener) {
        waiting.computeIfPresent(jobId, (id, listeners) -> {
            listeners.remove(listener);
            return listeners.isEmpty() ? null : listeners;
        });
    }

    /** The job finished (completed or failed): every listener runs, once. */
    void finished(String jobId) {
        List<Runnable> listeners = waiting.remove(jobId);
        if (listeners == null) {
            return;
        }
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                log.debug("A listener of job {} failed", JobId.ref(jobId), e);
            }
        }
    }
}
