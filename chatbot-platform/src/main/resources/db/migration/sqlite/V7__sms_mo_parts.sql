-- Users' SMS (mobile-originated) are noted here before their deliver_sm is answered: an SMSC
-- never sends an answered one again, and may send an unanswered one again.

-- The parts of a concatenated SMS until its last part comes; the one that completes the text
-- takes them all and removes them.
CREATE TABLE sms_mo_parts (
  sender      TEXT NOT NULL,
  recipient   TEXT NOT NULL,
  reference   INTEGER NOT NULL,
  total       INTEGER NOT NULL,
  sequence    INTEGER NOT NULL,
  data_coding INTEGER NOT NULL,
  payload     BLOB NOT NULL,
  received_at INTEGER NOT NULL,
  PRIMARY KEY (sender, recipient, reference, total, sequence)
);

-- Serves the sweep: texts whose first part came too long ago.
CREATE INDEX sms_mo_parts_received ON sms_mo_parts (received_at);

-- What was taken, by key, until the SMSC's redeliveries of it no longer count.
CREATE TABLE sms_mo_seen (
  seen_key   TEXT PRIMARY KEY,
  expires_at INTEGER NOT NULL
);

-- Serves the sweep: keys whose time ran out.
CREATE INDEX sms_mo_seen_expiry ON sms_mo_seen (expires_at);
