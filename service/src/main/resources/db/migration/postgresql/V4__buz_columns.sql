-- As the SQLite version: column names BuzManager has sent, and admins' decisions about them.
CREATE TABLE buz_column (
    instance   TEXT NOT NULL,
    entity_set TEXT NOT NULL,
    name       TEXT NOT NULL,
    kind       TEXT,
    first_seen BIGINT NOT NULL,
    last_seen  BIGINT NOT NULL,
    PRIMARY KEY (instance, entity_set, name)
);

CREATE TABLE buz_column_decision (
    name       TEXT PRIMARY KEY,
    approved   INTEGER NOT NULL CHECK (approved IN (0, 1)),
    decided_at BIGINT NOT NULL,
    decided_by TEXT
);
