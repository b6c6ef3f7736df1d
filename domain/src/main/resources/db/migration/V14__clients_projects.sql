-- Clients and their projects (SPEC §2 "Client attribution and profitability"). Jobs and cost
-- events keep naming them by a string (jobs.client, jobs.project, cost_events.*): such a string
-- names a client or project by its code, else by its name (exactly, case and all).
CREATE TABLE clients (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  name          VARCHAR(200) NOT NULL,
  code          VARCHAR(50)  NOT NULL,
  industry      VARCHAR(200) NULL,
  priority_tier CHAR(1)      NOT NULL,
  created_at    DATETIME(6)  NOT NULL,
  CONSTRAINT uk_clients_code UNIQUE (code),
  CONSTRAINT uk_clients_name UNIQUE (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE projects (
  id                BIGINT AUTO_INCREMENT PRIMARY KEY,
  name              VARCHAR(200)   NOT NULL,
  client_id         BIGINT         NOT NULL,
  code              VARCHAR(50)    NOT NULL,
  start_date        DATE           NULL,
  end_date          DATE           NULL,
  -- Entered by people: what the client pays, and costs other than training (labour, …).
  projected_revenue DECIMAL(19, 6) NULL,
  other_costs       DECIMAL(19, 6) NOT NULL DEFAULT 0,
  created_at        DATETIME(6)    NOT NULL,
  CONSTRAINT uk_projects_code UNIQUE (code),
  CONSTRAINT uk_projects_name UNIQUE (name),
  CONSTRAINT fk_projects_client FOREIGN KEY (client_id) REFERENCES clients (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- What each priority tier is allocated a calendar month (admin-editable; SPEC's defaults).
CREATE TABLE priority_tiers (
  tier               CHAR(1)        NOT NULL PRIMARY KEY,
  monthly_allocation DECIMAL(19, 6) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

INSERT INTO priority_tiers (tier, monthly_allocation) VALUES ('A', 200), ('B', 150), ('C', 100);
