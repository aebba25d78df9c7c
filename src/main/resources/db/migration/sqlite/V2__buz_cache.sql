-- Last good copy of every upstream result, served when the supplier's API fails (stale-if-error).
-- The original's `cache` table is left as it was; times here are epoch milliseconds, UTC.
CREATE TABLE buz_cache (
    cache_key      TEXT PRIMARY KEY,
    payload        TEXT NOT NULL,
    row_count      INTEGER NOT NULL,
    refreshed_at   INTEGER NOT NULL,
    cooldown_until INTEGER
);
