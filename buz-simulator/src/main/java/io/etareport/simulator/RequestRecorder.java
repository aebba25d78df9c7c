package io.etareport.simulator;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts and remembers report requests; thread-safe. A request is counted and logged the moment it arrives
 * (so a reset can never be overtaken by a request that was already answered); its status is filled in before
 * the answer's first byte is written.
 */
final class RequestRecorder {

    static final int RECENT_LIMIT = 500;

    /** A log entry whose query and status are completed while the request is handled. */
    static final class Entry {
        final Instant at = Instant.now();
        final String method;
        final String code;
        final String entitySet;
        volatile String query;
        volatile int status = -1;

        Entry(String method, String code, String entitySet, String query) {
            this.method = method;
            this.code = code;
            this.entitySet = entitySet;
            this.query = query;
        }

        RequestCounts.RecordedRequest snapshot() {
            return new RequestCounts.RecordedRequest(at, method, code, entitySet, query, status);
        }
    }

    private long total;
    private final Map<String, Long> byCode = new TreeMap<>();
    private final Map<String, Long> byEndpoint = new TreeMap<>();
    private final Deque<Entry> recent = new ArrayDeque<>();

    synchronized Entry arrived(String method, String code, String entitySet, String query) {
        total++;
        byCode.merge(code, 1L, Long::sum);
        byEndpoint.merge(code + "/" + entitySet, 1L, Long::sum);
        if (recent.size() == RECENT_LIMIT) {
            recent.removeFirst();
        }
        Entry entry = new Entry(method, code, entitySet, query);
        recent.addLast(entry);
        return entry;
    }

    synchronized RequestCounts snapshot() {
        return new RequestCounts(total, Collections.unmodifiableMap(new TreeMap<>(byCode)),
                Collections.unmodifiableMap(new TreeMap<>(byEndpoint)),
                recent.stream().map(Entry::snapshot).toList());
    }

    synchronized void reset() {
        total = 0;
        byCode.clear();
        byEndpoint.clear();
        recent.clear();
    }
}
