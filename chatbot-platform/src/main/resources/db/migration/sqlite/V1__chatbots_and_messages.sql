CREATE TABLE chatbots (
  bot_id                        TEXT PRIMARY KEY,
  profile_json                  TEXT NOT NULL,
  client_id                     TEXT NOT NULL UNIQUE,
  client_secret_hash            TEXT NOT NULL,
  webhook_secret                TEXT NOT NULL,
  previous_webhook_secret       TEXT,
  previous_webhook_secret_until INTEGER,
  token_generation              INTEGER NOT NULL,
  created_at                    INTEGER NOT NULL
);

CREATE TABLE conversations (
  bot_id          TEXT NOT NULL,
  user_contact    TEXT NOT NULL,
  conversation_id TEXT NOT NULL UNIQUE,
  created_at      INTEGER NOT NULL,
  PRIMARY KEY (bot_id, user_contact)
);

-- id is the insertion order, which "oldest first" means.
CREATE TABLE messages (
  id                          INTEGER PRIMARY KEY,
  bot_id                      TEXT NOT NULL,
  msg_id                      TEXT NOT NULL,
  direction                   TEXT NOT NULL,
  user_contact                TEXT NOT NULL,
  conversation_id             TEXT,
  contribution_id             TEXT,
  in_reply_to_contribution_id TEXT,
  rcs_message_json            TEXT NOT NULL,
  request_hash                TEXT,
  status                      TEXT NOT NULL,
  channel                     TEXT,
  reason                      TEXT,
  expiry                      INTEGER,
  created_at                  INTEGER NOT NULL,
  updated_at                  INTEGER NOT NULL,
  UNIQUE (bot_id, msg_id)
);

-- Serves waitingFor (status, user) and unfinished (status) in id order.
CREATE INDEX messages_to_users ON messages (status, user_contact)
  WHERE direction = 'BOT_TO_USER';

CREATE TABLE message_history (
  id         INTEGER PRIMARY KEY,
  message_id INTEGER NOT NULL REFERENCES messages (id),
  status     TEXT NOT NULL,
  channel    TEXT,
  reason     TEXT,
  at         INTEGER NOT NULL
);

CREATE INDEX message_history_by_message ON message_history (message_id);

CREATE TABLE devices (
  msisdn         TEXT PRIMARY KEY,
  features_json  TEXT NOT NULL,
  provisioned_at INTEGER NOT NULL
);

-- AUTOINCREMENT: a sequence is never handed out twice, even if the newest rows are purged.
CREATE TABLE events (
  sequence        INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id        TEXT NOT NULL UNIQUE,
  bot_id          TEXT NOT NULL,
  conversation_id TEXT,
  body_json       TEXT NOT NULL,
  state           TEXT NOT NULL,
  attempts        INTEGER NOT NULL,
  next_attempt_at INTEGER,
  last_error      TEXT,
  created_at      INTEGER NOT NULL
);

CREATE INDEX events_by_state ON events (state, bot_id);
