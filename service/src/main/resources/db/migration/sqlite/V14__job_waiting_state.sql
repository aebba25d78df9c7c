-- A job's progress as a typed state: while the supplier is slow, which instances (codes, comma-separated) the
-- build is waiting for and since when (epoch milliseconds, UTC). The loading page words it; NULL otherwise.
ALTER TABLE report_job ADD COLUMN waiting_for TEXT;
ALTER TABLE report_job ADD COLUMN waiting_since INTEGER;
