-- The statuses a chatbot asked to be told of for a message (a dialect's reportRequest), as a
-- comma-separated list of API.md statuses; NULL: all of them.
ALTER TABLE messages ADD COLUMN report_request TEXT;
