-- Several nodes share the jobs: each unfinished job is held by one node (`owner`) until `lease_until`
-- (epoch milliseconds, UTC), which that node's heartbeat pushes forward. A job whose lease ran out
-- belongs to a node that died, and any node fails it. Jobs of the previous version get no lease:
-- they are failed like every unfinished job of a previous process.
ALTER TABLE report_job ADD COLUMN owner TEXT;
ALTER TABLE report_job ADD COLUMN lease_until INTEGER NOT NULL DEFAULT 0;

-- At most one job under way per customer, across all nodes: a second open joins the first. Older
-- duplicates (one process never made them, but a file may hold them) are failed first.
UPDATE report_job
SET status = 'failed', error = 'The service restarted while your report was being prepared. Please try again.',
    finished_at = updated_at
WHERE status IN ('queued', 'running')
  AND EXISTS (SELECT 1 FROM report_job newer
              WHERE newer.customer_id = report_job.customer_id AND newer.status IN ('queued', 'running')
                AND (newer.created_at > report_job.created_at
                     OR (newer.created_at = report_job.created_at AND newer.id > report_job.id)));
CREATE UNIQUE INDEX report_job_one_active_per_customer ON report_job (customer_id)
    WHERE status IN ('queued', 'running');
