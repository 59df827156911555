-- Work is data: every future action is a row with a due time, claimed with a lease by the
-- worker that takes it (claimed_by, lease_until) and settled (deleted) when done. version
-- grows at every claim and every reschedule, so a worker settles only the claim it holds.
CREATE TABLE work (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL,
  bot_id      TEXT NOT NULL,
  ref         TEXT NOT NULL,
  due_at      INTEGER NOT NULL,
  claimed_by  TEXT,
  lease_until INTEGER,
  attempts    INTEGER NOT NULL DEFAULT 0,
  version     INTEGER NOT NULL DEFAULT 0,
  UNIQUE (kind, bot_id, ref)
);

-- Serves the claim: due rows, earliest first.
CREATE INDEX work_due ON work (due_at);

-- Each SMS part the gateway is about to submit (on disk before its submit_sm goes out), and
-- the SMSC's id for it once submit_sm_resp came (SMS.md, "Crashes").
CREATE TABLE sms_submits (
  bot_id  TEXT NOT NULL,
  msg_id  TEXT NOT NULL,
  part    INTEGER NOT NULL,
  parts   INTEGER NOT NULL,
  smsc_id TEXT,
  at      INTEGER NOT NULL,
  PRIMARY KEY (bot_id, msg_id, part)
);

-- Every message still on its way when this version is installed gets its work row, due now:
-- the platform no longer reloads unfinished messages at start.
INSERT INTO work (kind, bot_id, ref, due_at)
  SELECT 'MESSAGE', bot_id, msg_id, CAST(strftime('%s', 'now') AS INTEGER) * 1000
  FROM messages
  WHERE direction = 'BOT_TO_USER' AND status IN ('pending', 'sent');
