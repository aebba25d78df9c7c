-- Named keys of the JSON API (/api/v1). Only a SHA-256 hash of each key is kept: the key itself is
-- shown once, when it is created. Times are epoch milliseconds, UTC.
CREATE TABLE api_key (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT    NOT NULL UNIQUE,
    key_hash    TEXT    NOT NULL UNIQUE,
    key_prefix  TEXT    NOT NULL,
    per_minute  INTEGER NOT NULL CHECK (per_minute > 0),
    created_at  INTEGER NOT NULL,
    created_by  TEXT,
    revoked_at  INTEGER
);

-- One row per API call made with a key: which key, which route (its template, never the ids in
-- it), the answer's status. Kept for 30 days.
CREATE TABLE api_call (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    key_name TEXT    NOT NULL,
    method   TEXT    NOT NULL,
    route    TEXT    NOT NULL,
    status   INTEGER NOT NULL,
    at       INTEGER NOT NULL
);
CREATE INDEX api_call_by_time ON api_call (at);
CREATE INDEX api_call_by_key ON api_call (key_name, at);
