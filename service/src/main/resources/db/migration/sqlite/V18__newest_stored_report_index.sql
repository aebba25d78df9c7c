-- Each customer's newest stored report (the staff desk asks on every open) is found from this index alone,
-- never reading a job's row: the rows hold the stored report, and walking past it made the question slow.
CREATE INDEX report_job_stored ON report_job (customer_id, finished_at, id)
    WHERE status = 'completed' AND result IS NOT NULL;
