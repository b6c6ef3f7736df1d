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

-- Slack posts under way (SPEC §3, issue 9's crash): written just before chat.postMessage, so that
-- an alert whose post got no answer (the instance died, the call timed out) is known to be in
-- doubt. Before posting it again, the bot looks in the channel (or thread) for the message
-- carrying the alert's metadata and records that one instead of posting twice.
--   part        alert | breakdown
--   thread_ts   the thread the post went to (NULL: the channel itself)
--   started_at  when the post was sent: the search starts a little before it
CREATE TABLE slack_posts_in_flight (
  alert_id   BIGINT       NOT NULL,
  part       VARCHAR(20)  NOT NULL,
  channel_id VARCHAR(255) NOT NULL,
  thread_ts  VARCHAR(64)  NULL,
  started_at DATETIME(6)  NOT NULL,
  PRIMARY KEY (alert_id, part),
  CONSTRAINT fk_slack_posts_in_flight_alert FOREIGN KEY (alert_id) REFERENCES alerts (id)
    ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
