-- API keys for machine clients: each user's keys, found by the hash of the key (never the key),
-- with the name its owner gave it, when it was made and when it was last used (to the minute).
CREATE TABLE api_keys (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL REFERENCES users (username) ON DELETE CASCADE,
  name TEXT NOT NULL,
  key_hash TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_used_at BIGINT
);

CREATE UNIQUE INDEX api_keys_key_hash ON api_keys (key_hash);
CREATE INDEX api_keys_username ON api_keys (username);
