package org.openmaap.platform.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openmaap.platform.store.EventRow.State;
import org.openmaap.platform.store.MessageRow.Direction;

/**
 * The {@link Store}'s operations in SQL, one transaction each, the same text on SQLite and on
 * PostgreSQL: a subclass decides where a write and a read run ({@link #write}, {@link #read}), and
 * its {@link SqlConnection} says how the database locks ({@link SqlConnection#lock},
 * {@link SqlConnection#forUpdate}), so an operation is as atomic under PostgreSQL's concurrent
 * writers as under SQLite's single one.
 */
abstract class SqlStore implements Store {

  // A conversation, once started, never changes: the ones found are kept, bounded.
  private static final int CONVERSATIONS_KEPT = 16_384;

  // The node this store serves, noted on the work rows it adds (null: a store of one node).
  private final String origin;
  private final Cache<String, ConversationRow> conversations = Caffeine.newBuilder()
      .maximumSize(CONVERSATIONS_KEPT)
      // Upkeep on the caller's thread: handing it to the common pool costs more than it.
      .executor(Runnable::run)
      .build();

  SqlStore(String origin) {
    this.origin = origin;
  }

  /** Runs a write in a transaction of its own, or batched with others; completes after commit. */
  abstract <T> Future<T> write(SqlConnection.Work<T> work);

  /** Runs a read on a connection that sees the last committed state. */
  abstract <T> Future<T> read(SqlConnection.Work<T> work);

  // --- chatbots ---------------------------------------------------------------------------------

  @Override
  public Future<Void> insertChatbot(ChatbotRow chatbot) {
    return write(db -> {
      if (db.queryOne("SELECT 1 FROM chatbots WHERE bot_id = ?", row -> 1, chatbot.botId())
          .isPresent()) {
        throw new StoreConflict("botId '" + chatbot.botId() + "' is taken");
      }
      requireFreeClientId(db, chatbot);
      db.update("""
          INSERT INTO chatbots (bot_id, profile_json, client_id, client_secret_hash,
            webhook_secret, previous_webhook_secret, previous_webhook_secret_until,
            token_generation, created_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
          chatbot.botId(), chatbot.profileJson(), chatbot.clientId(), chatbot.clientSecretHash(),
          chatbot.webhookSecret(), chatbot.previousWebhookSecret(),
          millis(chatbot.previousWebhookSecretUntil()), chatbot.tokenGeneration(),
          millis(chatbot.createdAt()));
      return null;
    });
  }

  @Override
  public Future<Void> updateChatbot(ChatbotRow chatbot) {
    return write(db -> {
      requireFreeClientId(db, chatbot);
      int changed = db.update("""
          UPDATE chatbots SET profile_json = ?, client_id = ?, client_secret_hash = ?,
            webhook_secret = ?, previous_webhook_secret = ?, previous_webhook_secret_until = ?,
            token_generation = ?, created_at = ?
          WHERE bot_id = ?""",
          chatbot.profileJson(), chatbot.clientId(), chatbot.clientSecretHash(),
          chatbot.webhookSecret(), chatbot.previousWebhookSecret(),
          millis(chatbot.previousWebhookSecretUntil()), chatbot.tokenGeneration(),
          millis(chatbot.createdAt()), chatbot.botId());
      if (changed == 0) {
        throw new StoreNotFound("no chatbot '" + chatbot.botId() + "'");
      }
      return null;
    });
  }

  private static void requireFreeClientId(SqlConnection db, ChatbotRow chatbot)
      throws SQLException {
    Optional<String> owner = db.queryOne("SELECT bot_id FROM chatbots WHERE client_id = ?",
        row -> row.getString(1), chatbot.clientId());
    if (owner.isPresent() && !owner.get().equals(chatbot.botId())) {
      throw new StoreConflict("clientId '" + chatbot.clientId() + "' is taken");
    }
  }

  @Override
  public Future<Optional<ChatbotRow>> chatbot(String botId) {
    return read(db -> db.queryOne(
        "SELECT * FROM chatbots WHERE bot_id = ?", SqlStore::chatbotRow, botId));
  }

  @Override
  public Future<Optional<ChatbotRow>> chatbotByClientId(String clientId) {
    return read(db -> db.queryOne(
        "SELECT * FROM chatbots WHERE client_id = ?", SqlStore::chatbotRow, clientId));
  }

  @Override
  public Future<List<ChatbotRow>> chatbots() {
    return read(db -> db.query("SELECT * FROM chatbots ORDER BY bot_id", SqlStore::chatbotRow));
  }

  @Override
  public Future<Boolean> deleteChatbot(String botId) {
    return write(db -> db.update("DELETE FROM chatbots WHERE bot_id = ?", botId) > 0);
  }

  private static ChatbotRow chatbotRow(ResultSet row) throws SQLException {
    return new ChatbotRow(
        row.getString("bot_id"),
        row.getString("profile_json"),
        row.getString("client_id"),
        row.getString("client_secret_hash"),
        row.getString("webhook_secret"),
        row.getString("previous_webhook_secret"),
        instant(row, "previous_webhook_secret_until"),
        row.getLong("token_generation"),
        instant(row, "created_at"));
  }

  // --- conversations ----------------------------------------------------------------------------

  @Override
  public Future<ConversationRow> conversation(
      String botId, String userContact, String newId, Instant now) {
    ConversationRow known = conversations.getIfPresent(conversationKey(botId, userContact));
    if (known != null) {
      return Future.succeededFuture(known);
    }
    // Almost every call finds the conversation, so look on a reader before queueing a write.
    return read(db -> findConversation(db, botId, userContact))
        .compose(found -> found.isPresent()
            ? Future.succeededFuture(found.get())
            : write(db -> startConversation(db, botId, userContact, newId, now)))
        .onSuccess(this::remember);
  }

  @Override
  public Future<Inserted<MessageRow>> insertMessageInConversation(MessageRow message,
      WorkRow next) {
    ConversationRow known = conversations.getIfPresent(
        conversationKey(message.botId(), message.userContact()));
    if (known != null) {
      return insertMessage(message.inConversation(known.conversationId()), next);
    }
    // A conversation not known here: found or started by the message's own write, not a read
    // and a write of its own before it.
    return write(db -> {
      ConversationRow conversation = startConversation(db, message.botId(),
          message.userContact(), message.conversationId(), message.createdAt());
      return new InConversation(conversation,
          addMessage(db, message.inConversation(conversation.conversationId()), next));
    }).map(stored -> {
      remember(stored.conversation());
      return stored.message();
    });
  }

  /** A message's write with the conversation it found or started. */
  private record InConversation(ConversationRow conversation, Inserted<MessageRow> message) {}

  /** The (bot, user) conversation, started under {@code newId} at {@code now} if it has none. */
  private static ConversationRow startConversation(SqlConnection db, String botId,
      String userContact, String newId, Instant now) throws SQLException {
    // Another operation may have started it since this one was queued: then it is the one.
    int inserted = db.update("""
        INSERT INTO conversations (bot_id, user_contact, conversation_id, created_at)
        VALUES (?, ?, ?, ?)
        ON CONFLICT (bot_id, user_contact) DO NOTHING""",
        botId, userContact, newId, millis(now));
    return inserted > 0
        ? new ConversationRow(botId, userContact, newId, truncate(now), true)
        : findConversation(db, botId, userContact).orElseThrow();
  }

  private void remember(ConversationRow row) {
    conversations.put(conversationKey(row.botId(), row.userContact()), new ConversationRow(
        row.botId(), row.userContact(), row.conversationId(), row.createdAt(), false));
  }

  private static String conversationKey(String botId, String userContact) {
    return botId + '\n' + userContact;
  }

  private static Optional<ConversationRow> findConversation(
      SqlConnection db, String botId, String userContact) throws SQLException {
    return db.queryOne("""
        SELECT conversation_id, created_at FROM conversations
        WHERE bot_id = ? AND user_contact = ?""",
        row -> new ConversationRow(botId, userContact, row.getString("conversation_id"),
            instant(row, "created_at"), false),
        botId, userContact);
  }

  // --- messages ---------------------------------------------------------------------------------

  private static final String MESSAGE_COLUMNS = """
      bot_id, msg_id, direction, user_contact, conversation_id, contribution_id,
      in_reply_to_contribution_id, rcs_message_json, request_hash, status, channel, reason,
      expiry, created_at, updated_at, report_request""";

  @Override
  public Future<Inserted<MessageRow>> insertMessage(MessageRow message) {
    if (message.direction() == Direction.BOT_TO_USER) {
      return insertMessage(message, WorkRow.due(WorkRow.Kind.MESSAGE, message.botId(),
          message.msgId(), message.createdAt()));
    }
    return write(db -> addMessage(db, message));
  }

  @Override
  public Future<Optional<EventRow>> insertMessageAndEvent(MessageRow message, EventRow event) {
    return write(db -> {
      if (!addMessage(db, message).inserted()) {
        throw new StoreConflict("message '" + message.msgId() + "' of '" + message.botId()
            + "' exists");
      }
      return Optional.of(addEvent(db, event));
    });
  }

  private static Inserted<MessageRow> addMessage(SqlConnection db, MessageRow message)
      throws SQLException {
    Optional<Long> id = db.queryOne(
        "INSERT INTO messages (" + MESSAGE_COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (bot_id, msg_id) DO NOTHING RETURNING id",
        row -> row.getLong(1),
        message.botId(), message.msgId(), message.direction().name(), message.userContact(),
        message.conversationId(), message.contributionId(),
        message.inReplyToContributionId(), message.rcsMessageJson(), message.requestHash(),
        message.status(), message.channel(), message.reason(), millis(message.expiry()),
        millis(message.createdAt()), millis(message.updatedAt()),
        message.reportRequest() == null ? null : String.join(",", message.reportRequest()));
    if (id.isEmpty()) {
      MessageRow existing = findMessage(db, message.botId(), message.msgId()).orElseThrow();
      return new Inserted<>(existing, false);
    }
    // The stored status is the first entry of the history the status endpoint shows.
    db.update("""
        INSERT INTO message_history (message_id, status, channel, reason, at)
        VALUES (?, ?, ?, ?, ?)""",
        id.get(), message.status(), message.channel(), message.reason(), millis(message.createdAt()));
    return new Inserted<>(stored(message), true);
  }

  @Override
  public Future<Inserted<MessageRow>> insertMessage(MessageRow message, WorkRow next) {
    return write(db -> addMessage(db, message, next));
  }

  /** {@link #addMessage(SqlConnection, MessageRow)}, and its work when it is inserted now. */
  private static Inserted<MessageRow> addMessage(SqlConnection db, MessageRow message,
      WorkRow next) throws SQLException {
    Inserted<MessageRow> inserted = addMessage(db, message);
    if (inserted.inserted()) {
      putWork(db, next);
    }
    return inserted;
  }

  // The row as it reads back: instants are kept to the millisecond.
  private static MessageRow stored(MessageRow m) {
    return new MessageRow(m.botId(), m.msgId(), m.direction(), m.userContact(),
        m.conversationId(), m.contributionId(), m.inReplyToContributionId(), m.rcsMessageJson(),
        m.requestHash(), m.status(), m.channel(), m.reason(), truncate(m.expiry()),
        truncate(m.createdAt()), truncate(m.updatedAt()), m.reportRequest());
  }

  @Override
  public Future<Optional<MessageRow>> message(String botId, String msgId) {
    return read(db -> findMessage(db, botId, msgId));
  }

  @Override
  public Future<Optional<MessageRow>> messageTo(String userContact, String msgId,
      List<String> botIds) {
    List<String> bots = List.copyOf(botIds);
    return read(db -> {
      Optional<MessageRow> latest = Optional.empty();
      // Each bot's (bot_id, msg_id) key is searched; a chunk of bots per statement.
      for (int from = 0; from < bots.size(); from += BOTS_PER_STATEMENT) {
        List<String> chunk = bots.subList(from, Math.min(bots.size(), from + BOTS_PER_STATEMENT));
        List<Object> params = new ArrayList<>(chunk);
        params.add(msgId);
        params.add(userContact);
        Optional<MessageRow> found = db.queryOne("SELECT " + MESSAGE_COLUMNS
            + " FROM messages WHERE bot_id IN (" + String.join(", ",
                Collections.nCopies(chunk.size(), "?")) + ") AND msg_id = ?"
            + " AND user_contact = ? AND direction = 'BOT_TO_USER'"
            + " ORDER BY created_at DESC LIMIT 1", SqlStore::messageRow, params.toArray());
        if (found.isPresent() && (latest.isEmpty()
            || found.get().createdAt().isAfter(latest.get().createdAt()))) {
          latest = found;
        }
      }
      return latest;
    });
  }

  private static final int BOTS_PER_STATEMENT = 500;

  private static Optional<MessageRow> findMessage(SqlConnection db, String botId, String msgId)
      throws SQLException {
    return db.queryOne(
        "SELECT " + MESSAGE_COLUMNS + " FROM messages WHERE bot_id = ? AND msg_id = ?",
        SqlStore::messageRow, botId, msgId);
  }

  @Override
  public Future<Boolean> updateStatus(String botId, String msgId, List<String> from,
      String fromChannel, StatusChange change) {
    List<String> expected = List.copyOf(from);
    return write(db -> changeStatus(db, botId, msgId, expected, fromChannel, change));
  }

  @Override
  public Future<Optional<EventRow>> updateStatusAndInsertEvent(String botId, String msgId,
      List<String> from, String fromChannel, StatusChange change, EventRow report) {
    List<String> expected = List.copyOf(from);
    // One operation, so one savepoint: a failing insert undoes the status change with it.
    return write(db -> changeStatus(db, botId, msgId, expected, fromChannel, change)
        ? Optional.of(addEvent(db, report))
        : Optional.empty());
  }

  @Override
  public Future<Optional<EventRow>> reportFromDevice(String botId, String msgId,
      List<String> from, StatusChange change, EventRow report) {
    List<String> expected = List.copyOf(from);
    return write(db -> {
      Optional<String[]> current = currentStatus(db, botId, msgId);
      if (current.isEmpty()) {
        return Optional.empty();
      }
      boolean onRcs = "rcs".equals(current.get()[2]) && expected.contains(current.get()[1]);
      boolean smsNotStarted = "sms".equals(current.get()[2])
          && "pending".equals(current.get()[1])
          && db.queryOne("SELECT 1 FROM sms_submits WHERE bot_id = ? AND msg_id = ? LIMIT 1",
              row -> 1, botId, msgId).isEmpty();
      if (!onRcs && !smsNotStarted) {
        return Optional.empty();
      }
      setStatus(db, Long.parseLong(current.get()[0]), current.get()[2], change);
      db.update("DELETE FROM work WHERE kind = 'MESSAGE' AND bot_id = ? AND ref = ?",
          botId, msgId);
      return Optional.of(addEvent(db, report));
    });
  }

  private static Optional<String[]> currentStatus(SqlConnection db, String botId, String msgId)
      throws SQLException {
    // Locked: the operation goes on to change the status it read.
    return db.queryOne(
        "SELECT id, status, channel FROM messages WHERE bot_id = ? AND msg_id = ?"
            + db.forUpdate(),
        row -> new String[] {row.getString(1), row.getString(2), row.getString(3)},
        botId, msgId);
  }

  private static boolean changeStatus(SqlConnection db, String botId, String msgId,
      List<String> expected, String expectedChannel, StatusChange change) throws SQLException {
    // Reading then writing is one atomic compare-and-set: the row is locked until the commit.
    Optional<String[]> current = currentStatus(db, botId, msgId);
    if (current.isEmpty()
        || (!expected.isEmpty() && !expected.contains(current.get()[1]))
        || (expectedChannel != null && !expectedChannel.equals(current.get()[2]))) {
      return false;
    }
    setStatus(db, Long.parseLong(current.get()[0]), current.get()[2], change);
    return true;
  }

  private static void setStatus(SqlConnection db, long id, String currentChannel,
      StatusChange change) throws SQLException {
    // A change that names no channel leaves the message on the channel it was on.
    String channel = change.channel() != null ? change.channel() : currentChannel;
    db.update("UPDATE messages SET status = ?, channel = ?, reason = ?, updated_at = ?"
            + " WHERE id = ?",
        change.status(), channel, change.reason(), millis(change.at()), id);
    db.update("""
        INSERT INTO message_history (message_id, status, channel, reason, at)
        VALUES (?, ?, ?, ?, ?)""",
        id, change.status(), channel, change.reason(), millis(change.at()));
  }

  @Override
  public Future<List<StatusChange>> history(String botId, String msgId) {
    return read(db -> db.query("""
        SELECT h.status, h.channel, h.reason, h.at
        FROM message_history h JOIN messages m ON m.id = h.message_id
        WHERE m.bot_id = ? AND m.msg_id = ?
        ORDER BY h.id""",
        row -> new StatusChange(row.getString("status"), row.getString("channel"),
            row.getString("reason"), instant(row, "at")),
        botId, msgId));
  }

  @Override
  public Future<List<MessageRow>> waitingFor(String userContact) {
    // The direction literal lets SQLite use the partial index messages_to_users.
    return read(db -> db.query("SELECT " + MESSAGE_COLUMNS + " FROM messages"
            + " WHERE direction = 'BOT_TO_USER' AND status IN ('pending', 'sent')"
            + " AND user_contact = ? AND channel = 'rcs' ORDER BY id",
        SqlStore::messageRow, userContact));
  }

  @Override
  public Future<List<MessageRow>> writtenToDevice(String userContact, Instant since,
      List<String> statuses) {
    if (statuses.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    List<Object> params = new ArrayList<>(statuses);
    params.add(userContact);
    params.add(millis(since));
    // The direction literal and the statuses let SQLite use the partial index messages_to_users.
    return read(db -> db.query("SELECT " + MESSAGE_COLUMNS + " FROM messages m"
            + " WHERE m.direction = 'BOT_TO_USER'"
            + " AND m.status IN (" + "?, ".repeat(statuses.size() - 1) + "?)"
            + " AND m.user_contact = ? AND m.created_at >= ?"
            + " AND EXISTS (SELECT 1 FROM message_history h"
            + " WHERE h.message_id = m.id AND h.status = 'sent' AND h.channel = 'rcs')"
            + " ORDER BY m.id",
        SqlStore::messageRow, params.toArray()));
  }

  private static List<String> reportRequest(String stored) {
    if (stored == null) {
      return null;
    }
    return stored.isEmpty() ? List.of() : List.of(stored.split(","));
  }

  private static MessageRow messageRow(ResultSet row) throws SQLException {
    return new MessageRow(
        row.getString("bot_id"),
        row.getString("msg_id"),
        Direction.valueOf(row.getString("direction")),
        row.getString("user_contact"),
        row.getString("conversation_id"),
        row.getString("contribution_id"),
        row.getString("in_reply_to_contribution_id"),
        row.getString("rcs_message_json"),
        row.getString("request_hash"),
        row.getString("status"),
        row.getString("channel"),
        row.getString("reason"),
        instant(row, "expiry"),
        instant(row, "created_at"),
        instant(row, "updated_at"),
        reportRequest(row.getString("report_request")));
  }

  // --- devices ----------------------------------------------------------------------------------

  @Override
  public Future<Void> putDevice(DeviceRow device) {
    String features = new JsonArray(List.copyOf(device.features())).encode();
    return write(db -> {
      db.update("""
          INSERT INTO devices (msisdn, features_json, provisioned_at) VALUES (?, ?, ?)
          ON CONFLICT (msisdn) DO UPDATE SET features_json = excluded.features_json""",
          device.msisdn(), features, millis(device.provisionedAt()));
      return null;
    });
  }

  @Override
  public Future<Optional<DeviceRow>> device(String msisdn) {
    return read(db -> db.queryOne(
        "SELECT features_json, provisioned_at FROM devices WHERE msisdn = ?",
        row -> new DeviceRow(msisdn, features(row.getString("features_json")),
            instant(row, "provisioned_at")),
        msisdn));
  }

  @Override
  public Future<Boolean> deleteDevice(String msisdn) {
    return write(db -> db.update("DELETE FROM devices WHERE msisdn = ?", msisdn) > 0);
  }

  private static List<String> features(String json) {
    return new JsonArray(json).stream().map(String.class::cast).toList();
  }

  // --- SMS fallback -----------------------------------------------------------------------------

  @Override
  public Future<Optional<EventRow>> smsAccepted(String botId, String msgId, List<String> smscIds,
      List<String> from, StatusChange change, EventRow report) {
    List<String> ids = List.copyOf(smscIds);
    List<String> expected = List.copyOf(from);
    return write(db -> {
      for (String id : ids) {
        // An SMSC may reuse ids after a long time: the newest part owns the id.
        db.update("""
            INSERT INTO sms_parts (smsc_id, bot_id, msg_id, created_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (smsc_id) DO UPDATE SET bot_id = excluded.bot_id,
              msg_id = excluded.msg_id, stat = NULL, err = NULL,
              created_at = excluded.created_at""",
            id, botId, msgId, millis(change.at()));
      }
      return changeStatus(db, botId, msgId, expected, null, change)
          ? Optional.of(addEvent(db, report))
          : Optional.<EventRow>empty();
    });
  }

  @Override
  public Future<List<SmsPartRow>> smsReceipt(List<String> smscIds, String stat, String err,
      Instant now) {
    List<String> ids = List.copyOf(smscIds);
    return write(db -> {
      for (String id : ids) {
        Optional<String[]> part = db.queryOne(
            "SELECT bot_id, msg_id FROM sms_parts WHERE smsc_id = ?",
            row -> new String[] {row.getString(1), row.getString(2)}, id);
        if (part.isPresent()) {
          db.update("UPDATE sms_parts SET stat = ?, err = ? WHERE smsc_id = ?", stat, err, id);
          putWork(db, WorkRow.due(WorkRow.Kind.MESSAGE, part.get()[0], part.get()[1], now));
          return parts(db, part.get()[0], part.get()[1]);
        }
      }
      return List.<SmsPartRow>of();
    });
  }

  @Override
  public Future<List<SmsPartRow>> smsParts(String botId, String msgId) {
    return read(db -> parts(db, botId, msgId));
  }

  private static List<SmsPartRow> parts(SqlConnection db, String botId, String msgId)
      throws SQLException {
    return db.query(
        "SELECT smsc_id, stat, err FROM sms_parts WHERE bot_id = ? AND msg_id = ? ORDER BY rowid",
        row -> new SmsPartRow(botId, msgId, row.getString("smsc_id"), row.getString("stat"),
            row.getString("err")),
        botId, msgId);
  }

  @Override
  public Future<Boolean> smsSubmitting(String botId, String msgId, int part, int parts,
      Instant at) {
    return write(db -> {
      Optional<String[]> current = currentStatus(db, botId, msgId);
      if (current.isEmpty() || !"pending".equals(current.get()[1])
          || !"sms".equals(current.get()[2])) {
        return false;
      }
      // A part submitted again in this process (after a timeout) keeps its first intent.
      db.update("""
          INSERT INTO sms_submits (bot_id, msg_id, part, parts, at) VALUES (?, ?, ?, ?, ?)
          ON CONFLICT (bot_id, msg_id, part) DO NOTHING""",
          botId, msgId, part, parts, millis(at));
      return true;
    });
  }

  @Override
  public Future<Void> smsSubmitAnswered(String botId, String msgId, int part, String smscId) {
    return write(db -> {
      db.update("UPDATE sms_submits SET smsc_id = ? WHERE bot_id = ? AND msg_id = ? AND part = ?",
          smscId, botId, msgId, part);
      return null;
    });
  }

  @Override
  public Future<List<SmsSubmit>> smsSubmits(String botId, String msgId) {
    return read(db -> db.query("""
        SELECT part, parts, smsc_id FROM sms_submits WHERE bot_id = ? AND msg_id = ?
        ORDER BY part""",
        row -> new SmsSubmit(botId, msgId, row.getInt("part"), row.getInt("parts"),
            row.getString("smsc_id")),
        botId, msgId));
  }

  // --- users' SMS (mobile-originated) -----------------------------------------------------------

  @Override
  public Future<Boolean> smsMoSeen(String key, Instant now, Instant until) {
    return write(db -> noteSeen(db, key, now, until));
  }

  private static boolean noteSeen(SqlConnection db, String key, Instant now, Instant until)
      throws SQLException {
    // A key whose time ran out counts as new, whether or not the sweep has removed it yet.
    return db.update("""
        INSERT INTO sms_mo_seen (seen_key, expires_at) VALUES (?, ?)
        ON CONFLICT (seen_key) DO UPDATE SET expires_at = excluded.expires_at
        WHERE sms_mo_seen.expires_at <= ?""",
        key, millis(until), millis(now)) > 0;
  }

  @Override
  public Future<List<SmsMoPart>> smsMoPart(SmsMoPart part, String key, Instant until) {
    return write(db -> {
      if (!noteSeen(db, key, part.receivedAt(), until)) {
        return List.<SmsMoPart>of();
      }
      // The parts of one text may arrive at once (on two nodes): the last one in joins them.
      db.lock("sms-mo/" + part.sender() + "/" + part.recipient() + "/" + part.reference() + "/"
          + part.total());
      db.update("""
          INSERT INTO sms_mo_parts (sender, recipient, reference, total, sequence, data_coding,
            payload, received_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?)
          ON CONFLICT DO NOTHING""",
          part.sender(), part.recipient(), part.reference(), part.total(), part.sequence(),
          part.dataCoding(), part.payload(), millis(part.receivedAt()));
      List<SmsMoPart> text = db.query("""
          SELECT * FROM sms_mo_parts
          WHERE sender = ? AND recipient = ? AND reference = ? AND total = ?
          ORDER BY sequence""",
          SqlStore::smsMoPart, part.sender(), part.recipient(), part.reference(),
          part.total());
      if (text.size() < part.total()) {
        return List.<SmsMoPart>of();
      }
      db.update("""
          DELETE FROM sms_mo_parts
          WHERE sender = ? AND recipient = ? AND reference = ? AND total = ?""",
          part.sender(), part.recipient(), part.reference(), part.total());
      return text;
    });
  }

  @Override
  public Future<List<SmsMoPart>> smsMoExpire(Instant now, Instant staleBefore) {
    return write(db -> {
      db.update("DELETE FROM sms_mo_seen WHERE expires_at <= ?", millis(now));
      String stale = """
          (sender, recipient, reference, total) IN (
            SELECT sender, recipient, reference, total FROM sms_mo_parts
            GROUP BY sender, recipient, reference, total
            HAVING min(received_at) <= ?)""";
      // Deleted and answered in one statement, so two sweeps never both report a text.
      List<SmsMoPart> removed = new ArrayList<>(db.query(
          "DELETE FROM sms_mo_parts WHERE " + stale + " RETURNING *",
          SqlStore::smsMoPart, millis(staleBefore)));
      removed.sort(Comparator.comparing(SmsMoPart::sender)
          .thenComparing(SmsMoPart::recipient)
          .thenComparingInt(SmsMoPart::reference)
          .thenComparingInt(SmsMoPart::total)
          .thenComparingInt(SmsMoPart::sequence));
      return removed;
    });
  }

  private static SmsMoPart smsMoPart(ResultSet row) throws SQLException {
    return new SmsMoPart(row.getString("sender"), row.getString("recipient"),
        row.getInt("reference"), row.getInt("total"), row.getInt("sequence"),
        row.getInt("data_coding"), row.getBytes("payload"), instant(row, "received_at"));
  }

  // --- work -------------------------------------------------------------------------------------

  @Override
  public Future<Void> schedule(WorkRow work) {
    return write(db -> {
      putWork(db, work);
      return null;
    });
  }

  private static void putWork(SqlConnection db, WorkRow work) throws SQLException {
    db.update("""
        INSERT INTO work (kind, bot_id, ref, due_at, claimed_by, lease_until, attempts, version)
        VALUES (?, ?, ?, ?, ?, ?, ?, 1)
        ON CONFLICT (kind, bot_id, ref) DO UPDATE SET due_at = excluded.due_at,
          claimed_by = excluded.claimed_by, lease_until = excluded.lease_until,
          version = work.version + 1""",
        work.kind().name(), work.botId(), work.ref(), millis(work.dueAt()), work.claimedBy(),
        millis(work.leaseUntil()), work.attempts());
  }

  @Override
  public Future<List<WorkRow>> claimDue(String node, Instant now, Instant leaseUntil,
      int limit, Map<WorkRow.Kind, Integer> maxPerBot) {
    Map<WorkRow.Kind, Integer> bounds = Map.copyOf(maxPerBot);
    return write(db -> {
      // Another node may claim the same rows meanwhile: the update claims a row only if it is
      // still free, so a row is never held twice (the bounds are per claim, not cluster-wide).
      Map<String, Integer> held = bounds.isEmpty() ? new HashMap<>() : held(db, now);
      List<WorkRow> claimed = new ArrayList<>();
      Due last = null;
      // Pages in due order; rows of a bot at its bound are passed over, so a bot with a backlog
      // never holds back another's due work.
      while (claimed.size() < limit) {
        List<Due> page = duePage(db, now, last, CLAIM_PAGE, atBound(held, bounds));
        for (Due due : page) {
          WorkRow row = due.row();
          Integer bound = bounds.get(row.kind());
          String heldKey = row.kind() + "/" + row.botId();
          if (bound != null && held.getOrDefault(heldKey, 0) >= bound) {
            continue;
          }
          if (db.update("""
              UPDATE work SET claimed_by = ?, lease_until = ?, attempts = attempts + 1,
                version = version + 1
              WHERE id = ? AND version = ?""",
              node, millis(leaseUntil), due.id(), row.version()) == 0) {
            continue;
          }
          held.merge(heldKey, 1, Integer::sum);
          claimed.add(new WorkRow(row.kind(), row.botId(), row.ref(), row.dueAt(), node,
              truncate(leaseUntil), row.attempts() + 1, row.version() + 1));
          if (claimed.size() == limit) {
            break;
          }
        }
        if (page.size() < CLAIM_PAGE) {
          break;
        }
        last = page.get(page.size() - 1);
      }
      return claimed;
    });
  }

  private static final int CLAIM_PAGE = 256;

  /** How many rows each (kind, bot) holds under a lease still running at {@code now}. */
  private static Map<String, Integer> held(SqlConnection db, Instant now) throws SQLException {
    Map<String, Integer> held = new HashMap<>();
    for (Object[] row : db.query("""
        SELECT kind, bot_id, count(*) FROM work
        WHERE claimed_by IS NOT NULL AND lease_until > ?
        GROUP BY kind, bot_id""",
        row -> new Object[] {row.getString(1) + "/" + row.getString(2), row.getInt(3)},
        millis(now))) {
      held.put((String) row[0], (Integer) row[1]);
    }
    return held;
  }

  /** A claimable row and its place in the table. */
  private record Due(long id, WorkRow row) {}

  /** The "kind/bot" keys already holding as many rows as their kind's bound. */
  private static List<String> atBound(Map<String, Integer> held,
      Map<WorkRow.Kind, Integer> bounds) {
    List<String> full = new ArrayList<>();
    held.forEach((key, count) -> {
      Integer bound = bounds.get(WorkRow.Kind.valueOf(key.substring(0, key.indexOf('/'))));
      if (bound != null && count >= bound) {
        full.add(key);
      }
    });
    return full;
  }

  /**
   * Claimable rows due by {@code now}, in (due time, id) order after {@code after}, leaving out
   * the bots at their bound ({@code full}) in SQL, so a bot's backlog is not read row by row.
   */
  private static List<Due> duePage(SqlConnection db, Instant now, Due after, int size,
      List<String> full) throws SQLException {
    SqlConnection.RowMapper<Due> due = row -> new Due(row.getLong("id"), workRow(row));
    long afterDue = after == null ? Long.MIN_VALUE : millis(after.row().dueAt());
    long afterId = after == null ? Long.MIN_VALUE : after.id();
    List<Object> params = new ArrayList<>(List.of(millis(now), millis(now), afterDue, afterDue,
        afterId));
    params.addAll(full);
    params.add(size);
    return db.query("""
        SELECT * FROM work
        WHERE due_at <= ? AND (claimed_by IS NULL OR lease_until <= ?)
          AND (due_at > ? OR (due_at = ? AND id > ?))"""
            + (full.isEmpty() ? "" : "\n  AND kind || '/' || bot_id NOT IN ("
                + "?, ".repeat(full.size() - 1) + "?)")
            + "\nORDER BY due_at, id LIMIT ?",
        due, params.toArray());
  }

  @Override
  public Future<Optional<Instant>> nextDue(Instant now) {
    return read(db -> db.queryOne("""
        SELECT due_at FROM work
        WHERE due_at IS NOT NULL AND (claimed_by IS NULL OR lease_until <= ?)
        ORDER BY due_at LIMIT 1""",
        row -> instant(row, "due_at"), millis(now)));
  }

  @Override
  public Future<Boolean> settle(WorkRow claim) {
    return write(db -> settle(db, claim));
  }

  @Override
  public Future<Optional<WorkRow>> handOver(WorkRow claim, Optional<Instant> dueAgain,
      Instant now, Instant leaseUntil) {
    return write(db -> {
      boolean held = dueAgain.isPresent()
          ? release(db, claim, dueAgain.get())
          : settle(db, claim);
      if (!held) {
        return Optional.empty();
      }
      if (origin != null) {
        // Several nodes: this node's own rows first (the events of the users whose sockets it
        // holds, so what a synchronous reply sends is routed here), then anyone's.
        Optional<WorkRow> own = claimNext(db, claim, now, leaseUntil, "AND origin = ?", origin);
        if (own.isPresent()) {
          return own;
        }
      }
      return claimNext(db, claim, now, leaseUntil, "");
    });
  }

  /** Claims the earliest due row of the claim's kind and bot that {@code filter} keeps. */
  private static Optional<WorkRow> claimNext(SqlConnection db, WorkRow claim, Instant now,
      Instant leaseUntil, String filter, Object... filterParams) throws SQLException {
    List<Object> params = new ArrayList<>(Arrays.asList(claim.claimedBy(), millis(leaseUntil),
        claim.kind().name(), claim.botId(), millis(now), millis(now)));
    params.addAll(Arrays.asList(filterParams));
    params.add(millis(now));
    // The outer condition again: another node's claim of the same row may commit first.
    return db.queryOne("""
        UPDATE work SET claimed_by = ?, lease_until = ?, attempts = attempts + 1,
          version = version + 1
        WHERE id = (SELECT id FROM work
                    WHERE kind = ? AND bot_id = ? AND due_at <= ?
                      AND (claimed_by IS NULL OR lease_until <= ?) """ + filter + "\n" + """
                    ORDER BY due_at, id LIMIT 1""" + db.skipLocked() + """
                    )
          AND (claimed_by IS NULL OR lease_until <= ?)
        RETURNING *""",
        SqlStore::workRow, params.toArray());
  }

  private static boolean settle(SqlConnection db, WorkRow claim) throws SQLException {
    Optional<Lane> held = db.queryOne("""
        DELETE FROM work WHERE kind = ? AND bot_id = ? AND ref = ? AND version = ?
        RETURNING lane""",
        row -> new Lane(row.getString("lane")),
        claim.kind().name(), claim.botId(), claim.ref(), claim.version());
    if (held.isEmpty()) {
      return false;
    }
    if (claim.kind() == WorkRow.Kind.EVENT) {
      db.update("UPDATE events SET state = 'DELIVERED' WHERE event_id = ? AND state = 'PENDING'",
          claim.ref());
    }
    if (held.get().name() != null) {
      startLane(db, claim.kind(), claim.botId(), held.get().name(), claim.dueAt());
    }
    return true;
  }

  /** A lane of work rows run one at a time; null when the row is in none. */
  private record Lane(String name) {}

  /**
   * Orders the operations on one lane: a row added to it (which waits when the lane has another)
   * and the settle of its running row (which starts the next) must each see what the other did.
   */
  private static void lockLane(SqlConnection db, WorkRow.Kind kind, String botId, String lane)
      throws SQLException {
    db.lock("lane/" + kind.name() + "/" + botId + "/" + lane);
  }

  /**
   * Makes the lane's first row due, unless a row of the lane is due or held already: an event's
   * row from when its event was created (or replayed), so the bot's events are taken first come,
   * first served whichever conversation they are in (a busy conversation's next event does not
   * inherit the due time of the first one it ever had); a row of another kind from
   * {@code fallback}.
   */
  private static void startLane(SqlConnection db, WorkRow.Kind kind, String botId, String lane,
      Instant fallback) throws SQLException {
    lockLane(db, kind, botId, lane);
    // "+due_at": on "due_at IS NOT NULL" SQLite would search the bot's every due row through
    // work_due_per_bot, a scan as long as the bot's backlog on each settle; the unary plus keeps
    // it on the lane's own rows (work_lanes). PostgreSQL reads it as the same test.
    db.update("""
        UPDATE work SET due_at = coalesce((SELECT e.retry_from FROM events e
                                           WHERE work.kind = 'EVENT' AND e.event_id = work.ref),
                                          ?),
          version = version + 1
        WHERE id = (SELECT id FROM work WHERE kind = ? AND bot_id = ? AND lane = ?
                    ORDER BY seq LIMIT 1)
          AND due_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM work WHERE kind = ? AND bot_id = ? AND lane = ?
                          AND +due_at IS NOT NULL)""",
        millis(fallback), kind.name(), botId, lane, kind.name(), botId, lane);
  }

  @Override
  public Future<Boolean> release(WorkRow claim, Instant dueAt) {
    return write(db -> release(db, claim, dueAt));
  }

  private static boolean release(SqlConnection db, WorkRow claim, Instant dueAt)
      throws SQLException {
    return db.update("""
        UPDATE work SET due_at = ?, claimed_by = NULL, lease_until = NULL,
          version = version + 1
        WHERE kind = ? AND bot_id = ? AND ref = ? AND version = ?""",
        millis(dueAt), claim.kind().name(), claim.botId(), claim.ref(), claim.version()) > 0;
  }

  @Override
  public Future<Void> extendLeases(String node, List<WorkRow> claims, Instant leaseUntil) {
    List<WorkRow> held = List.copyOf(claims);
    return write(db -> {
      for (WorkRow claim : held) {
        db.update("""
            UPDATE work SET lease_until = ?
            WHERE kind = ? AND bot_id = ? AND ref = ? AND version = ? AND claimed_by = ?""",
            millis(leaseUntil), claim.kind().name(), claim.botId(), claim.ref(),
            claim.version(), node);
      }
      return null;
    });
  }

  @Override
  public Future<Void> cancelWork(WorkRow.Kind kind, String botId, String ref) {
    return write(db -> {
      db.update("DELETE FROM work WHERE kind = ? AND bot_id = ? AND ref = ?",
          kind.name(), botId, ref);
      return null;
    });
  }

  @Override
  public Future<Integer> releaseClaims(String node) {
    return write(db -> db.update("""
        UPDATE work SET claimed_by = NULL, lease_until = NULL, version = version + 1
        WHERE claimed_by = ?""", node));
  }

  private static WorkRow workRow(ResultSet row) throws SQLException {
    return new WorkRow(
        WorkRow.Kind.valueOf(row.getString("kind")),
        row.getString("bot_id"),
        row.getString("ref"),
        instant(row, "due_at"),
        row.getString("claimed_by"),
        instant(row, "lease_until"),
        row.getInt("attempts"),
        row.getLong("version"));
  }

  @Override
  public Future<Void> putSmsContact(SmsContact c) {
    return write(db -> {
      db.update("""
          INSERT INTO sms_contacts (user_contact, sender, latest_bot_id, latest_msg_id, latest_at,
            choice_bot_id, choice_msg_id, choices_json, choices_until)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
          ON CONFLICT (user_contact, sender) DO UPDATE SET
            latest_bot_id = excluded.latest_bot_id, latest_msg_id = excluded.latest_msg_id,
            latest_at = excluded.latest_at,
            choice_bot_id = coalesce(excluded.choice_bot_id, sms_contacts.choice_bot_id),
            choice_msg_id = coalesce(excluded.choice_msg_id, sms_contacts.choice_msg_id),
            choices_json = coalesce(excluded.choices_json, sms_contacts.choices_json),
            choices_until = coalesce(excluded.choices_until, sms_contacts.choices_until)""",
          c.userContact(), c.sender(), c.latestBotId(), c.latestMsgId(), millis(c.latestAt()),
          c.choiceBotId(), c.choiceMsgId(), c.choicesJson(), millis(c.choicesUntil()));
      return null;
    });
  }

  @Override
  public Future<Optional<SmsContact>> smsContact(String userContact, String sender) {
    return read(db -> db.queryOne(
        "SELECT * FROM sms_contacts WHERE user_contact = ? AND sender = ?",
        row -> new SmsContact(userContact, sender, row.getString("latest_bot_id"),
            row.getString("latest_msg_id"), instant(row, "latest_at"),
            row.getString("choice_bot_id"), row.getString("choice_msg_id"),
            row.getString("choices_json"), instant(row, "choices_until")),
        userContact, sender));
  }

  @Override
  public Future<Void> setSmsOptOut(String botId, String userContact, boolean optedOut,
      Instant at) {
    return write(db -> {
      if (optedOut) {
        db.update("""
            INSERT INTO sms_opt_outs (bot_id, user_contact, at) VALUES (?, ?, ?)
            ON CONFLICT (bot_id, user_contact) DO NOTHING""", botId, userContact, millis(at));
      } else {
        db.update("DELETE FROM sms_opt_outs WHERE bot_id = ? AND user_contact = ?",
            botId, userContact);
      }
      return null;
    });
  }

  @Override
  public Future<Boolean> smsOptedOut(String botId, String userContact) {
    return read(db -> db.queryOne(
        "SELECT 1 FROM sms_opt_outs WHERE bot_id = ? AND user_contact = ?",
        row -> true, botId, userContact).isPresent());
  }

  // --- webhook events ---------------------------------------------------------------------------

  @Override
  public Future<EventRow> insertEvent(EventRow event) {
    return write(db -> addEvent(db, event));
  }

  private EventRow addEvent(SqlConnection db, EventRow event) throws SQLException {
    long sequence = db.queryOne("""
        INSERT INTO events (event_id, bot_id, conversation_id, body_json, state, attempts,
          retry_from, last_error, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (event_id) DO NOTHING
        RETURNING sequence""",
        row -> row.getLong(1),
        event.eventId(), event.botId(), event.conversationId(), event.bodyJson(),
        event.state().name(), event.attempts(), millis(retryFrom(event)),
        event.lastError(), millis(event.createdAt()))
        .orElseThrow(() -> new StoreConflict("event '" + event.eventId() + "' exists"));
    WorkRow taken = event.state() == State.PENDING
        ? addEventWork(db, event.botId(), event.eventId(), event.conversationId(), sequence,
            event.createdAt(), event.claim(), origin)
        : null;
    return new EventRow(event.eventId(), event.botId(), event.conversationId(), sequence,
        event.bodyJson(), event.state(), event.attempts(), truncate(retryFrom(event)),
        event.lastError(), truncate(event.createdAt()), taken);
  }

  /**
   * Adds an event's work, new or replayed (a row still there is kept): due at {@code dueAt} when
   * its conversation has no other (held by {@code claim}, if any, which is answered), else waiting
   * for the one before it.
   */
  private static WorkRow addEventWork(SqlConnection db, String botId, String eventId,
      String conversationId, long sequence, Instant dueAt, WorkRow claim, String origin)
      throws SQLException {
    if (conversationId != null) {
      lockLane(db, WorkRow.Kind.EVENT, botId, conversationId);
    }
    // One statement: the row waits (no due time, no holder) when its conversation has another.
    // The casts type the parameters that may be null, which PostgreSQL cannot guess.
    boolean taken = db.queryOne("""
        INSERT INTO work (kind, bot_id, ref, due_at, claimed_by, lease_until, attempts, version,
          lane, seq, origin)
        SELECT 'EVENT', ?, ?, CASE WHEN waits THEN NULL ELSE CAST(? AS BIGINT) END,
          CASE WHEN waits THEN NULL ELSE CAST(? AS TEXT) END,
          CASE WHEN waits THEN NULL ELSE CAST(? AS BIGINT) END,
          CASE WHEN waits OR CAST(? AS TEXT) IS NULL THEN 0 ELSE 1 END,
          CASE WHEN waits OR CAST(? AS TEXT) IS NULL THEN 0 ELSE 1 END, ?, ?, CAST(? AS TEXT)
        FROM (SELECT CAST(? AS TEXT) IS NOT NULL AND EXISTS (SELECT 1 FROM work
                WHERE kind = 'EVENT' AND bot_id = ? AND lane = ?) AS waits) AS w
        WHERE true
        ON CONFLICT (kind, bot_id, ref) DO NOTHING
        RETURNING claimed_by IS NOT NULL""",
        row -> row.getBoolean(1),
        botId, eventId, millis(dueAt),
        claim == null ? null : claim.claimedBy(), claim == null ? null : millis(claim.leaseUntil()),
        claim == null ? null : claim.claimedBy(), claim == null ? null : claim.claimedBy(),
        conversationId, sequence, origin, conversationId, botId, conversationId).orElse(false);
    return !taken ? null : WorkRow.claimed(WorkRow.Kind.EVENT, botId, eventId, truncate(dueAt),
        claim.claimedBy(), truncate(claim.leaseUntil()));
  }

  private static Instant retryFrom(EventRow event) {
    return event.retryFrom() != null ? event.retryFrom() : event.createdAt();
  }

  @Override
  public Future<Optional<EventRow>> event(String eventId) {
    return read(db -> db.queryOne("SELECT * FROM events WHERE event_id = ?",
        SqlStore::eventRow, eventId));
  }

  @Override
  public Future<Void> eventRetry(String eventId, int attempts, String lastError) {
    return updateEvent(eventId, """
        UPDATE events SET attempts = ?, last_error = ? WHERE event_id = ?""",
        attempts, lastError, eventId);
  }

  @Override
  public Future<Void> eventDead(String eventId, String lastError) {
    return updateEvent(eventId,
        "UPDATE events SET state = 'DEAD', last_error = ? WHERE event_id = ?",
        lastError, eventId);
  }

  private Future<Void> updateEvent(String eventId, String sql, Object... params) {
    return write(db -> {
      if (db.update(sql, params) == 0) {
        throw new StoreNotFound("no event '" + eventId + "'");
      }
      return null;
    });
  }

  @Override
  public Future<List<EventRow>> pendingEvents() {
    return read(db -> db.query(
        "SELECT * FROM events WHERE state = 'PENDING' ORDER BY sequence", SqlStore::eventRow));
  }

  @Override
  public Future<List<EventRow>> deadLetters(String botId) {
    return read(db -> db.query(
        "SELECT * FROM events WHERE state = 'DEAD' AND bot_id = ? ORDER BY sequence",
        SqlStore::eventRow, botId));
  }

  @Override
  public Future<List<EventRow>> replayDeadLetters(String botId, Instant now) {
    return write(db -> {
      // Replayed and answered in one statement, so two replays never both replay an event.
      List<EventRow> dead = new ArrayList<>(db.query("""
          UPDATE events SET state = 'PENDING', attempts = 0, retry_from = ?
          WHERE state = 'DEAD' AND bot_id = ?
          RETURNING *""", SqlStore::eventRow, millis(now), botId));
      dead.sort(Comparator.comparingLong(EventRow::sequence));
      for (EventRow event : dead) {
        addEventWork(db, botId, event.eventId(), event.conversationId(), event.sequence(), now,
            null, origin);
      }
      return List.copyOf(dead);
    });
  }

  private static EventRow eventRow(ResultSet row) throws SQLException {
    return new EventRow(
        row.getString("event_id"),
        row.getString("bot_id"),
        row.getString("conversation_id"),
        row.getLong("sequence"),
        row.getString("body_json"),
        State.valueOf(row.getString("state")),
        row.getInt("attempts"),
        instant(row, "retry_from"),
        row.getString("last_error"),
        instant(row, "created_at"));
  }

  // --- files ------------------------------------------------------------------------------------

  private static final String FILE_COLUMNS = """
      file_id, owner_kind, owner, file_name, content_type, file_size, thumbnail_type,
      thumbnail_size, status, until, created_at""";

  @Override
  public Future<Void> insertFile(FileRow file, long quotaBytes) {
    return write(db -> {
      addFile(db, file, quotaBytes);
      return null;
    });
  }

  @Override
  public Future<Optional<EventRow>> insertFileAndEvent(FileRow file, long quotaBytes,
      EventRow report) {
    return write(db -> {
      addFile(db, file, quotaBytes);
      return Optional.of(addEvent(db, report));
    });
  }

  private static void addFile(SqlConnection db, FileRow file, long quotaBytes)
      throws SQLException {
    // Summing then inserting is atomic: the owner's files are locked until the commit.
    db.lock("files/" + file.ownerKind().name() + "/" + file.owner());
    long used = db.queryOne("""
        SELECT coalesce(sum(file_size + coalesce(thumbnail_size, 0)), 0) FROM files
        WHERE owner_kind = ? AND owner = ? AND status = 'READY'""",
        row -> row.getLong(1), file.ownerKind().name(), file.owner()).orElse(0L);
    if (used + file.storedBytes() > quotaBytes) {
      throw new QuotaExceeded(used, quotaBytes);
    }
    db.update("INSERT INTO files (" + FILE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        file.fileId(), file.ownerKind().name(), file.owner(), file.fileName(),
        file.contentType(), file.fileSize(), file.thumbnailType(), file.thumbnailSize(),
        file.status().name(), millis(file.until()), millis(file.createdAt()));
  }

  @Override
  public Future<Optional<FileRow>> file(String fileId) {
    return read(db -> db.queryOne("SELECT " + FILE_COLUMNS + " FROM files WHERE file_id = ?",
        SqlStore::fileRow, fileId));
  }

  @Override
  public Future<Set<String>> fileIds() {
    return read(db -> Set.copyOf(db.query("SELECT file_id FROM files", row -> row.getString(1))));
  }

  @Override
  public Future<Boolean> deleteFile(String fileId) {
    return write(db -> db.update("DELETE FROM files WHERE file_id = ?", fileId) > 0);
  }

  @Override
  public Future<List<FileRow>> filesDue(Instant now, int limit) {
    return read(db -> db.query("SELECT " + FILE_COLUMNS + " FROM files"
            + " WHERE status = 'READY' AND until <= ? ORDER BY until LIMIT ?",
        SqlStore::fileRow, millis(now), limit));
  }

  @Override
  public Future<Boolean> expireFile(String fileId) {
    return write(db -> expire(db, fileId));
  }

  @Override
  public Future<Optional<EventRow>> expireFileAndInsertEvent(String fileId, EventRow report) {
    return write(db -> expire(db, fileId) ? Optional.of(addEvent(db, report)) : Optional.empty());
  }

  private static boolean expire(SqlConnection db, String fileId) throws SQLException {
    return db.update("UPDATE files SET status = 'EXPIRED' WHERE file_id = ? AND status = 'READY'",
        fileId) > 0;
  }

  private static FileRow fileRow(ResultSet row) throws SQLException {
    long thumbnailSize = row.getLong("thumbnail_size");
    Long thumbnail = row.wasNull() ? null : thumbnailSize;
    return new FileRow(
        row.getString("file_id"),
        FileRow.Owner.valueOf(row.getString("owner_kind")),
        row.getString("owner"),
        row.getString("file_name"),
        row.getString("content_type"),
        row.getLong("file_size"),
        row.getString("thumbnail_type"),
        thumbnail,
        FileRow.Status.valueOf(row.getString("status")),
        instant(row, "until"),
        instant(row, "created_at"));
  }

  // --- nodes ------------------------------------------------------------------------------------

  @Override
  public Future<Void> nodeSeen(String node, Instant startedAt, Instant now) {
    return write(db -> {
      db.update("""
          INSERT INTO nodes (node_id, started_at, seen_at) VALUES (?, ?, ?)
          ON CONFLICT (node_id) DO UPDATE SET started_at = excluded.started_at,
            seen_at = excluded.seen_at""",
          node, millis(startedAt), millis(now));
      return null;
    });
  }

  @Override
  public Future<List<String>> nodesSeenSince(Instant since) {
    return read(db -> db.query("SELECT node_id FROM nodes WHERE seen_at >= ? ORDER BY node_id",
        row -> row.getString(1), millis(since)));
  }

  // --- signals ----------------------------------------------------------------------------------

  /** Why {@code payload} cannot be sent as a signal: empty, or too long; empty when it can. */
  static Optional<IllegalArgumentException> refusedSignal(String payload) {
    if (payload.isEmpty()) {
      return Optional.of(new IllegalArgumentException("a signal must not be empty"));
    }
    if (payload.length() > MAX_SIGNAL_CHARS) {
      return Optional.of(new IllegalArgumentException("a signal is at most " + MAX_SIGNAL_CHARS
          + " characters, got " + payload.length()));
    }
    return Optional.empty();
  }

  // --- platform secrets ------------------------------------------------------------------------

  @Override
  public Future<Optional<String>> platformSecret(String name) {
    return read(db -> db.queryOne("SELECT value FROM platform_secrets WHERE name = ?",
        row -> row.getString("value"), name));
  }

  // --- campaigns --------------------------------------------------------------------------------

  private static final String CAMPAIGN_COLUMNS = """
      campaign_id, bot_id, name, message_json, status, rate_per_second, start_at, recipients,
      skipped_duplicate, skipped_invalid, created_at, started_at, completed_at, handed_on,
      window_json, reported_step""";

  @Override
  public Future<Void> insertCampaign(CampaignRow c, List<RecipientRow> recipients, WorkRow work) {
    List<RecipientRow> rows = List.copyOf(recipients);
    return write(db -> {
      db.update("INSERT INTO campaigns (" + CAMPAIGN_COLUMNS + ")"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          c.campaignId(), c.botId(), c.name(), c.messageJson(), c.status(), c.ratePerSecond(),
          millis(c.startAt()), c.recipients(), c.skippedDuplicate(), c.skippedInvalid(),
          millis(c.createdAt()), millis(c.startedAt()), millis(c.completedAt()), c.handedOn(), c.windowJson(),
          c.reportedStep());
      for (RecipientRow r : rows) {
        db.update("""
            INSERT INTO campaign_recipients (campaign_id, seq, user_contact, vars_json, state,
              reason)
            VALUES (?, ?, ?, ?, ?, ?)""",
            c.campaignId(), r.seq(), r.userContact(), r.varsJson(), r.state(), r.reason());
      }
      if (work != null) {
        putWork(db, work);
      }
      return null;
    });
  }

  @Override
  public Future<Optional<CampaignRow>> campaign(String campaignId) {
    return read(db -> findCampaign(db, campaignId));
  }

  private static Optional<CampaignRow> findCampaign(SqlConnection db, String campaignId)
      throws SQLException {
    return db.queryOne("SELECT " + CAMPAIGN_COLUMNS + " FROM campaigns WHERE campaign_id = ?",
        SqlStore::campaignRow, campaignId);
  }

  private static CampaignRow campaignRow(ResultSet row) throws SQLException {
    return new CampaignRow(row.getString("campaign_id"), row.getString("bot_id"),
        row.getString("name"), row.getString("message_json"), row.getString("status"),
        row.getInt("rate_per_second"), instant(row, "start_at"), row.getInt("recipients"),
        row.getInt("skipped_duplicate"), row.getInt("skipped_invalid"),
        instant(row, "created_at"), instant(row, "started_at"), instant(row, "completed_at"),
        row.getInt("handed_on"), row.getString("window_json"), row.getInt("reported_step"));
  }

  // A recipient's message is the bot's campaignId.seq, found through the (bot_id, msg_id) key.
  private static final String RECIPIENT_MESSAGE = """
      LEFT JOIN messages m ON m.bot_id = ? AND m.msg_id = r.campaign_id || '.' || r.seq""";

  @Override
  public Future<List<RecipientTally>> recipientTallies(String botId, String campaignId) {
    return read(db -> db.query("""
        SELECT r.state, m.status, m.channel, COUNT(*) AS n FROM campaign_recipients r
        """ + RECIPIENT_MESSAGE + """

        WHERE r.campaign_id = ? GROUP BY r.state, m.status, m.channel""",
        row -> new RecipientTally(row.getString("state"), row.getString("status"),
            row.getString("channel"), row.getInt("n")),
        botId, campaignId));
  }

  @Override
  public Future<List<RecipientResult>> recipientResults(String botId, String campaignId,
      int afterSeq, int limit) {
    return read(db -> db.query("""
        SELECT r.seq, r.user_contact, r.state, r.reason, m.status, m.channel,
          m.reason AS message_reason, m.updated_at
        FROM campaign_recipients r
        """ + RECIPIENT_MESSAGE + """

        WHERE r.campaign_id = ? AND r.seq > ? ORDER BY r.seq LIMIT ?""",
        row -> new RecipientResult(row.getInt("seq"), row.getString("user_contact"),
            row.getString("state"), row.getString("reason"), row.getString("status"),
            row.getString("channel"), row.getString("message_reason"),
            instant(row, "updated_at")),
        botId, campaignId, afterSeq, limit));
  }

  @Override
  public Future<Optional<EventRow>> reportCampaignStep(String campaignId, int step,
      EventRow report) {
    return write(db -> db.update("""
        UPDATE campaigns SET reported_step = ? WHERE campaign_id = ? AND reported_step < ?""",
        step, campaignId, step) > 0 ? Optional.of(addEvent(db, report)) : Optional.empty());
  }

  @Override
  public Future<List<RecipientRow>> pendingRecipients(String campaignId, int limit) {
    return read(db -> db.query("""
        SELECT campaign_id, seq, user_contact, vars_json, state, reason FROM campaign_recipients
        WHERE campaign_id = ? AND state = 'pending' ORDER BY seq LIMIT ?""",
        row -> new RecipientRow(row.getString("campaign_id"), row.getInt("seq"),
            row.getString("user_contact"), row.getString("vars_json"), row.getString("state"),
            row.getString("reason")),
        campaignId, limit));
  }

  @Override
  public Future<Boolean> settleRecipients(String campaignId, List<RecipientRow> settled,
      Instant now) {
    List<RecipientRow> rows = List.copyOf(settled);
    return write(db -> {
      int settledNow = 0;
      for (RecipientRow r : rows) {
        settledNow += db.update("""
            UPDATE campaign_recipients SET state = ?, reason = ?
            WHERE campaign_id = ? AND seq = ?
              AND (state = 'pending' OR (state = 'cancelled' AND ? = 'sent'))""",
            r.state(), r.reason(), campaignId, r.seq(), r.state());
      }
      db.update("UPDATE campaigns SET handed_on = handed_on + ? WHERE campaign_id = ?",
          settledNow, campaignId);
      boolean pending = db.queryOne("""
          SELECT 1 FROM campaign_recipients WHERE campaign_id = ? AND state = 'pending'
          LIMIT 1""", row -> 1, campaignId).isPresent();
      if (!pending) {
        db.update("""
            UPDATE campaigns SET status = 'completed', completed_at = ?
            WHERE campaign_id = ? AND status = 'running'""", millis(now), campaignId);
      }
      return pending;
    });
  }

  @Override
  public Future<Optional<CampaignRow>> moveCampaign(String campaignId, Set<String> from,
      String to, Instant now, WorkRow work) {
    Set<String> expected = Set.copyOf(from);
    return write(db -> {
      Optional<CampaignRow> found = db.queryOne("SELECT " + CAMPAIGN_COLUMNS
          + " FROM campaigns WHERE campaign_id = ?" + db.forUpdate(), SqlStore::campaignRow,
          campaignId);
      if (found.isEmpty() || !expected.contains(found.get().status())) {
        return found;
      }
      CampaignRow was = found.get();
      boolean ends = to.equals("completed") || to.equals("cancelled");
      Instant startedAt = to.equals("running") && was.startedAt() == null ? now : was.startedAt();
      db.update("""
          UPDATE campaigns SET status = ?, started_at = ?, completed_at = ?
          WHERE campaign_id = ?""",
          to, millis(startedAt), millis(ends ? now : was.completedAt()), campaignId);
      if (to.equals("cancelled")) {
        db.update("""
            UPDATE campaign_recipients SET state = 'cancelled'
            WHERE campaign_id = ? AND state = 'pending'""", campaignId);
      }
      if (work != null) {
        putWork(db, work);
      }
      return findCampaign(db, campaignId);
    });
  }

  @Override
  public Future<List<CampaignRow>> campaignsOf(String botId, int limit) {
    return read(db -> db.query("SELECT " + CAMPAIGN_COLUMNS + " FROM campaigns WHERE bot_id = ?"
        + " ORDER BY created_at DESC, campaign_id DESC LIMIT ?", SqlStore::campaignRow,
        botId, limit));
  }

  // A user's tapped suggestion: its content is suggestedResponse, a member no other content has
  // (the platform stores the JSON it encoded, so the member's name is followed by its colon).
  private static final String HOUR_COUNTS = """
      SELECT bot_id, created_at / 3600000 AS bucket,
        SUM(CASE WHEN direction = 'BOT_TO_USER' THEN 1 ELSE 0 END) AS sent,
        SUM(CASE WHEN direction = 'BOT_TO_USER' AND channel = 'rcs' THEN 1 ELSE 0 END) AS rcs,
        SUM(CASE WHEN direction = 'BOT_TO_USER' AND channel = 'sms' THEN 1 ELSE 0 END) AS sms,
        SUM(CASE WHEN direction = 'BOT_TO_USER' AND status = 'pending' THEN 1 ELSE 0 END)
          AS pending,
        SUM(CASE WHEN direction = 'BOT_TO_USER'
          AND status IN ('delivered', 'displayed', 'deliveredAsSms') THEN 1 ELSE 0 END)
          AS delivered,
        SUM(CASE WHEN direction = 'BOT_TO_USER' AND channel = 'rcs'
          AND status IN ('delivered', 'displayed') THEN 1 ELSE 0 END) AS delivered_rcs,
        SUM(CASE WHEN direction = 'BOT_TO_USER' AND status = 'displayed' THEN 1 ELSE 0 END)
          AS displayed,
        SUM(CASE WHEN direction = 'BOT_TO_USER' AND status = 'failed' THEN 1 ELSE 0 END)
          AS failed,
        SUM(CASE WHEN direction = 'USER_TO_BOT' THEN 1 ELSE 0 END) AS received,
        SUM(CASE WHEN direction = 'USER_TO_BOT' AND (in_reply_to_contribution_id IS NOT NULL
          OR rcs_message_json LIKE '%"suggestedResponse":%') THEN 1 ELSE 0 END) AS responses
      FROM messages
      WHERE created_at >= ? AND created_at < ?""";

  @Override
  public Future<List<HourCounts>> hourCounts(String botId, Instant from, Instant to) {
    String grouped = " GROUP BY bot_id, created_at / 3600000 ORDER BY bot_id, bucket";
    return read(db -> botId == null
        ? db.query(HOUR_COUNTS + grouped, SqlStore::hourCounts, millis(from), millis(to))
        : db.query(HOUR_COUNTS + " AND bot_id = ?" + grouped, SqlStore::hourCounts,
            millis(from), millis(to), botId));
  }

  private static HourCounts hourCounts(ResultSet row) throws SQLException {
    return new HourCounts(row.getString("bot_id"),
        Instant.ofEpochMilli(row.getLong("bucket") * 3_600_000L), row.getLong("sent"),
        row.getLong("rcs"), row.getLong("sms"), row.getLong("pending"),
        row.getLong("delivered"), row.getLong("delivered_rcs"), row.getLong("displayed"),
        row.getLong("failed"), row.getLong("received"), row.getLong("responses"));
  }

  @Override
  public Future<Optional<RecipientsAdded>> addRecipients(String campaignId, Set<String> statuses,
      List<RecipientRow> recipients, int invalid) {
    Set<String> expected = Set.copyOf(statuses);
    List<RecipientRow> rows = List.copyOf(recipients);
    return write(db -> {
      // Locked, so that two uploads to one campaign never number their rows alike.
      Optional<CampaignRow> found = db.queryOne("SELECT " + CAMPAIGN_COLUMNS
          + " FROM campaigns WHERE campaign_id = ?" + db.forUpdate(), SqlStore::campaignRow,
          campaignId);
      if (found.isEmpty()) {
        return Optional.empty();
      }
      if (!expected.contains(found.get().status())) {
        return Optional.of(new RecipientsAdded(found.get(), 0, 0));
      }
      long next = db.queryOne("""
          SELECT COALESCE(MAX(seq), -1) + 1 AS next FROM campaign_recipients
          WHERE campaign_id = ?""", row -> row.getLong("next"), campaignId).orElse(0L);
      List<Object[]> params = new ArrayList<>(rows.size());
      for (int i = 0; i < rows.size(); i++) {
        RecipientRow r = rows.get(i);
        params.add(new Object[] {campaignId, next + i, r.userContact(), r.varsJson()});
      }
      int added = 0;
      for (int changed : db.updateEach("""
          INSERT INTO campaign_recipients (campaign_id, seq, user_contact, vars_json, state)
          VALUES (?, ?, ?, ?, 'pending')
          ON CONFLICT (campaign_id, user_contact) DO NOTHING""", params)) {
        added += changed;
      }
      int duplicates = rows.size() - added;
      db.update("""
          UPDATE campaigns SET recipients = recipients + ?,
            skipped_duplicate = skipped_duplicate + ?, skipped_invalid = skipped_invalid + ?
          WHERE campaign_id = ?""", added, duplicates, invalid, campaignId);
      return Optional.of(new RecipientsAdded(findCampaign(db, campaignId).orElseThrow(), added,
          duplicates));
    });
  }

  private static Long millis(Instant instant) {
    return instant == null ? null : instant.toEpochMilli();
  }

  private static Instant truncate(Instant instant) {
    return instant == null ? null : Instant.ofEpochMilli(instant.toEpochMilli());
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    long millis = row.getLong(column);
    return row.wasNull() ? null : Instant.ofEpochMilli(millis);
  }
}
