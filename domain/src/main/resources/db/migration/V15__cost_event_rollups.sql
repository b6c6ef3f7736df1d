-- Spend rollups (issue 8): what the cost events add up to per UTC hour and attribution, kept in
-- the transaction that stores the events (JpaCostEventRepository.addNew), so that budgets, the
-- spending summary and the dashboards read a few hundred rows instead of summing millions of
-- events per request. A range that does not start or end on a whole hour reads its partial hours
-- from cost_events (by ix_cost_events_occurred_at): the figures stay exact to the micro-unit.
--
-- The attribution columns may be NULL (no value), which a unique key would treat as distinct from
-- each other; the key is therefore a SHA-256 of the columns with NULL encoded apart from every
-- string (and each value length-prefixed, so no two tuples encode alike), computed by the database
-- itself for every insert: the upsert and the backfill below cannot disagree about it.
CREATE TABLE cost_event_hours (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  hour_start    DATETIME       NOT NULL,
  client        VARCHAR(200)   NULL,
  project       VARCHAR(200)   NULL,
  team          VARCHAR(200)   NULL,
  provider      VARCHAR(200)   NULL,
  mode          VARCHAR(200)   NULL,
  amount        DECIMAL(30, 6) NOT NULL,
  events        BIGINT         NOT NULL,
  -- sum of list_cost - amount over the events whose list cost is above their amount
  reuse_savings DECIMAL(30, 6) NOT NULL,
  dims_hash     BINARY(32) AS (UNHEX(SHA2(CONCAT(
                  IFNULL(CONCAT('v', LENGTH(client), ':', client), 'n'),
                  IFNULL(CONCAT('v', LENGTH(project), ':', project), 'n'),
                  IFNULL(CONCAT('v', LENGTH(team), ':', team), 'n'),
                  IFNULL(CONCAT('v', LENGTH(provider), ':', provider), 'n'),
                  IFNULL(CONCAT('v', LENGTH(mode), ':', mode), 'n')), 256))) PERSISTENT,
  CONSTRAINT uk_cost_event_hours UNIQUE (hour_start, dims_hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The same per session (sessions are many and would multiply the rows above).
CREATE TABLE cost_event_session_hours (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  hour_start   DATETIME       NOT NULL,
  session_id   VARCHAR(200)   NULL,
  amount       DECIMAL(30, 6) NOT NULL,
  events       BIGINT         NOT NULL,
  session_hash BINARY(32) AS (UNHEX(SHA2(IFNULL(CONCAT('v', session_id), 'n'), 256))) PERSISTENT,
  CONSTRAINT uk_cost_event_session_hours UNIQUE (hour_start, session_hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Backfill from the events already stored.
INSERT INTO cost_event_hours
  (hour_start, client, project, team, provider, mode, amount, events, reuse_savings)
SELECT DATE_FORMAT(occurred_at, '%Y-%m-%d %H:00:00'), client, project, team, provider, mode,
       SUM(amount), COUNT(*),
       SUM(CASE WHEN list_cost > amount THEN list_cost - amount ELSE 0 END)
  FROM cost_events
 GROUP BY DATE_FORMAT(occurred_at, '%Y-%m-%d %H:00:00'), client, project, team, provider, mode;

INSERT INTO cost_event_session_hours (hour_start, session_id, amount, events)
SELECT DATE_FORMAT(occurred_at, '%Y-%m-%d %H:00:00'), session_id, SUM(amount), COUNT(*)
  FROM cost_events
 GROUP BY DATE_FORMAT(occurred_at, '%Y-%m-%d %H:00:00'), session_id;
