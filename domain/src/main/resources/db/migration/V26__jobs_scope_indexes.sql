-- A budget scoped by client, project, team or provider reads its jobs that ran in a period
-- (JpaJobRepository.during: "<attribute> = ? AND (ended_at IS NULL OR ended_at > start)"). With
-- ix_jobs_ended_at alone the optimiser reads every job ended since the period's start and drops
-- those of other scopes: a month of a million jobs over six months is ~160,000 rows for a team with
-- none, read three times for every alert of that budget (the threshold check in the ingesting
-- transaction, then the Slack message's details). One index per attribute, with ended_at after it,
-- makes that a range over the scope's own jobs (issue 8: alert within a second, budget reads).
CREATE INDEX ix_jobs_client_ended_at ON jobs (client, ended_at);
CREATE INDEX ix_jobs_project_ended_at ON jobs (project, ended_at);
CREATE INDEX ix_jobs_team_ended_at ON jobs (team, ended_at);
CREATE INDEX ix_jobs_provider_ended_at ON jobs (provider, ended_at);
