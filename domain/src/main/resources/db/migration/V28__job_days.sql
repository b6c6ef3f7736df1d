-- Daily rollups of finished jobs (issue 8). The spending summary, the budget dashboard's daily
-- chart and its months of history costed every job of their range from its events on every read
-- (a month: some 120,000 jobs, 11 to 27 s at a million jobs). A job's cost by day never changes
-- once it has finished, so it is added here when it finishes (JobWriter, in the transaction that
-- settles it), moved when its attribution is edited, and read as some hundred rows a month.
--
-- One row per day (in the installation's time zone, which every row names: a change of zone is a
-- new set of rows, JobDaysBackfill), dimension and value, in shards as cost_event_hours (V25): the
-- whole organisation ('all', value NULL) and each attribute on its own ('client', 'project',
-- 'team', 'provider', 'status', 'creator'; NULL for a job without it).
--   amount      the jobs' accruals on the day, each job's floored at zero (JobAccrual.byDay)
--   net         the same, not floored: over a range of whole days it adds up to what the jobs
--               accrued in the range (the cost at its end less the cost at its start)
--   ran         the jobs that ran on the day
--   started     the jobs whose first day it is
--   continuing  the jobs that ran on the day and run on the next: the jobs that ran in a range
--               of days are those started in it and those continuing from the day before it
CREATE TABLE job_days (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  zone        VARCHAR(64)      NOT NULL,
  day         DATE             NOT NULL,
  dimension   VARCHAR(10)      NOT NULL,
  value       VARCHAR(200)     NULL,
  shard       TINYINT UNSIGNED NOT NULL,
  amount      DECIMAL(30, 6)   NOT NULL,
  net         DECIMAL(30, 6)   NOT NULL,
  ran         BIGINT           NOT NULL,
  started     BIGINT           NOT NULL,
  continuing  BIGINT           NOT NULL,
  value_hash  BINARY(32) AS (UNHEX(SHA2(IFNULL(CONCAT('v', value), 'n'), 256))) PERSISTENT,
  CONSTRAINT uk_job_days UNIQUE (zone, dimension, value_hash, day, shard),
  -- every read is a range of days of one dimension, grouped by value: covering
  INDEX ix_job_days_range (zone, dimension, day, value, amount, net, ran, started, continuing)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Each finished job's accrual per day, not floored (net above), in the same zone: what a job that
-- ran across a period's start or end accrued inside it is the sum of its days there, floored at
-- zero (JobAccrual.in), so the budget dashboard lists such jobs without costing them from their
-- events (at a million jobs, the few thousand across a month's start took a second a render).
CREATE TABLE job_day_costs (
  job_id BIGINT         NOT NULL,
  day    DATE           NOT NULL,
  net    DECIMAL(19, 6) NOT NULL,
  PRIMARY KEY (job_id, day),
  -- the jobs across a day's start: those with a row on the day and on the day before (a job's
  -- days are consecutive), some thousands of rows instead of every job ended since the day
  INDEX ix_job_day_costs_day (day),
  CONSTRAINT fk_job_day_costs_job FOREIGN KEY (job_id) REFERENCES jobs (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Whether a finished job's days are in job_days and job_day_costs. Jobs finished before this migration are added by
-- JobDaysBackfill; until every finished job is, the reads cost jobs from their events as before.
ALTER TABLE jobs ADD COLUMN days_rolled_up BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX ix_jobs_days_rolled_up ON jobs (days_rolled_up, status);
