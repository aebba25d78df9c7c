package io.etareport.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers what was sent to Sentry lately, so that an error repeated by every request during an
 * outage is sent once a minute rather than hundreds of times. Bounded: the oldest keys are
 * forgotten first.
 */
final class RecentEvents {

    private final Clock clock;
    private final Duration window;
    private final int maxKeys;
    /** Key → when it was last sent; kept in sending order. */
    private final LinkedHashMap<String, Instant> sent = new LinkedHashMap<>();

    RecentEvents(Clock clock, Duration window, int maxKeys) {
        this.clock = clock;
        this.window = window;
        this.maxKeys = maxKeys;
    }

    /** True, and remembered as sent now, unless the same key was sent within the window. */
    synchronized boolean shouldSend(String key) {
        Instant now = clock.instant();
        forgetOlderThan(now.minus(window));
        if (sent.containsKey(key)) {
            return false;
        }
        sent.put(key, now);
        if (sent.size() > maxKeys) {
            Iterator<Map.Entry<String, Instant>> oldest = sent.entrySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }

    synchronized int size() {
        return sent.size();
    }

    private void forgetOlderThan(Instant cutoff) {
        Iterator<Map.Entry<String, Instant>> entries = sent.entrySet().iterator();
        while (entries.hasNext() && !entries.next().getValue().isAfter(cutoff)) {
            entries.remove();
        }
    }
}
