-- The SMSC's id of each part of a fallback SMS, and what its receipt said.
CREATE TABLE sms_parts (
  smsc_id    TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
  bot_id     TEXT NOT NULL,
  msg_id     TEXT NOT NULL,
  stat       TEXT,
  err        TEXT,
  created_at INTEGER NOT NULL
);

CREATE INDEX sms_parts_by_message ON sms_parts (bot_id, msg_id);

-- Per (user, sender number): the latest fallback SMS and the pending choices (SMS.md).
CREATE TABLE sms_contacts (
  user_contact    TEXT NOT NULL,
  sender          TEXT NOT NULL,
  latest_bot_id   TEXT NOT NULL,
  latest_msg_id   TEXT NOT NULL,
  latest_at       INTEGER NOT NULL,
  choice_bot_id   TEXT,
  choice_msg_id   TEXT,
  choices_json    TEXT,
  choices_until   INTEGER,
  PRIMARY KEY (user_contact, sender)
);

CREATE TABLE sms_opt_outs (
  bot_id       TEXT NOT NULL,
  user_contact TEXT NOT NULL,
  at           INTEGER NOT NULL,
  PRIMARY KEY (bot_id, user_contact)
);
