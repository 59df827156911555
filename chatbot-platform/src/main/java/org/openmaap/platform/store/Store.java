package org.openmaap.platform.store;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Everything the platform must not lose, behind futures that complete once the data is durably
 * stored (writes) or read (reads). Implementations never block the calling event loop.
 */
public interface Store {

  // --- chatbots ---------------------------------------------------------------------------------

  /** Adds a chatbot; fails with {@link StoreConflict} when the botId or clientId is taken. */
  Future<Void> insertChatbot(ChatbotRow chatbot);

  /** Replaces a chatbot's row (same botId); fails with {@link StoreNotFound} when absent. */
  Future<Void> updateChatbot(ChatbotRow chatbot);

  Future<Optional<ChatbotRow>> chatbot(String botId);

  Future<Optional<ChatbotRow>> chatbotByClientId(String clientId);

  /** Every chatbot, ordered by botId. */
  Future<List<ChatbotRow>> chatbots();

  /** Removes a chatbot; true when it existed. Its messages and events stay for audit. */
  Future<Boolean> deleteChatbot(String botId);

  // --- conversations ----------------------------------------------------------------------------

  /**
   * The conversation of (botId, user), created with {@code newId} when there is none yet; the
   * answer says whether it was created now (the user's first contact with this bot).
   */
  Future<ConversationRow> conversation(String botId, String userContact, String newId, Instant now);

  // --- messages ---------------------------------------------------------------------------------

  /**
   * Stores a message unless (botId, msgId) exists; answers the stored row, and whether it was
   * inserted now (false: an earlier message with that msgId, which the caller compares). A
   * bot-to-user message gets its work row too, due at its creation.
   */
  Future<Inserted<MessageRow>> insertMessage(MessageRow message);

  /**
   * Stores a new message (a user's, whose msgId the platform just made) with the event telling
   * its bot, in one transaction; answers the stored event with its sequence.
   */
  Future<Optional<EventRow>> insertMessageAndEvent(MessageRow message, EventRow event);

  /**
   * {@link #insertMessage(MessageRow)}, and when it is inserted now, its first piece of work in the
   * same transaction, so that a stored message always has its next step.
   */
  Future<Inserted<MessageRow>> insertMessage(MessageRow message, WorkRow next);

  /**
   * {@link #insertMessage(MessageRow, WorkRow)} in the conversation of the message's bot and user:
   * the one they have, else one started in the same transaction under the message's conversation
   * id (what {@link #conversation} would start); the answer carries the conversation's id.
   */
  Future<Inserted<MessageRow>> insertMessageInConversation(MessageRow message, WorkRow next);

  Future<Optional<MessageRow>> message(String botId, String msgId);

  /**
   * The message {@code msgId} one of {@code botIds} sent to {@code userContact} (the latest, if
   * two bots chose the same id): a device's report names only the msgId.
   */
  Future<Optional<MessageRow>> messageTo(String userContact, String msgId, List<String> botIds);

  /**
   * Sets a message's status, channel and reason and appends the change to its history, only when
   * the current status is one of {@code from} (empty: any); answers whether it changed.
   */
  default Future<Boolean> updateStatus(String botId, String msgId, List<String> from,
      StatusChange change) {
    return updateStatus(botId, msgId, from, null, change);
  }

  /**
   * {@link #updateStatus(String, String, List, StatusChange)}, only when the message is also on
   * channel {@code fromChannel} (null: any).
   */
  Future<Boolean> updateStatus(String botId, String msgId, List<String> from, String fromChannel,
      StatusChange change);

  /**
   * {@link #updateStatus}, and when the status changes, stores {@code report} (the event telling
   * the bot) in the same transaction, so that a crash cannot keep the change and lose its report;
   * answers the stored event with its sequence, or empty when the status did not change.
   */
  default Future<Optional<EventRow>> updateStatusAndInsertEvent(String botId, String msgId,
      List<String> from, StatusChange change, EventRow report) {
    return updateStatusAndInsertEvent(botId, msgId, from, null, change, report);
  }

  /** {@link #updateStatusAndInsertEvent}, only when the message is on {@code fromChannel}. */
  Future<Optional<EventRow>> updateStatusAndInsertEvent(String botId, String msgId,
      List<String> from, String fromChannel, StatusChange change, EventRow report);

  /**
   * A device's report on a message: {@link #updateStatusAndInsertEvent} when the message is in one
   * of {@code from} on RCS, or pending on SMS with no part submitted yet (the report wins over a
   * fallback that has not started), and the end of the message's work (its deadline goes);
   * answers the stored event, or empty when neither holds.
   */
  Future<Optional<EventRow>> reportFromDevice(String botId, String msgId, List<String> from,
      StatusChange change, EventRow report);

  /** A message's status changes, oldest first, starting with the status it was stored with. */
  Future<List<StatusChange>> history(String botId, String msgId);

  /**
   * Bot-to-user messages on RCS for this user that the device has not reported delivered, oldest
   * first: pending ones, and sent ones, whose frame an earlier connection may have lost.
   */
  Future<List<MessageRow>> waitingFor(String userContact);

  /**
   * Bot-to-user messages to this user, created since {@code since} and now in one of
   * {@code statuses}, that were once sent on RCS (written to a device), oldest first.
   */
  Future<List<MessageRow>> writtenToDevice(String userContact, Instant since,
      List<String> statuses);

  // --- devices ----------------------------------------------------------------------------------

  /** Records a provisioned RCS device (or replaces its features). */
  Future<Void> putDevice(DeviceRow device);

  Future<Optional<DeviceRow>> device(String msisdn);

  /** Makes a number SMS-only; true when it was provisioned. */
  Future<Boolean> deleteDevice(String msisdn);

  // --- SMS fallback -----------------------------------------------------------------------------

  /**
   * The SMSC accepted a fallback SMS: records the SMSC id of each part and makes the status
   * change with its report, in one transaction (see {@link #updateStatusAndInsertEvent}).
   */
  Future<Optional<EventRow>> smsAccepted(String botId, String msgId, List<String> smscIds,
      List<String> from, StatusChange change, EventRow report);

  /**
   * Records a receipt for the part the SMSC knows by any of {@code smscIds} (forms of one id,
   * matched ignoring letter case; the newest part recorded with an id owns it); answers that
   * message's parts with their receipts so far, in the order they were recorded, or nothing when
   * no part has the id. The message's work is made due at {@code now} in the same transaction, so
   * what the receipt changes is done even if a crash comes before the caller does it.
   */
  Future<List<SmsPartRow>> smsReceipt(List<String> smscIds, String stat, String err,
      Instant now);

  /** A fallback message's parts with their receipts so far, in the order they were recorded. */
  Future<List<SmsPartRow>> smsParts(String botId, String msgId);

  /**
   * Records a fallback SMS to a user from a sender number as the latest; when the contact
   * carries choices, they replace the pending ones, else the pending ones stay.
   */
  Future<Void> putSmsContact(SmsContact contact);

  Future<Optional<SmsContact>> smsContact(String userContact, String sender);

  /** Opts a user out of (or back into) SMS from a chatbot. */
  Future<Void> setSmsOptOut(String botId, String userContact, boolean optedOut, Instant at);

  Future<Boolean> smsOptedOut(String botId, String userContact);

  /**
   * Notes, before its submit_sm goes out, that part {@code part} (0-based) of {@code parts} of a
   * fallback SMS is being submitted, only while the message is pending on SMS; false when it is
   * not (a device's report won, or the bot revoked it): then the SMS must not go out.
   */
  Future<Boolean> smsSubmitting(String botId, String msgId, int part, int parts, Instant at);

  /** Records the id the SMSC answered for a submitted part. */
  Future<Void> smsSubmitAnswered(String botId, String msgId, int part, String smscId);

  /** The parts of a fallback SMS that were being submitted, in part order. */
  Future<List<SmsSubmit>> smsSubmits(String botId, String msgId);

  // --- users' SMS (mobile-originated) -----------------------------------------------------------

  /**
   * Notes {@code key} as seen until {@code until}, unless it is seen already until after
   * {@code now}; answers whether it was noted now (false: a redelivery).
   */
  Future<Boolean> smsMoSeen(String key, Instant now, Instant until);

  /**
   * Keeps {@code part} and notes {@code key} as {@link #smsMoSeen seen} at its receivedAt (nothing,
   * when the key is seen already; a part kept already stays as it was); when this part makes its
   * text whole, answers every part of it in sequence order and removes them, all in one
   * transaction, else answers nothing.
   */
  Future<List<SmsMoPart>> smsMoPart(SmsMoPart part, String key, Instant until);

  /**
   * Forgets the keys seen until {@code now} at most, and removes every part of the texts whose
   * first kept part came at or before {@code staleBefore}; answers the parts removed, by text and
   * sequence.
   */
  Future<List<SmsMoPart>> smsMoExpire(Instant now, Instant staleBefore);

  // --- work -------------------------------------------------------------------------------------

  /**
   * Adds work, or moves the work with the same (kind, botId, ref) to the row's due time and holder
   * (a new version either way).
   */
  Future<Void> schedule(WorkRow work);

  /**
   * Claims for {@code node} until {@code leaseUntil} up to {@code limit} rows due by {@code now}
   * that nobody holds or whose lease ended, earliest first, never taking a bot past
   * {@code maxPerBot} rows of a kind held at once (kinds not named have no such bound); answers
   * them as claimed.
   */
  Future<List<WorkRow>> claimDue(String node, Instant now, Instant leaseUntil, int limit,
      Map<WorkRow.Kind, Integer> maxPerBot);

  /** {@link #claimDue(String, Instant, Instant, int, Map)} with no bound per bot. */
  default Future<List<WorkRow>> claimDue(String node, Instant now, Instant leaseUntil,
      int limit) {
    return claimDue(node, now, leaseUntil, limit, Map.of());
  }

  /** The earliest due time of work nobody holds (or whose lease ended by {@code now}). */
  Future<Optional<Instant>> nextDue(Instant now);

  /**
   * Deletes the work if {@code claim} (as claimed) is still its version: it is done. Settling an
   * {@link WorkRow.Kind#EVENT} row delivers its event, unless it went to the dead letters, and
   * makes the next event of its conversation due.
   */
  Future<Boolean> settle(WorkRow claim);

  /**
   * Settles {@code claim} (or, with {@code dueAgain}, gives it back due then) and, in the same
   * transaction, claims for the same holder until {@code leaseUntil} the earliest row of the same
   * kind and bot due by {@code now} that nobody holds: the slot the claim frees in the bot's bound
   * is handed over, not left for a poll. Answers the row taken, if any (none when the claim was no
   * longer held).
   */
  Future<Optional<WorkRow>> handOver(WorkRow claim, Optional<Instant> dueAgain, Instant now,
      Instant leaseUntil);

  /** Gives claimed work back, due at {@code dueAt}, if {@code claim} is still its version. */
  Future<Boolean> release(WorkRow claim, Instant dueAt);

  /** Extends the leases {@code node} holds on these claims to {@code leaseUntil}. */
  Future<Void> extendLeases(String node, List<WorkRow> claims, Instant leaseUntil);

  /** Deletes the work of (kind, botId, ref) whoever holds it: nothing is left to do. */
  Future<Void> cancelWork(WorkRow.Kind kind, String botId, String ref);

  /** Gives back every claim {@code node} holds (a restarted node's, left by a crash). */
  Future<Integer> releaseClaims(String node);

  // --- campaigns --------------------------------------------------------------------------------

  /**
   * Adds a campaign with its recipients (all pending) and, unless null, its work row, in one
   * transaction.
   */
  Future<Void> insertCampaign(CampaignRow campaign, List<RecipientRow> recipients, WorkRow work);

  Future<Optional<CampaignRow>> campaign(String campaignId);

  /**
   * The campaign's recipients counted by state and, for those handed on, by their message's status
   * and channel; the messages are the bot's {@code campaignId.seq}.
   */
  Future<List<RecipientTally>> recipientTallies(String botId, String campaignId);

  /** Up to {@code limit} of the campaign's recipients after {@code afterSeq}, in order. */
  Future<List<RecipientResult>> recipientResults(String botId, String campaignId, int afterSeq,
      int limit);

  /**
   * Notes that the campaign's progress reached {@code step} and stores its report, both only if no
   * step as far was reported before; answers the stored report, or empty.
   */
  Future<Optional<EventRow>> reportCampaignStep(String campaignId, int step, EventRow report);

  /** Up to {@code limit} of the campaign's pending recipients, in their order. */
  Future<List<RecipientRow>> pendingRecipients(String campaignId, int limit);

  /**
   * Moves these recipients (pending, or to sent when cancelled while being sent) to their states,
   * adding those moved to the campaign's handed-on count; a running campaign with none pending
   * left is completed at {@code now}. Answers whether any is still pending.
   */
  Future<Boolean> settleRecipients(String campaignId, List<RecipientRow> settled, Instant now);

  /**
   * Moves the campaign to {@code to} if its status is one of {@code from}, at {@code now}: running
   * notes when it started (the first time), completed and cancelled when it ended, and cancelled
   * cancels its pending recipients; {@code work} (unless null) is scheduled in the same
   * transaction. Answers the campaign as it is after, empty when there is none.
   */
  Future<Optional<CampaignRow>> moveCampaign(String campaignId, Set<String> from, String to,
      Instant now, WorkRow work);

  /** Up to {@code limit} of the bot's campaigns, the newest first. */
  Future<List<CampaignRow>> campaignsOf(String botId, int limit);

  /**
   * Counts the messages of {@code botId} (null: of every bot) created in [{@code from},
   * {@code to}), by bot and UTC hour, ordered by bot then hour; hours without messages are left
   * out.
   */
  Future<List<HourCounts>> hourCounts(String botId, Instant from, Instant to);

  /**
   * Adds these recipients (pending, numbered on from the campaign's last, their own seq ignored)
   * to the campaign if its status is one of {@code statuses}, in one transaction: a number the
   * campaign has already is not added but counted as a duplicate, and the campaign's recipients,
   * skipped_duplicate and (by {@code invalid}) skipped_invalid counts go up with what was done.
   * In another status nothing changes; empty when there is no campaign.
   */
  Future<Optional<RecipientsAdded>> addRecipients(String campaignId, Set<String> statuses,
      List<RecipientRow> recipients, int invalid);

  // --- webhook events ---------------------------------------------------------------------------

  /**
   * Stores an event for delivery with its {@link WorkRow.Kind#EVENT} work, and answers it with its
   * {@code sequence} assigned: increasing in insertion order, which is the order events of one
   * conversation are delivered in (the work of a conversation's later events waits for the one
   * before it to be settled). Every operation here that stores an event stores its work too.
   */
  Future<EventRow> insertEvent(EventRow event);

  /** The event with this id. */
  Future<Optional<EventRow>> event(String eventId);

  /** Records a failed attempt (its work row says when the next one is). */
  Future<Void> eventRetry(String eventId, int attempts, String lastError);

  /** Moves an event to its bot's dead letters after the retry window. */
  Future<Void> eventDead(String eventId, String lastError);

  /** Events not yet acknowledged and not dead, oldest first. */
  Future<List<EventRow>> pendingEvents();

  /** A bot's dead letters, oldest first. */
  Future<List<EventRow>> deadLetters(String botId);

  /**
   * Makes a bot's dead letters pending again, with their work (attempts reset, retry window from
   * {@code now}, each conversation's in order); answers them.
   */
  Future<List<EventRow>> replayDeadLetters(String botId, Instant now);

  // --- files ------------------------------------------------------------------------------------

  /**
   * Stores a file's row, unless the ready files of its owner would then take more than
   * {@code quotaBytes}: then it fails with {@link QuotaExceeded} and stores nothing.
   */
  Future<Void> insertFile(FileRow file, long quotaBytes);

  /**
   * {@link #insertFile}, and {@code report} (the event telling the bot the file is ready) in the
   * same transaction; answers the stored event with its sequence.
   */
  Future<Optional<EventRow>> insertFileAndEvent(FileRow file, long quotaBytes, EventRow report);

  Future<Optional<FileRow>> file(String fileId);

  /** The id of every file with a row, whatever its status (for start-up's orphan check). */
  Future<Set<String>> fileIds();

  /** Removes a file's row; true when it existed. */
  Future<Boolean> deleteFile(String fileId);

  /** Ready files whose {@code until} is not after {@code now}, earliest first, at most limit. */
  Future<List<FileRow>> filesDue(Instant now, int limit);

  /** Marks a ready file expired; false when it was not ready (expired already, or deleted). */
  Future<Boolean> expireFile(String fileId);

  /**
   * {@link #expireFile}, and when it changes the file, stores {@code report} in the same
   * transaction; answers the stored event, or empty when the file was not ready.
   */
  Future<Optional<EventRow>> expireFileAndInsertEvent(String fileId, EventRow report);

  // --- platform ----------------------------------------------------------------------------------

  /** A platform-wide secret the schema made (hex), such as {@code chat_id}; empty if unknown. */
  Future<Optional<String>> platformSecret(String name);

  // --- nodes -------------------------------------------------------------------------------------

  /** Notes that {@code node} is alive at {@code now} (started at {@code startedAt}). */
  Future<Void> nodeSeen(String node, Instant startedAt, Instant now);

  /** The nodes seen alive at {@code since} or later, by node id. */
  Future<List<String>> nodesSeenSince(Instant since);

  // --- signals between nodes ---------------------------------------------------------------------

  /**
   * Sends {@code payload} (text, at most {@value #MAX_SIGNAL_CHARS} characters) to the
   * {@link #onSignal} handler of every node on this database, this one's included. A store only
   * one node can use (SQLite) hands it to this node's handler alone. Signals are hints that
   * something changed in the rows, never the only copy of anything: one may be lost (a node that
   * is down or reconnecting misses those sent meanwhile).
   */
  Future<Void> signal(String payload);

  /**
   * Where this node's signals go, on the Vert.x context of the caller; set once, at start. After a
   * time when signals may have been lost (the node's connection to the database was lost and is
   * back), the handler gets {@link #SIGNALS_LOST}: whatever it keeps from the rows, it reads again.
   */
  void onSignal(Consumer<String> handler);

  /** What a signal handler gets when signals may have been lost; no signal sent is empty. */
  String SIGNALS_LOST = "";

  /** The longest signal: PostgreSQL's NOTIFY takes payloads under 8,000 bytes. */
  int MAX_SIGNAL_CHARS = 2000;

  /** Flushes what is queued and closes the database. */
  Future<Void> close();

  /** The answer to an insert that may find an existing row. */
  record Inserted<T>(T row, boolean inserted) {}
}
