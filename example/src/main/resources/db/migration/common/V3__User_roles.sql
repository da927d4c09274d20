-- Roles stored per user (the role admin is granted with --admin).
CREATE TABLE user_roles (
  username TEXT NOT NULL REFERENCES users (username) ON DELETE CASCADE,
  role TEXT NOT NULL,
  PRIMARY KEY (username, role)
);
