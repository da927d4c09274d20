-- Token families: the pairs descended from one login share a family and a session end, and a
-- consumed refresh token is remembered so that its replay revokes the whole family. Every pair
-- made before families existed is a family of its own, whose session ends with its refresh token.
CREATE TABLE consumed_refresh_tokens (
  refresh_hash TEXT PRIMARY KEY,
  family_id TEXT NOT NULL,
  username TEXT NOT NULL REFERENCES users (username) ON DELETE CASCADE,
  expires_at BIGINT NOT NULL
);

ALTER TABLE token_pairs ADD COLUMN family_id TEXT;
ALTER TABLE token_pairs ADD COLUMN session_expires_at BIGINT;
UPDATE token_pairs SET family_id = id WHERE family_id IS NULL;
UPDATE token_pairs SET session_expires_at = refresh_expires_at WHERE session_expires_at IS NULL;

CREATE INDEX token_pairs_family_id ON token_pairs (family_id);
CREATE INDEX consumed_refresh_tokens_username ON consumed_refresh_tokens (username);
