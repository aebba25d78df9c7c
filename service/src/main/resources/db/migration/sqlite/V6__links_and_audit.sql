-- Link rotation, pausing and the audit log.
--
-- The original service may still open this file (to roll back), so its `customers` table keeps
-- exactly its columns: the new facts live in tables of their own, which the original never reads.
-- Rotating a link only changes the value of `customers.obfuscated_id`, so after a rollback the
-- original serves the new link and 404s the old one. It knows no pause: a rollback opens paused
-- links again (the README says so). References cascade on our connections (foreign keys on); the
-- original deletes with foreign keys off, and lookups join `customers`, so rows it orphans are inert.
-- Times are epoch milliseconds, UTC, as in our other tables.

-- Ids a customer's link had before it was replaced: the old link shows a neutral page, never the
-- orders (or, within the configured grace period, still works).
CREATE TABLE retired_link (
    obfuscated_id TEXT PRIMARY KEY,
    customer_id   INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    replaced_at   INTEGER NOT NULL
);
CREATE INDEX retired_link_by_customer ON retired_link (customer_id, replaced_at);

-- Customers whose link is switched off for now (one row while paused).
CREATE TABLE paused_customer (
    customer_id INTEGER PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE,
    paused_at   INTEGER NOT NULL
);

-- Who changed what, when: one row per staff change or sign-in. Values are JSON snapshots of the
-- entity before and after the change (null when it did not exist), never secrets.
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    at          INTEGER NOT NULL,
    actor       TEXT NOT NULL,
    entity      TEXT NOT NULL,
    entity_id   TEXT,
    action      TEXT NOT NULL,
    before_json TEXT,
    after_json  TEXT
);
CREATE INDEX audit_log_by_time ON audit_log (at);
CREATE INDEX audit_log_by_actor ON audit_log (actor, at);
CREATE INDEX audit_log_by_entity ON audit_log (entity, at);
