-- The content server's files: the bytes live in the data dir, named by file_id.
CREATE TABLE files (
  file_id        TEXT PRIMARY KEY,
  owner_kind     TEXT NOT NULL,
  owner          TEXT NOT NULL,
  file_name      TEXT,
  content_type   TEXT NOT NULL,
  file_size      INTEGER NOT NULL,
  thumbnail_type TEXT,
  thumbnail_size INTEGER,
  status         TEXT NOT NULL,
  until          INTEGER NOT NULL,
  created_at     INTEGER NOT NULL
);

-- Serves the quota sum of an owner's ready files.
CREATE INDEX files_by_owner ON files (owner_kind, owner, status);

-- Serves the expiry sweep: ready files by until.
CREATE INDEX files_due ON files (status, until);
