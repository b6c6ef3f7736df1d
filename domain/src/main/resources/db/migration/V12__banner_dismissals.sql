-- Who dismissed which 80% banner (SPEC §4): a dismissal hides one budget's banner of one threshold
-- in one period for one user, and outlives the session. A higher threshold or a new period shows
-- the banner again. Deleting the budget deletes its dismissals.
CREATE TABLE banner_dismissals (
  username     VARCHAR(200) NOT NULL,
  budget_id    BIGINT       NOT NULL,
  period_start DATETIME(6)  NOT NULL,
  threshold    INT          NOT NULL,
  dismissed_at DATETIME(6)  NOT NULL,
  PRIMARY KEY (username, budget_id, period_start, threshold),
  CONSTRAINT fk_banner_dismissals_budget FOREIGN KEY (budget_id) REFERENCES budgets (id)
    ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
