-- The node that stored a row of work: the node of the user's socket for the events a user's
-- message or report made. A node handing over a freed slot prefers its own rows, so the bot's
-- synchronous replies are routed where the user's socket is.
ALTER TABLE work ADD COLUMN origin TEXT;
