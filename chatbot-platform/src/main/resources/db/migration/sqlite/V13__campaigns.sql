-- A campaign: one message to many recipients, sent by its CAMPAIGN work row at its rate. The
-- message is the RCSMessage content with {{variable}} placeholders; skipped rows are counted here.
CREATE TABLE campaigns (
  campaign_id       TEXT PRIMARY KEY,
  bot_id            TEXT NOT NULL,
  name              TEXT NOT NULL,
  message_json      TEXT NOT NULL,
  status            TEXT NOT NULL,
  rate_per_second   INTEGER NOT NULL,
  start_at          INTEGER,
  recipients        INTEGER NOT NULL,
  skipped_duplicate INTEGER NOT NULL,
  skipped_invalid   INTEGER NOT NULL,
  created_at        INTEGER NOT NULL,
  started_at        INTEGER,
  completed_at      INTEGER
);

CREATE INDEX campaigns_of_bot ON campaigns (bot_id, created_at);

-- Each unique recipient of a campaign, in the order given (seq), with its variables and where
-- it is: pending, sent, failed (reason) or cancelled.
CREATE TABLE campaign_recipients (
  campaign_id  TEXT NOT NULL,
  seq          INTEGER NOT NULL,
  user_contact TEXT NOT NULL,
  vars_json    TEXT NOT NULL,
  state        TEXT NOT NULL,
  reason       TEXT,
  PRIMARY KEY (campaign_id, seq),
  UNIQUE (campaign_id, user_contact)
);

-- Serves the sender's next batch and the counts.
CREATE INDEX campaign_recipients_state ON campaign_recipients (campaign_id, state, seq);
