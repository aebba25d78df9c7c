-- When customers open their link (not staff previews, HEAD requests or link-preview robots), for the staff's
-- "last opened" and "opens in the last 30 days". One row per open, so opens at the same moment each count;
-- old rows go with the purge. A new table: the original service never reads it. Times: epoch ms, UTC.
CREATE TABLE link_open (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    opened_at   INTEGER NOT NULL
);
CREATE INDEX link_open_by_customer ON link_open (customer_id, opened_at);
CREATE INDEX link_open_by_time ON link_open (opened_at);
