-- Notification settings per budget (SPEC §3 "per threshold an admin sets recipients and channels",
-- §4's /dashboard/settings/budget-notifications; issue 4). They extend V8's minimal columns, which
-- keep their meaning and their API fields:
--   budgets.notify_emails  the budget's e-mail recipients (API notifyEmails): for thresholds
--                          without recipients of their own and for forecast, anomaly and blocked
--                          alerts
--   budgets.quiet_hours    when the budget's alert e-mail waits (never for >= 100% or blocked)
--   budgets.slack_channel  the Slack channel id of the budget's alerts; NULL = SLACK_ALERT_CHANNEL
ALTER TABLE budgets
  ADD COLUMN slack_channel VARCHAR(80) NULL;

-- One row per threshold that has a setting of its own; a threshold without a row goes on every
-- channel to the budget's recipients (what every budget did before this migration, so no rows are
-- needed for existing budgets).
--   channels    the channels its alerts go on: a comma-separated subset of email, in_app, slack
--   recipients  e-mail addresses for this threshold, comma-separated; '' = the budget's recipients
CREATE TABLE budget_notifications (
  budget_id  BIGINT        NOT NULL,
  threshold  INT           NOT NULL,
  channels   VARCHAR(40)   NOT NULL,
  recipients VARCHAR(2000) NOT NULL DEFAULT '',
  PRIMARY KEY (budget_id, threshold),
  CONSTRAINT fk_budget_notifications_budget FOREIGN KEY (budget_id) REFERENCES budgets (id)
    ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
