package io.etareport.security;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/**
 * A ceiling on the sessions one node keeps in memory: past {@code max}, the oldest are ended first. Only people
 * signing in get a session, so the ceiling is far above any real need; it bounds what a flood of sign-in attempts
 * can hold. (Sessions in PostgreSQL are capped by {@link SessionTableCap}.)
 */
final class SessionCap implements HttpSessionListener {

    private final int max;
    /** Live sessions, oldest first. */
    private final Map<String, HttpSession> live = new LinkedHashMap<>();

    SessionCap(int max) {
        this.max = Math.max(1, max);
    }

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        HttpSession oldest = null;
        synchronized (live) {
            live.put(event.getSession().getId(), event.getSession());
            if (live.size() > max) {
                Iterator<HttpSession> first = live.values().iterator();
                oldest = first.next();
                first.remove();
            }
        }
        if (oldest != null) {
            try {
                oldest.invalidate();
            } catch (IllegalStateException alreadyEnded) {
                // it ended on its own meanwhile
            }
        }
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        synchronized (live) {
            live.remove(event.getSession().getId());
        }
    }

    int live() {
        synchronized (live) {
            return live.size();
        }
    }
}
