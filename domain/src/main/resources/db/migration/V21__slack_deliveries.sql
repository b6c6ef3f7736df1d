-- Slack requests the bot has acted on, by the id Slack gives each delivery (an interaction's or a
-- slash command's trigger_id, an event's event_id), so that a repeated delivery — Slack's retry or
-- a replay of a captured request within the 5 minutes its signature stays valid — changes nothing
-- twice (issue 9). Shared by every instance; rows older than a day are purged as new ones arrive.
CREATE TABLE slack_deliveries (
  delivery_id VARCHAR(255) NOT NULL PRIMARY KEY,
  received_at DATETIME(6)  NOT NULL,
  KEY ix_slack_deliveries_received (received_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
