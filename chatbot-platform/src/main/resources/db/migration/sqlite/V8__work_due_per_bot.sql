-- Serves handing a freed slot over: a bot's earliest due row of a kind.
CREATE INDEX work_due_per_bot ON work (kind, bot_id, due_at);
