-- The audit log (SPEC §4, §7): every change to budgets, and every job cancel, with who made it,
-- through which face, and the fields it changed. Append-only: the application inserts rows and
-- never updates or deletes them. Hash-chained: each row holds the SHA-256 of its content and of
-- the previous row's hash (the canonical form is documented on model/audit/AuditEntry), so
-- GET /api/v1/audit-log/verify finds a changed, removed or reordered row.
--   seq             the chain's order: 1, 2, 3, … without gaps (assigned under audit_head's lock)
--   occurred_at     UTC, to the microsecond; seq, not this, orders the chain
--   actor           a username, or 'system'
--   channel         portal, slack, api or system
--   action          e.g. budget.created, budget.limit_changed, job.cancelled
--   subject_type/id what was changed, e.g. ('budget', '12')
--   old_value, new_value  JSON objects of only the fields that changed; NULL for none
--   change_percent  for a limit change, (new - old) / old x 100 to two decimals; limits from
--                   0.000001 to 9,999,999,999,999.999999 make up to 22 digits before the point
--   prev_hash, hash 64 lower-case hex digits; the first entry's prev_hash is 64 zeros
CREATE TABLE audit_log (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  seq            BIGINT         NOT NULL,
  occurred_at    DATETIME(6)    NOT NULL,
  actor          VARCHAR(200)   NOT NULL,
  channel        VARCHAR(10)    NOT NULL,
  action         VARCHAR(64)    NOT NULL,
  subject_type   VARCHAR(64)    NOT NULL,
  subject_id     VARCHAR(200)   NOT NULL,
  old_value      MEDIUMTEXT     NULL,
  new_value      MEDIUMTEXT     NULL,
  change_percent DECIMAL(30, 2) NULL,
  justification  TEXT           NULL,
  approver       VARCHAR(200)   NULL,
  prev_hash      CHAR(64)       NOT NULL,
  hash           CHAR(64)       NOT NULL,
  CONSTRAINT uk_audit_log_seq UNIQUE (seq),
  INDEX ix_audit_log_actor (actor, seq),
  INDEX ix_audit_log_action (action, seq),
  INDEX ix_audit_log_occurred_at (occurred_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The end of the chain, in exactly one row. An append locks it (SELECT ... FOR UPDATE) in the
-- transaction of the change it records, so appends from any number of threads and instances
-- happen one after another, and a rolled-back change leaves neither an entry nor a gap. Verifying
-- compares the last entry with it, so removing entries from the end is noticed too.
CREATE TABLE audit_head (
  id        TINYINT  NOT NULL PRIMARY KEY,
  last_seq  BIGINT   NOT NULL,
  last_hash CHAR(64) NOT NULL,
  CONSTRAINT ck_audit_head_single_row CHECK (id = 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

INSERT INTO audit_head (id, last_seq, last_hash) VALUES (1, 0, REPEAT('0', 64));
