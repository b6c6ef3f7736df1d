-- Hot spots of ingestion found by profiling the benchmark (issue 8).
--
-- 1. Rollup rows in shards. Every batch adds to the same few rollup rows of its hour (the whole
-- organisation's, its client's, project's, provider's, mode's), and an upsert holds those rows
-- locked until its transaction commits: concurrent batches took turns from their rollup upsert to
-- their commit, budget evaluation included (the benchmark's 4 clients ran one at a time). Each
-- writing transaction now adds to one of a few shards of the rows (JpaCostEventRepository picks
-- them in turn), so concurrent batches add to different rows; every read sums the shards, as it
-- already summed hours. Rows written before have shard 0.
ALTER TABLE cost_event_hours
  ADD COLUMN shard TINYINT UNSIGNED NOT NULL DEFAULT 0,
  DROP INDEX uk_cost_event_hours,
  ADD CONSTRAINT uk_cost_event_hours UNIQUE (dimension, value_hash, hour_start, shard);

-- 2. The jobs of a budget scoped by an attribute. Each batch's budget evaluation reads the jobs in
-- the budget's scope and period (JpaJobRepository.during); with no index on the scope's attribute
-- the optimiser scanned every job and every job event (EXPLAIN: type index over all 22,646 jobs
-- and a materialised scan of job_events at the quick scale, a million jobs at the full one), some
-- 90 ms per batch under load. With these, a range on (attribute, ended_at): a team without jobs
-- reads nothing.
CREATE INDEX ix_jobs_client_ended_at ON jobs (client, ended_at);
CREATE INDEX ix_jobs_project_ended_at ON jobs (project, ended_at);
CREATE INDEX ix_jobs_team_ended_at ON jobs (team, ended_at);
CREATE INDEX ix_jobs_provider_ended_at ON jobs (provider, ended_at);
