-- Scheduled work done once per cluster (SPEC §7): every instance runs the schedules, and before a
-- run it inserts the row of the run's time slot; the primary key lets exactly one instance's
-- insert through, and only that instance does the slot's work. The database decides, not the
-- Hazelcast data grid, so that a split grid (or instances started with --nocluster on one
-- database) still cannot double the work.
--   schedule    alert-sweep | job-snapshots
--   slot        the start of the slot the run is for (a minute, five minutes)
--   instance    the JVM that won the slot (pid@host), to tell in the log which one ran it
CREATE TABLE schedule_runs (
  schedule   VARCHAR(40)  NOT NULL,
  slot       DATETIME(6)  NOT NULL,
  instance   VARCHAR(255) NOT NULL,
  started_at DATETIME(6)  NOT NULL,
  PRIMARY KEY (schedule, slot)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
