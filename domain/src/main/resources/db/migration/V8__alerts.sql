-- Alerts and their delivery outbox (SPEC §2, §3, §5; issue 4).

-- Who receives a budget's alerts by e-mail: addresses, comma-separated ('' = none), and the
-- quiet hours in which that e-mail waits (local time in COSTGUARD_TIMEZONE, 'HH:mm-HH:mm', NULL =
-- none; never for a >= 100% alert). Minimal on purpose: per-threshold recipients and channels
-- (SPEC §4's notification settings page) will replace them with a table of their own.
ALTER TABLE budgets
  ADD COLUMN notify_emails VARCHAR(2000) NOT NULL DEFAULT '',
  ADD COLUMN quiet_hours   VARCHAR(11)   NULL;

-- One row per alert that fired.
--   kind          threshold | estimate | forecast | anomaly | blocked
--   budget_id / job_id  what it is about: exactly one of them is set
--   threshold     the percent crossed; 0 for kinds without one (forecast, anomaly, blocked)
--   period_start  names the budget period the alert belongs to: the period's start, or for a
--                 rolling window (which has no fixed start) the budget's last reset or creation
--   spent, limit_amount  the period's spend and what it was measured against when it fired
--   live          1 while the alert stands; NULL once re-armed (a raised limit, a rolling
--                 window's spend falling back). The unique keys include it: at most one standing
--                 alert per budget, period, kind and threshold (MariaDB lets NULLs repeat, so
--                 re-armed ones stay as history). This key, with INSERT IGNORE, is what makes an
--                 alert fire exactly once per period across threads, retries and instances.
CREATE TABLE alerts (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  kind         VARCHAR(20)    NOT NULL,
  budget_id    BIGINT         NULL,
  job_id       BIGINT         NULL,
  threshold    INT            NOT NULL,
  period_start DATETIME(6)    NOT NULL,
  fired_at     DATETIME(6)    NOT NULL,
  spent        DECIMAL(19, 6) NULL,
  limit_amount DECIMAL(19, 6) NULL,
  live         TINYINT        NULL DEFAULT 1,
  rearmed_at   DATETIME(6)    NULL,
  CONSTRAINT uk_alerts_budget UNIQUE (budget_id, period_start, kind, threshold, live),
  CONSTRAINT uk_alerts_job UNIQUE (job_id, kind, threshold, live),
  CONSTRAINT ck_alerts_subject CHECK ((budget_id IS NULL) <> (job_id IS NULL)),
  CONSTRAINT fk_alerts_budget FOREIGN KEY (budget_id) REFERENCES budgets (id) ON DELETE CASCADE,
  CONSTRAINT fk_alerts_job FOREIGN KEY (job_id) REFERENCES jobs (id),
  INDEX ix_alerts_fired_at (fired_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The transactional outbox: one row per alert and channel, committed with the alert (and so with
-- the spend that caused it). The dispatcher claims due pending rows (FOR UPDATE SKIP LOCKED), leases
-- them by moving next_attempt_at ahead and setting claim_token, sends outside any transaction, then
-- records the attempt: delivered once, or pending again after a back-off, or failed for good.
--   channel          email | in_app | slack
--   recipients       e-mail addresses (comma-separated), fixed when the alert fired
--   state            pending | delivered | failed
--   next_attempt_at  when a pending row is due (or its lease runs out)
CREATE TABLE alert_deliveries (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  alert_id        BIGINT        NOT NULL,
  channel         VARCHAR(20)   NOT NULL,
  recipients      VARCHAR(2000) NOT NULL DEFAULT '',
  state           VARCHAR(20)   NOT NULL,
  attempts        INT           NOT NULL DEFAULT 0,
  next_attempt_at DATETIME(6)   NOT NULL,
  claim_token     VARCHAR(64)   NULL,
  last_attempt_at DATETIME(6)   NULL,
  last_error      VARCHAR(1000) NULL,
  delivered_at    DATETIME(6)   NULL,
  created_at      DATETIME(6)   NOT NULL,
  CONSTRAINT uk_alert_deliveries_channel UNIQUE (alert_id, channel),
  CONSTRAINT fk_alert_deliveries_alert FOREIGN KEY (alert_id) REFERENCES alerts (id)
    ON DELETE CASCADE,
  INDEX ix_alert_deliveries_due (state, next_attempt_at),
  INDEX ix_alert_deliveries_claim (claim_token)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
