-- Users sign in to the portal (PBKDF2 password hash) or call the API with tokens (SHA-256 hash).
CREATE TABLE users (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  username      VARCHAR(200) NOT NULL,
  email         VARCHAR(320) NOT NULL,
  name          VARCHAR(200) NOT NULL,
  password_hash VARCHAR(200) NULL,
  roles         VARCHAR(200) NOT NULL,
  slack_user_id VARCHAR(50)  NULL,
  created_at    DATETIME(6)  NOT NULL,
  CONSTRAINT uk_users_username UNIQUE (username),
  CONSTRAINT uk_users_email UNIQUE (email)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE api_tokens (
  id         BIGINT AUTO_INCREMENT PRIMARY KEY,
  user_id    BIGINT       NOT NULL,
  token_hash CHAR(64)     NOT NULL,
  label      VARCHAR(200) NOT NULL,
  created_at DATETIME(6)  NOT NULL,
  CONSTRAINT uk_api_tokens_hash UNIQUE (token_hash),
  CONSTRAINT fk_api_tokens_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
