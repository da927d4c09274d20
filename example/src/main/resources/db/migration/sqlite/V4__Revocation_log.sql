-- SQLite only: the log through which instances sharing the file learn of revoked tokens
-- (PostgreSQL tells them with NOTIFY instead). AUTOINCREMENT: numbers only grow.
CREATE TABLE revocation_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  token_hash TEXT NOT NULL,
  revoked_at BIGINT NOT NULL
);

CREATE INDEX revocation_log_revoked_at ON revocation_log (revoked_at);
