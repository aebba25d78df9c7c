-- Report jobs, polled by the loading page. The log is appended row by row, never rewritten.
-- The original's `jobs` table is left as it was; times here are epoch milliseconds, UTC.
CREATE TABLE report_job (
    id           TEXT PRIMARY KEY,
    customer_id  INTEGER NOT NULL,
    status       TEXT NOT NULL,
    pct          INTEGER NOT NULL DEFAULT 0,
    stage        TEXT,
    error        TEXT,
    result       TEXT,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    heartbeat_at INTEGER NOT NULL,
    finished_at  INTEGER
);
CREATE INDEX report_job_by_customer ON report_job (customer_id, created_at);
CREATE INDEX report_job_by_status ON report_job (status, finished_at);

CREATE TABLE report_job_log (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    job_id  TEXT NOT NULL REFERENCES report_job (id) ON DELETE CASCADE,
    at      INTEGER NOT NULL,
    message TEXT NOT NULL
);
CREATE INDEX report_job_log_by_job ON report_job_log (job_id, id);
