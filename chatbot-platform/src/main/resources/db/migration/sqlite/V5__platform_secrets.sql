-- Secrets of the whole platform, made once here; chat_id keys FNW.11's anonymised chatIds.
CREATE TABLE platform_secrets (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

INSERT INTO platform_secrets (name, value) VALUES ('chat_id', lower(hex(randomblob(32))));
