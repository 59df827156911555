package org.openmaap.platform.store;

import java.sql.SQLException;
import java.util.List;

/**
 * The SQLite schema as a list of migrations; {@code schema_version} holds how many have run, so
 * opening an older file brings it up to date and a newer file is refused.
 */
final class Schema {

  // Append only: a released migration is never edited, the next change is a new entry.
  static final List<String> MIGRATIONS = List.of(
      """
      CREATE TABLE chatbots (
        bot_id                        TEXT PRIMARY KEY,
        profile_json                  TEXT NOT NULL,
        client_id                     TEXT NOT NULL UNIQUE,
        client_secret_hash            TEXT NOT NULL,
        webhook_secret                TEXT NOT NULL,
        previous_webhook_secret       TEXT,
        previous_webhook_secret_until INTEGER,
        token_generation              INTEGER NOT NULL,
        created_at                    INTEGER NOT NULL
      );

      CREATE TABLE conversations (
        bot_id          TEXT NOT NULL,
        user_contact    TEXT NOT NULL,
        conversation_id TEXT NOT NULL UNIQUE,
        created_at      INTEGER NOT NULL,
        PRIMARY KEY (bot_id, user_contact)
      );

      -- id is the insertion order, which "oldest first" means.
      CREATE TABLE messages (
        id                          INTEGER PRIMARY KEY,
        bot_id                      TEXT NOT NULL,
        msg_id                      TEXT NOT NULL,
        direction                   TEXT NOT NULL,
        user_contact                TEXT NOT NULL,
        conversation_id             TEXT,
        contribution_id             TEXT,
        in_reply_to_contribution_id TEXT,
        rcs_message_json            TEXT NOT NULL,
        request_hash                TEXT,
        status                      TEXT NOT NULL,
        channel                     TEXT,
        reason                      TEXT,
        expiry                      INTEGER,
        created_at                  INTEGER NOT NULL,
        updated_at                  INTEGER NOT NULL,
        UNIQUE (bot_id, msg_id)
      );

      -- Serves waitingFor (status, user) and unfinished (status) in id order.
      CREATE INDEX messages_to_users ON messages (status, user_contact)
        WHERE direction = 'BOT_TO_USER';

      CREATE TABLE message_history (
        id         INTEGER PRIMARY KEY,
        message_id INTEGER NOT NULL REFERENCES messages (id),
        status     TEXT NOT NULL,
        channel    TEXT,
        reason     TEXT,
        at         INTEGER NOT NULL
      );

      CREATE INDEX message_history_by_message ON message_history (message_id);

      CREATE TABLE devices (
        msisdn         TEXT PRIMARY KEY,
        features_json  TEXT NOT NULL,
        provisioned_at INTEGER NOT NULL
      );

      -- AUTOINCREMENT: a sequence is never handed out twice, even if the newest rows are purged.
      CREATE TABLE events (
        sequence        INTEGER PRIMARY KEY AUTOINCREMENT,
        event_id        TEXT NOT NULL UNIQUE,
        bot_id          TEXT NOT NULL,
        conversation_id TEXT,
        body_json       TEXT NOT NULL,
        state           TEXT NOT NULL,
        attempts        INTEGER NOT NULL,
        next_attempt_at INTEGER,
        last_error      TEXT,
        created_at      INTEGER NOT NULL
      );

      CREATE INDEX events_by_state ON events (state, bot_id);
      """,
      """
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
      """,
      """
      -- The content server's files: the bytes live in the data dir, named by file_id.
      CREATE TABLE files (
        file_id        TEXT PRIMARY KEY,
        owner_kind     TEXT NOT NULL,
        owner          TEXT NOT NULL,
        file_name      TEXT,
        content_type   TEXT NOT NULL,
        file_size      INTEGER NOT NULL,
        thumbnail_type TEXT,
        thumbnail_size INTEGER,
        status         TEXT NOT NULL,
        until          INTEGER NOT NULL,
        created_at     INTEGER NOT NULL
      );

      -- Serves the quota sum of an owner's ready files.
      CREATE INDEX files_by_owner ON files (owner_kind, owner, status);

      -- Serves the expiry sweep: ready files by until.
      CREATE INDEX files_due ON files (status, until);
      """,
      """
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
      """,
      """
      -- Secrets of the whole platform, made once here; chat_id keys FNW.11's anonymised chatIds.
      CREATE TABLE platform_secrets (
        name  TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );

      INSERT INTO platform_secrets (name, value) VALUES ('chat_id', lower(hex(randomblob(32))));
      """,
      """
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
      """);

  private Schema() {}

  /** Brings the database up to the latest version, one transaction per migration. */
  static void migrate(SqlConnection db) throws SQLException {
    db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
    String current = db.scalar("SELECT max(version) FROM schema_version");
    int version = current == null ? 0 : Integer.parseInt(current);
    if (version > MIGRATIONS.size()) {
      throw new SQLException("the database has schema version " + version
          + " but this build knows versions up to " + MIGRATIONS.size());
    }
    for (int next = version; next < MIGRATIONS.size(); next++) {
      db.execute("BEGIN IMMEDIATE");
      try {
        for (String statement : MIGRATIONS.get(next).split(";\\s*\\n")) {
          if (!statement.isBlank()) {
            db.execute(statement);
          }
        }
        db.execute("DELETE FROM schema_version");
        db.execute("INSERT INTO schema_version (version) VALUES (" + (next + 1) + ")");
        db.execute("COMMIT");
      } catch (SQLException e) {
        db.execute("ROLLBACK");
        throw e;
      }
    }
  }
}
