-- The first schema: users, and the token pairs issued to them, found by the hash of either token.
CREATE TABLE users (
  username TEXT PRIMARY KEY,
  password_hash TEXT NOT NULL
);

CREATE TABLE token_pairs (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL REFERENCES users (username) ON DELETE CASCADE,
  access_hash TEXT NOT NULL,
  refresh_hash TEXT NOT NULL,
  access_expires_at BIGINT NOT NULL,
  refresh_expires_at BIGINT NOT NULL
);

CREATE UNIQUE INDEX token_pairs_access_hash ON token_pairs (access_hash);
CREATE UNIQUE INDEX token_pairs_refresh_hash ON token_pairs (refresh_hash);
CREATE INDEX token_pairs_username ON token_pairs (username);
