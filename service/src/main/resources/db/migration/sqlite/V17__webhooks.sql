-- Webhooks for integrators (issue 22, part 4). Times are epoch milliseconds, UTC.
-- New tables only: the original service may still open this file.

-- An integrator's endpoint. The secret is kept as given out (whsec_...), since every delivery is signed with it;
-- it is shown to staff once, when made or rotated. events: comma-separated event types (order.ready, ...).
CREATE TABLE webhook_endpoint (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    url             TEXT    NOT NULL,
    events          TEXT    NOT NULL,
    all_customers   INTEGER NOT NULL,            -- 1: every customer; 0: those in webhook_endpoint_customer
    secret          TEXT    NOT NULL,
    enabled         INTEGER NOT NULL DEFAULT 1,
    failing_since   INTEGER,                     -- the first failed attempt since the last success
    disabled_at     INTEGER,                     -- switched off after failing for eta.webhooks.disable-after
    created_at      INTEGER NOT NULL,
    created_by      TEXT
);

CREATE TABLE webhook_endpoint_customer (
    endpoint_id INTEGER NOT NULL,
    customer_id INTEGER NOT NULL,
    PRIMARY KEY (endpoint_id, customer_id)
);

-- One event for one endpoint, written in the transaction that records the change. msg_id is the webhook-id header:
-- the same on every attempt, so a receiver can drop a repeat. status: pending, sending, delivered, failed (gave up),
-- refused (the address was not allowed at delivery time).
CREATE TABLE webhook_delivery (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    endpoint_id      INTEGER NOT NULL,
    msg_id           TEXT    NOT NULL UNIQUE,
    event_type       TEXT    NOT NULL,
    payload          TEXT    NOT NULL,
    status           TEXT    NOT NULL,
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  INTEGER NOT NULL,
    last_attempt_at  INTEGER,
    last_status_code INTEGER,
    last_error       TEXT,
    created_at       INTEGER NOT NULL,
    delivered_at     INTEGER
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (status, next_attempt_at);
CREATE INDEX webhook_delivery_by_endpoint ON webhook_delivery (endpoint_id, created_at);
CREATE INDEX webhook_delivery_by_time ON webhook_delivery (created_at);
