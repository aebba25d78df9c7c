-- Customers' update mails (issue 22). Times are epoch milliseconds, UTC; dates ISO (YYYY-MM-DD).
-- New tables only: the original service may still open this file.

-- A person who asked for a customer's updates. Pending until confirmed (confirmed_at NULL): nothing is sent to a
-- pending address but its confirmation mail. Deleted on unsubscribe.
CREATE TABLE notify_subscriber (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    customer_id       INTEGER NOT NULL,
    email             TEXT    NOT NULL,
    cadence           TEXT    NOT NULL,          -- 'digest' or 'immediate'
    site_url          TEXT    NOT NULL,          -- where the mail's links point
    link_id           TEXT    NOT NULL,          -- the customer link subscribed to; a new link ends it
    confirm_hash      TEXT,                      -- SHA-256 of the confirmation token; NULL once used
    confirm_expires   INTEGER,
    unsubscribe_token TEXT    NOT NULL UNIQUE,
    created_at        INTEGER NOT NULL,
    confirmed_at      INTEGER,
    last_change_id    INTEGER NOT NULL DEFAULT 0, -- the last change told to this person
    last_sent_at      INTEGER,
    stopped_at        INTEGER,                   -- the mail server refused the address for good
    UNIQUE (customer_id, email)
);
CREATE INDEX notify_subscriber_by_customer ON notify_subscriber (customer_id);

-- What the subscribers of a customer were last told about each order (from the order model, live data only).
CREATE TABLE notify_order_state (
    customer_id INTEGER NOT NULL,
    instance    TEXT    NOT NULL,
    ref_no      TEXT    NOT NULL,
    descn       TEXT,
    expected    TEXT,
    ready       INTEGER NOT NULL,
    overdue     INTEGER NOT NULL,
    PRIMARY KEY (customer_id, instance, ref_no)
);

-- Each change found in a live report: kind 'date_changed', 'ready', 'overdue' or 'finished'.
CREATE TABLE notify_change (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    customer_id INTEGER NOT NULL,
    kind        TEXT    NOT NULL,
    instance    TEXT    NOT NULL,
    ref_no      TEXT    NOT NULL,
    descn       TEXT,
    old_date    TEXT,
    new_date    TEXT,
    seen_at     INTEGER NOT NULL
);
CREATE INDEX notify_change_by_customer ON notify_change (customer_id, id);
CREATE INDEX notify_change_by_time ON notify_change (seen_at);

-- Mails to send, written in the transaction that decides them; idem_key makes one change set one mail.
CREATE TABLE notify_outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    idem_key        TEXT    NOT NULL UNIQUE,
    subscriber_id   INTEGER,
    email           TEXT    NOT NULL,
    subject         TEXT    NOT NULL,
    text_body       TEXT    NOT NULL,
    html_body       TEXT    NOT NULL,
    unsubscribe_url TEXT,
    status          TEXT    NOT NULL,            -- pending, sending, sent, failed, unknown
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    last_error      TEXT,
    created_at      INTEGER NOT NULL,
    sent_at         INTEGER
);
CREATE INDEX notify_outbox_due ON notify_outbox (status, next_attempt_at);
CREATE INDEX notify_outbox_by_subscriber ON notify_outbox (subscriber_id);
