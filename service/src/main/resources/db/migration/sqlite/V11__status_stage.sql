-- The stage of each status mapping (Received, In production, Ready, Dispatched by default): where an order line
-- with that status is, for the customer's stage tracker. Keyed by the raw status trimmed, with inner whitespace
-- as one space and in lower case, so spellings that differ only in case or spacing share one stage. A table of
-- its own: the original service's status_mapping table is never altered, as the original may still open it.
CREATE TABLE status_stage (
    status_key TEXT PRIMARY KEY,
    stage      TEXT NOT NULL
);
