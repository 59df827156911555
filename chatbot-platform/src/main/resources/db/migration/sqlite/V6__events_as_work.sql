-- Webhook events are work too. Rows of one lane (an event's conversation) run one at a time
-- in seq order: only the lane's first row has a due time, the others wait (due_at NULL)
-- until the row before them is settled.
CREATE TABLE work_with_lanes (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL,
  bot_id      TEXT NOT NULL,
  ref         TEXT NOT NULL,
  due_at      INTEGER,
  claimed_by  TEXT,
  lease_until INTEGER,
  attempts    INTEGER NOT NULL DEFAULT 0,
  version     INTEGER NOT NULL DEFAULT 0,
  lane        TEXT,
  seq         INTEGER,
  UNIQUE (kind, bot_id, ref)
);

INSERT INTO work_with_lanes (id, kind, bot_id, ref, due_at, claimed_by, lease_until, attempts,
    version)
  SELECT id, kind, bot_id, ref, due_at, claimed_by, lease_until, attempts, version FROM work;

DROP TABLE work;

ALTER TABLE work_with_lanes RENAME TO work;

-- Serves the claim: due rows, earliest first.
CREATE INDEX work_due ON work (due_at);

-- Serves finding a lane's rows, in order.
CREATE INDEX work_lanes ON work (kind, bot_id, lane, seq) WHERE lane IS NOT NULL;

-- Serves counting what is held, per bot.
CREATE INDEX work_claimed ON work (claimed_by, kind, bot_id) WHERE claimed_by IS NOT NULL;

-- Every pending event gets its row: the platform no longer reloads pending events at start.
INSERT INTO work (kind, bot_id, ref, due_at, lane, seq)
  SELECT 'EVENT', e.bot_id, e.event_id,
    CASE WHEN e.conversation_id IS NULL OR NOT EXISTS (
        SELECT 1 FROM events p
        WHERE p.state = 'PENDING' AND p.bot_id = e.bot_id
          AND p.conversation_id = e.conversation_id AND p.sequence < e.sequence)
      THEN coalesce(e.next_attempt_at, e.created_at) END,
    e.conversation_id, e.sequence
  FROM events e
  WHERE e.state = 'PENDING';

-- The work row holds when an event is tried next; the event keeps where its retry window
-- starts: its creation, or its replay from the dead letters.
ALTER TABLE events RENAME COLUMN next_attempt_at TO retry_from;

UPDATE events SET retry_from = created_at;
