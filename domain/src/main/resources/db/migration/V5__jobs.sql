-- Jobs: long-running metered work (SPEC §1). Money is DECIMAL(19,6); instants are UTC DATETIME(6).
CREATE TABLE jobs (
  id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
  external_id           VARCHAR(200)   NOT NULL,
  name                  VARCHAR(200)   NOT NULL,
  created_by            VARCHAR(200)   NOT NULL,
  client                VARCHAR(200)   NULL,
  project               VARCHAR(200)   NULL,
  team                  VARCHAR(200)   NULL,
  provider              VARCHAR(200)   NULL,
  gpu_type              VARCHAR(200)   NULL,
  pricing               VARCHAR(20)    NOT NULL,
  hourly_rate           DECIMAL(19, 6) NOT NULL,
  on_demand_hourly_rate DECIMAL(19, 6) NOT NULL,
  estimate_min          DECIMAL(19, 6) NOT NULL,
  estimate_max          DECIMAL(19, 6) NOT NULL,
  total_steps           BIGINT         NOT NULL,
  control_url           VARCHAR(2000)  NULL,
  status                VARCHAR(20)    NOT NULL,
  cancel_requested      BOOLEAN        NOT NULL DEFAULT FALSE,
  cancelled_by          VARCHAR(200)   NULL,
  -- Locked when the job completes, fails or is cancelled; null while it runs.
  final_cost            DECIMAL(19, 6) NULL,
  created_at            DATETIME(6)    NOT NULL,
  ended_at              DATETIME(6)    NULL,
  CONSTRAINT uk_jobs_external_id UNIQUE (external_id),
  INDEX ix_jobs_status (status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- What runners report, as reported: the cost engine replays these (arrival order = id order).
CREATE TABLE job_events (
  id               BIGINT AUTO_INCREMENT PRIMARY KEY,
  job_id           BIGINT         NOT NULL,
  idempotency_key  VARCHAR(200)   NOT NULL,
  type             VARCHAR(20)    NOT NULL,
  occurred_at      DATETIME(6)    NOT NULL,
  step             BIGINT         NULL,
  stage            VARCHAR(20)    NULL,
  recovery_minutes DECIMAL(19, 6) NULL,
  storage_gb       DECIMAL(19, 6) NULL,
  received_at      DATETIME(6)    NOT NULL,
  CONSTRAINT uk_job_events_key UNIQUE (job_id, idempotency_key),
  CONSTRAINT fk_job_events_job FOREIGN KEY (job_id) REFERENCES jobs (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The current cost of each job in progress, once per 5-minute slot: the unique key makes a
-- second instance's snapshot of the same slot a no-op.
CREATE TABLE job_cost_snapshots (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  job_id       BIGINT         NOT NULL,
  slot_start   DATETIME(6)    NOT NULL,
  taken_at     DATETIME(6)    NOT NULL,
  current_cost DECIMAL(19, 6) NOT NULL,
  CONSTRAINT uk_job_cost_snapshots_slot UNIQUE (job_id, slot_start),
  CONSTRAINT fk_job_cost_snapshots_job FOREIGN KEY (job_id) REFERENCES jobs (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
