-- Statuses staff hide from customers (internal states such as Xero's): customers read the status's stage name
-- instead. Keyed like status_stage: the status trimmed, inner whitespace as one space, lower case, so every
-- spelling of a status is one status. A table of its own: the original service's status_mapping table keeps its
-- meaning (one row per spelling, custom_status, active); V12.1 makes every spelling of a status carry the same
-- custom name there.
CREATE TABLE status_hidden (
    status_key TEXT PRIMARY KEY
);
