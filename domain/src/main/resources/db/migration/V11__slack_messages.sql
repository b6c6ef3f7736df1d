-- Messages the Slack bot posted (SPEC §3, issue 5), so that none is posted twice and later ones
-- can reply in the same thread or update them.
--   purpose       alert | approval
--   alert_id      the alert an alert message delivers (unique: one message per alert)
--   budget_id, period_start  the budget and period of a budget alert: later alerts of the same
--                 budget and period reply in the thread of the first
--   job_id        the job of a job estimate alert
--   request_id    the increase request an approval message asks about (unique)
--   channel_id, ts  Slack's address of the message
--   thread_ts     the thread it was posted in (NULL: it is a thread's root)
--   breakdown_ts  the breakdown reply under an alert, once posted
--   alert_ts      for an approval message: the alert message it is about, to update it
--   blocks        the Block Kit JSON as posted, to update the message later
CREATE TABLE slack_messages (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  purpose      VARCHAR(20)  NOT NULL,
  alert_id     BIGINT       NULL,
  budget_id    BIGINT       NULL,
  period_start DATETIME(6)  NULL,
  job_id       BIGINT       NULL,
  request_id   BIGINT       NULL,
  channel_id   VARCHAR(255) NOT NULL,
  ts           VARCHAR(64)  NOT NULL,
  thread_ts    VARCHAR(64)  NULL,
  breakdown_ts VARCHAR(64)  NULL,
  alert_ts     VARCHAR(64)  NULL,
  text         TEXT         NOT NULL,
  blocks       MEDIUMTEXT   NOT NULL,
  created_at   DATETIME(6)  NOT NULL,
  CONSTRAINT uk_slack_messages_alert UNIQUE (alert_id),
  CONSTRAINT uk_slack_messages_request UNIQUE (request_id),
  INDEX ix_slack_messages_thread (budget_id, period_start),
  INDEX ix_slack_messages_ts (channel_id, ts)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
