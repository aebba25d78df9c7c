-- As the SQLite version: the stage of each status (any spelling), beside the original's status_mapping table.
CREATE TABLE status_stage (
    status_key TEXT PRIMARY KEY,
    stage      TEXT NOT NULL
);
