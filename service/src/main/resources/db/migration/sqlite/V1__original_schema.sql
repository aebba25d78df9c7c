-- The original Flask service's schema at PRAGMA user_version 7, exactly as it wrote it.
-- A fresh file gets it so that it stays readable by the original (a rollback path);
-- a file written by the original is baselined at this version and never runs it.
CREATE TABLE IF NOT EXISTS customers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    dd_name TEXT,
    cbr_name TEXT,
    obfuscated_id TEXT NOT NULL UNIQUE,
    field_type TEXT NOT NULL DEFAULT 'Customer Name',
    display_name TEXT
);

CREATE TRIGGER IF NOT EXISTS customers_field_type_insert
BEFORE INSERT ON customers
FOR EACH ROW WHEN NEW.field_type NOT IN ('Customer Name', 'Customer Group')
BEGIN
    SELECT RAISE(ABORT, 'field_type must be Customer Name or Customer Group');
END;

CREATE TRIGGER IF NOT EXISTS customers_field_type_update
BEFORE UPDATE OF field_type ON customers
FOR EACH ROW WHEN NEW.field_type NOT IN ('Customer Name', 'Customer Group')
BEGIN
    SELECT RAISE(ABORT, 'field_type must be Customer Name or Customer Group');
END;

CREATE TABLE IF NOT EXISTS users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email TEXT NOT NULL UNIQUE,
    name TEXT,
    role TEXT NOT NULL DEFAULT 'user',
    active INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE IF NOT EXISTS status_mapping (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    odata_status TEXT UNIQUE NOT NULL,
    custom_status TEXT,
    active BOOLEAN NOT NULL DEFAULT TRUE
);

CREATE TABLE IF NOT EXISTS jobs (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    pct INTEGER NOT NULL DEFAULT 0,
    log TEXT NOT NULL DEFAULT '[]',
    error TEXT,
    result TEXT,
    created_at DATETIME DEFAULT CURRENT_TIMESTAMP,
    updated_at DATETIME DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE IF NOT EXISTS cache (
    cache_key TEXT PRIMARY KEY,
    payload_json TEXT NOT NULL,
    updated_at_utc TEXT NOT NULL,
    meta_json TEXT
);

PRAGMA user_version = 7;
