-- V9 created increase_requests without a character set, so it took the database's default:
-- latin1 on MariaDB 11.4 (the embedded database), where a justification or reason in Korean,
-- Japanese or with an emoji failed with error 1366 (an HTTP 500). Like every other table, it is
-- utf8mb4 with binary collation; the database's default follows, so that a table created later
-- without a character set is utf8mb4 too.
ALTER TABLE increase_requests CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER DATABASE CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
