-- Jobs settled in a period (issue 8). A finished job whose every event lies inside a period costs
-- it exactly its final cost (JobAccrual.in: from zero at its first event to the locked final cost by
-- its last), so budgets and alerts sum final costs over an index instead of loading and replaying
-- the events of every job that ran in the period: some hundred thousand jobs a month at the
-- benchmark's scale, where only those that straddle the period's start or end, or have not
-- finished, still need their events. Job.follow and Job.cancel set the span when a job finishes.
ALTER TABLE jobs
  ADD COLUMN first_event_at DATETIME(6) NULL,
  ADD COLUMN last_event_at  DATETIME(6) NULL;

UPDATE jobs j
  JOIN (SELECT job_id, MIN(occurred_at) AS first_at, MAX(occurred_at) AS last_at
          FROM job_events GROUP BY job_id) e ON e.job_id = j.id
   SET j.first_event_at = e.first_at, j.last_event_at = e.last_at
 WHERE j.status IN ('COMPLETED', 'FAILED', 'CANCELLED') AND j.final_cost IS NOT NULL;

-- Covering: the sums (and the sums by client) of a period's settled jobs read a range of these
-- indexes and no row of the table; one for the whole organisation and one per scope attribute
-- (four VARCHAR(200) columns in one key would pass InnoDB's 3,072-byte limit).
CREATE INDEX ix_jobs_settled ON jobs (first_event_at, last_event_at, status, final_cost, client);
CREATE INDEX ix_jobs_settled_client
  ON jobs (client, first_event_at, last_event_at, status, final_cost);
CREATE INDEX ix_jobs_settled_project
  ON jobs (project, first_event_at, last_event_at, status, final_cost);
CREATE INDEX ix_jobs_settled_team ON jobs (team, first_event_at, last_event_at, status, final_cost);
CREATE INDEX ix_jobs_settled_provider
  ON jobs (provider, first_event_at, last_event_at, status, final_cost);
