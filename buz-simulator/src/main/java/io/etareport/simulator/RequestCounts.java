package io.etareport.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the simulator received since start or the last reset: every request under {@code /reports/}, counted
 * when it arrives (before latency, faults and authentication), so failed, refused and hanging requests count.
 *
 * @param total       all report requests
 * @param byCode      per instance code ({@code DESDR}, {@code WATSO})
 * @param byEndpoint  per {@code CODE/EntitySet}, e.g. {@code WATSO/JobsScheduleDetailed}; the service document
 *                    and {@code $metadata} count as {@code CODE/} and {@code CODE/$metadata}
 * @param recent      the latest requests (at most {@value RequestRecorder#RECENT_LIMIT}), oldest first
 */
public record RequestCounts(long total, Map<String, Long> byCode, Map<String, Long> byEndpoint,
                            List<RecordedRequest> recent) {

    /** Requests to one entity set of one instance ({@code DD}/{@code CBR} accepted for the code). */
    public long count(String code, String entitySet) {
        return byEndpoint.getOrDefault(BuzSimulator.normaliseCode(code) + "/" + entitySet, 0L);
    }

    /** Requests to one instance. */
    public long count(String code) {
        return byCode.getOrDefault(BuzSimulator.normaliseCode(code), 0L);
    }

    /**
     * The recent requests whose query names this text, e.g. a customer: what one test's customer cost upstream,
     * whatever other tests sharing the simulator asked at the same time.
     */
    public List<RecordedRequest> recentNaming(String text) {
        return recent.stream().filter(request -> request.query() != null && request.query().contains(text)).toList();
    }

    /**
     * One request as received. {@code query} is the decoded query (of the URL, or of the body for a
     * {@code $query} POST); {@code status} is the HTTP status answered, or -1 for a dropped connection or one
     * still hanging.
     */
    public record RecordedRequest(Instant at, String method, String code, String entitySet, String query,
                                  int status) {
    }
}
