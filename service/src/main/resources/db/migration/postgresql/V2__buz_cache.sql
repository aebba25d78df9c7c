-- As the SQLite version: last good copy of every upstream result; times are epoch milliseconds, UTC.
CREATE TABLE buz_cache (
    cache_key      TEXT PRIMARY KEY,
    payload        TEXT,
    row_count      INTEGER,
    refreshed_at   BIGINT,
    cooldown_until BIGINT,
    CHECK ((payload IS NULL) = (refreshed_at IS NULL) AND (payload IS NULL) = (row_count IS NULL)),
    CHECK (payload IS NOT NULL OR cooldown_until IS NOT NULL)
);
