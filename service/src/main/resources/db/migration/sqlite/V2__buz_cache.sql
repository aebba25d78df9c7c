-- Last good copy of every upstream result, served when the supplier's API fails (stale-if-error).
-- The original's `cache` table is left as it was; times here are epoch milliseconds, UTC.
-- A 503 starts a cooldown for its key even when there is no copy yet, so a row may hold only a
-- cooldown: payload, row_count and refreshed_at are then all null.
CREATE TABLE buz_cache (
    cache_key      TEXT PRIMARY KEY,
    payload        TEXT,
    row_count      INTEGER,
    refreshed_at   INTEGER,
    cooldown_until INTEGER,
    CHECK ((payload IS NULL) = (refreshed_at IS NULL) AND (payload IS NULL) = (row_count IS NULL)),
    CHECK (payload IS NOT NULL OR cooldown_until IS NOT NULL)
);
