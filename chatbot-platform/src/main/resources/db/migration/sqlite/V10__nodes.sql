-- The platform's nodes and when each was last seen alive (a heartbeat every few seconds): what
-- health shows as the nodes a node sees.
CREATE TABLE nodes (
  node_id    TEXT PRIMARY KEY,
  started_at INTEGER NOT NULL,
  seen_at    INTEGER NOT NULL
);
