-- Column names BuzManager has sent, per instance and entity set: names only, never values. Staff
-- see them on /columns; times are epoch milliseconds, UTC. `kind` is what the values looked like
-- (text, number, date; null while only nulls were seen), so downloads can write numbers and dates
-- as such.
CREATE TABLE buz_column (
    instance   TEXT NOT NULL,
    entity_set TEXT NOT NULL,
    name       TEXT NOT NULL,
    kind       TEXT,
    first_seen INTEGER NOT NULL,
    last_seen  INTEGER NOT NULL,
    PRIMARY KEY (instance, entity_set, name)
);

-- What an admin decided about a column name, for every instance and entity set at once. A name
-- without a row here follows the defaults in application.yml (eta.columns.approved).
CREATE TABLE buz_column_decision (
    name       TEXT PRIMARY KEY,
    approved   INTEGER NOT NULL CHECK (approved IN (0, 1)),
    decided_at INTEGER NOT NULL,
    decided_by TEXT
);
