-- Budgets (SPEC §2): a limit per period over a scope of spend. Spend is not stored here: it is
-- summed from cost events (and job costs) in the current period whenever a budget is read.
--   period_type   the API name: daily, weekly, calendar_month, rolling_30_days, session, total
--   limit_amount  exact, like every amount (DECIMAL(19,6)); `limit` is a reserved word
--   thresholds    alert thresholds as whole percents (1 to 1000), ascending, distinct and
--                 comma-separated, e.g. '80,95,100'; '' alerts on nothing. They are only ever
--                 read and written with their budget, so a list column is enough; the longest
--                 possible list, 1 to 1000, is 3,892 characters.
--   scope_*       NULL matches any value (all NULL = the whole organisation)
--   approver, manager  usernames (users.username), NULL when not set
--   last_reset_at the last manual reset: session and total periods run from it, and it splits
--                 the calendar period it falls in
CREATE TABLE budgets (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  name           VARCHAR(200)   NOT NULL,
  period_type    VARCHAR(20)    NOT NULL,
  limit_amount   DECIMAL(19, 6) NOT NULL,
  thresholds     VARCHAR(4000)  NOT NULL,
  enabled        BOOLEAN        NOT NULL,
  scope_client   VARCHAR(200)   NULL,
  scope_project  VARCHAR(200)   NULL,
  scope_team     VARCHAR(200)   NULL,
  scope_provider VARCHAR(200)   NULL,
  block_new_jobs BOOLEAN        NOT NULL,
  rollover       BOOLEAN        NOT NULL,
  approver       VARCHAR(200)   NULL,
  manager        VARCHAR(200)   NULL,
  last_reset_at  DATETIME(6)    NULL,
  created_at     DATETIME(6)    NOT NULL,
  updated_at     DATETIME(6)    NOT NULL,
  INDEX ix_budgets_period_type (period_type),
  INDEX ix_budgets_enabled (enabled)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
