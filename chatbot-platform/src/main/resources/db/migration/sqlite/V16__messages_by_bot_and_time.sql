-- Serves insights: a bot's messages created in a range of time, counted by hour.
CREATE INDEX messages_by_bot_and_time ON messages (bot_id, created_at);
