-- Budget increase requests (SPEC §2 "Budget increases", §5; issue 4).
--   current_limit  the budget's limit when the request was made
--   approver       who must decide: the budget's approver, NULL = any user with the APPROVER role
--   status         applied | pending | approved | rejected | expired
--   decided_by     who approved or rejected it (NULL while pending, or when applied at once / expired)
--   expires_at     when a pending request lapses (24 h after it was made)
CREATE TABLE increase_requests (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  budget_id     BIGINT         NOT NULL,
  current_limit DECIMAL(19, 6) NOT NULL,
  new_limit     DECIMAL(19, 6) NOT NULL,
  justification VARCHAR(2000)  NOT NULL,
  requested_by  VARCHAR(200)   NOT NULL,
  approver      VARCHAR(200)   NULL,
  status        VARCHAR(16)    NOT NULL,
  reason        VARCHAR(2000)  NULL,
  decided_by    VARCHAR(200)   NULL,
  created_at    DATETIME(6)    NOT NULL,
  expires_at    DATETIME(6)    NOT NULL,
  decided_at    DATETIME(6)    NULL,
  CONSTRAINT fk_increase_requests_budget FOREIGN KEY (budget_id) REFERENCES budgets (id)
    ON DELETE CASCADE,
  INDEX ix_increase_requests_status (status, expires_at)
);
