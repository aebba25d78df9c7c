-- ETA history: moves of an order's expected date, seen when a report is built from live data.
-- An order is one instance + RefNo. Dates are ISO dates (YYYY-MM-DD) or NULL for "no date"; times are
-- epoch milliseconds, UTC. New tables only: the original service may still open this file.

-- The expected date each order had when a live report last saw it change (or first saw it).
CREATE TABLE eta_seen (
    instance TEXT    NOT NULL,
    ref_no   TEXT    NOT NULL,
    expected TEXT,
    since    INTEGER NOT NULL,
    PRIMARY KEY (instance, ref_no)
);
CREATE INDEX eta_seen_by_time ON eta_seen (since);

-- Each move: the date before, the date after, when it was first seen. Kept for eta.report.history-keep.
CREATE TABLE eta_change (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    instance TEXT    NOT NULL,
    ref_no   TEXT    NOT NULL,
    old_date TEXT,
    new_date TEXT,
    seen_at  INTEGER NOT NULL
);
CREATE INDEX eta_change_by_order ON eta_change (instance, ref_no, seen_at);
CREATE INDEX eta_change_by_time ON eta_change (seen_at);
