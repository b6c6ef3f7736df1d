-- An ADMIN maps a user to their Slack id (SPEC §3); one Slack user is one portal user, or Slack
-- actions could not tell who acts. NULL (matched by e-mail) may repeat.
ALTER TABLE users ADD CONSTRAINT uk_users_slack_user_id UNIQUE (slack_user_id);
