-- Daily spend rollups of the attributes the spending summary groups by (issue 8): a month's
-- summary read every hour of every client, project, provider and mode from cost_event_hours (V23),
-- some 45,000 rows for 60 projects alone at the benchmark's scale, and a month not read before
-- took p50 94 / p95 139 ms. The whole UTC days of a range are read from here instead, a
-- twenty-fourth of the rows; the hours at its ends still from cost_event_hours, and cut hours from
-- the events. Sessions stay hourly only: a session rarely lasts a day, so a day of them is as many
-- rows as its hours.
--
-- Kept as cost_event_hours is, in the transaction that stores the events, in the same shards
-- (V25) and with the same NULL-safe key (V23).
CREATE TABLE cost_event_days (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  dimension     VARCHAR(10)      NOT NULL,
  value         VARCHAR(200)     NULL,
  day           DATE             NOT NULL,
  shard         TINYINT UNSIGNED NOT NULL,
  amount        DECIMAL(30, 6)   NOT NULL,
  events        BIGINT           NOT NULL,
  reuse_savings DECIMAL(30, 6)   NOT NULL,
  value_hash    BINARY(32) AS (UNHEX(SHA2(IFNULL(CONCAT('v', value), 'n'), 256))) PERSISTENT,
  CONSTRAINT uk_cost_event_days UNIQUE (dimension, value_hash, day, shard),
  -- every read is a range of days of one dimension, grouped by value: covering
  INDEX ix_cost_event_days_range (dimension, day, value, amount, events, reuse_savings)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- From the hourly rollups already stored (the benchmark's data set loads those directly too).
INSERT INTO cost_event_days (dimension, value, day, shard, amount, events, reuse_savings)
SELECT dimension, value, DATE(hour_start), 0, SUM(amount), SUM(events), SUM(reuse_savings)
  FROM cost_event_hours
 WHERE dimension IN ('client', 'project', 'provider', 'mode')
 GROUP BY dimension, value, DATE(hour_start);
