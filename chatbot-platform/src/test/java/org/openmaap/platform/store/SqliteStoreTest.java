package org.openmaap.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openmaap.platform.store.Rows.T0;
import static org.openmaap.platform.store.Rows.chatbot;
import static org.openmaap.platform.store.Rows.event;
import static org.openmaap.platform.store.Rows.message;
import static org.openmaap.platform.store.Rows.toUser;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.platform.store.EventRow.State;
import org.openmaap.platform.store.MessageRow.Direction;
import org.openmaap.platform.store.Store.Inserted;

class SqliteStoreTest {

  private final Vertx vertx = Vertx.vertx();
  @TempDir Path dir;
  private SqliteStore store;

  @BeforeEach
  void open() {
    store = SqliteStore.open(vertx, dir.resolve("data")).await();
  }

  @AfterEach
  void close() {
    store.close().await();
    vertx.close().await();
  }

  // --- opening ----------------------------------------------------------------------------------

  @Test
  void open_existingFile_keepsItsRows() {
    store.insertChatbot(chatbot("bot-one", "client-1")).await();
    store.close().await();

    store = SqliteStore.open(vertx, dir.resolve("data")).await();

    assertThat(store.chatbot("bot-one").await()).isPresent();
  }

  @Test
  void options_zeroReadConnections_namesTheBrokenCondition() {
    assertThatThrownBy(() -> new SqliteStore.Options(SqliteStore.Synchronous.FULL, 0, 512,
        SqliteStore.Options.DEFAULT_BUSY_TIMEOUT))
        .hasMessage("readConnections must be at least 1, got 0");
  }

  // --- chatbots ---------------------------------------------------------------------------------

  @Test
  void insertChatbot_newBot_isFoundByIdAndClientId() {
    ChatbotRow bot = chatbot("bot-one", "client-1");

    store.insertChatbot(bot).await();

    assertThat(store.chatbot("bot-one").await()).contains(bot);
    assertThat(store.chatbotByClientId("client-1").await()).contains(bot);
    assertThat(store.chatbot("bot-two").await()).isEmpty();
  }

  @Test
  void insertChatbot_takenBotId_failsWithConflict() {
    store.insertChatbot(chatbot("bot-one", "client-1")).await();

    Future<Void> second = store.insertChatbot(chatbot("bot-one", "client-2"));

    assertThatThrownBy(second::await).isInstanceOf(StoreConflict.class)
        .hasMessage("botId 'bot-one' is taken");
    assertThat(store.chatbotByClientId("client-2").await()).isEmpty();
  }

  @Test
  void insertChatbot_takenClientId_failsWithConflict() {
    store.insertChatbot(chatbot("bot-one", "client-1")).await();

    Future<Void> second = store.insertChatbot(chatbot("bot-two", "client-1"));

    assertThatThrownBy(second::await).isInstanceOf(StoreConflict.class)
        .hasMessage("clientId 'client-1' is taken");
    assertThat(store.chatbot("bot-two").await()).isEmpty();
  }

  @Test
  void insertChatbot_conflictInsideOneBatch_failsOnlyThatInsert() {
    // Queued together, so the writer very likely commits them in one transaction.
    List<Future<Void>> inserts = List.of(
        store.insertChatbot(chatbot("bot-a", "client-a")),
        store.insertChatbot(chatbot("bot-a", "client-x")),
        store.insertChatbot(chatbot("bot-b", "client-b")));
    Future.join(inserts).otherwiseEmpty().await();

    assertThat(inserts.get(0).succeeded()).isTrue();
    assertThat(inserts.get(1).cause()).isInstanceOf(StoreConflict.class);
    assertThat(inserts.get(2).succeeded()).isTrue();
    assertThat(store.chatbots().await()).extracting(ChatbotRow::botId)
        .containsExactly("bot-a", "bot-b");
  }

  @Test
  void updateChatbot_existingBot_replacesRow() {
    store.insertChatbot(chatbot("bot-one", "client-1")).await();
    ChatbotRow rotated = new ChatbotRow("bot-one", "{}", "client-9", "hash-9", "new-secret",
        "webhook-secret", T0.plusSeconds(3600), 2, T0);

    store.updateChatbot(rotated).await();

    assertThat(store.chatbot("bot-one").await()).contains(rotated);
    assertThat(store.chatbotByClientId("client-1").await()).isEmpty();
  }

  @Test
  void updateChatbot_absentBot_failsWithNotFound() {
    Future<Void> update = store.updateChatbot(chatbot("ghost-bot", "client-1"));

    assertThatThrownBy(update::await).isInstanceOf(StoreNotFound.class)
        .hasMessage("no chatbot 'ghost-bot'");
  }

  @Test
  void updateChatbot_clientIdOfAnotherBot_failsWithConflict() {
    store.insertChatbot(chatbot("bot-one", "client-1")).await();
    store.insertChatbot(chatbot("bot-two", "client-2")).await();

    Future<Void> update = store.updateChatbot(chatbot("bot-two", "client-1"));

    assertThatThrownBy(update::await).isInstanceOf(StoreConflict.class);
  }

  @Test
  void chatbots_severalBots_orderedByBotId() {
    store.insertChatbot(chatbot("bot-c", "client-c")).await();
    store.insertChatbot(chatbot("bot-a", "client-a")).await();
    store.insertChatbot(chatbot("bot-b", "client-b")).await();

    List<ChatbotRow> bots = store.chatbots().await();

    assertThat(bots).extracting(ChatbotRow::botId).containsExactly("bot-a", "bot-b", "bot-c");
  }

  @Test
  void deleteChatbot_existingBot_removesItAndKeepsItsMessages() {
    store.insertChatbot(chatbot("bot-one", "client-1")).await();
    store.insertMessage(toUser("bot-one", "m1", "+8613800000001", "pending")).await();

    boolean deleted = store.deleteChatbot("bot-one").await();

    assertThat(deleted).isTrue();
    assertThat(store.chatbot("bot-one").await()).isEmpty();
    assertThat(store.message("bot-one", "m1").await()).isPresent();
    assertThat(store.deleteChatbot("bot-one").await()).isFalse();
  }

  // --- conversations ----------------------------------------------------------------------------

  @Test
  void conversation_firstContact_createsThenFindsIt() {
    ConversationRow first = store.conversation("bot-one", "+8613800000001", "c-1", T0).await();
    ConversationRow again =
        store.conversation("bot-one", "+8613800000001", "c-2", T0.plusSeconds(5)).await();

    assertThat(first).isEqualTo(new ConversationRow("bot-one", "+8613800000001", "c-1", T0, true));
    assertThat(again).isEqualTo(
        new ConversationRow("bot-one", "+8613800000001", "c-1", T0, false));
  }

  @Test
  void conversation_manyConcurrentCallersForNewPair_agreeOnOneIdAndOneCreation() {
    // Each caller on its own context, as if on different event loops.
    List<Future<ConversationRow>> answers = IntStream.range(0, 64)
        .mapToObj(i -> {
          var context = vertx.getOrCreateContext();
          return Future.<ConversationRow>future(p -> context.runOnContext(v ->
              store.conversation("bot-one", "+8613800000001", "c-" + i, T0).onComplete(p)));
        })
        .toList();
    Future.all(answers).await();

    List<ConversationRow> rows = answers.stream().map(Future::result).toList();
    assertThat(rows).extracting(ConversationRow::conversationId).containsOnly(
        rows.get(0).conversationId());
    assertThat(rows).filteredOn(ConversationRow::created).hasSize(1);
  }

  @Test
  void conversation_sameUserWithTwoBots_answersTwoConversations() {
    ConversationRow one = store.conversation("bot-one", "+8613800000001", "c-1", T0).await();
    ConversationRow two = store.conversation("bot-two", "+8613800000001", "c-2", T0).await();

    assertThat(one.conversationId()).isEqualTo("c-1");
    assertThat(two.conversationId()).isEqualTo("c-2");
    assertThat(two.created()).isTrue();
  }

  @Test
  void conversation_newIdAlreadyUsedByAnotherPair_failsWithConflict() {
    store.conversation("bot-one", "+8613800000001", "c-1", T0).await();

    Future<ConversationRow> reused = store.conversation("bot-one", "+8613800000002", "c-1", T0);

    assertThatThrownBy(reused::await).isInstanceOf(StoreConflict.class)
        .hasMessageContaining("conversations.conversation_id");
  }

  // --- messages ---------------------------------------------------------------------------------

  @Test
  void insertMessage_newMsgId_storesRowAndAnswersInserted() {
    MessageRow m = toUser("bot-one", "m1", "+8613800000001", "pending");

    Inserted<MessageRow> answer = store.insertMessage(m).await();

    assertThat(answer).isEqualTo(new Inserted<>(m, true));
    assertThat(store.message("bot-one", "m1").await()).contains(m);
  }

  @Test
  void insertMessage_existingMsgId_answersTheOriginalRowNotInserted() {
    MessageRow original = toUser("bot-one", "m1", "+8613800000001", "pending");
    store.insertMessage(original).await();
    MessageRow resend = new MessageRow("bot-one", "m1", Direction.BOT_TO_USER, "+8613800000002",
        "c", "x", null, "{\"textMessage\":\"other\"}", "other-hash", "pending", "rcs", null, null,
        T0.plusSeconds(9), T0.plusSeconds(9));

    Inserted<MessageRow> answer = store.insertMessage(resend).await();

    assertThat(answer).isEqualTo(new Inserted<>(original, false));
    assertThat(store.history("bot-one", "m1").await()).hasSize(1);
  }

  @Test
  void insertMessageAndEvent_storesBoth_andATakenMsgIdStoresNeither() {
    MessageRow m = toUser("bot-one", "m1", "+8613800000001", "pending");

    EventRow stored = store.insertMessageAndEvent(m, event("e1", "bot-one")).await().orElseThrow();
    assertThatThrownBy(store.insertMessageAndEvent(m, event("e2", "bot-one"))::await)
        .isInstanceOf(StoreConflict.class);

    assertThat(stored.sequence()).isPositive();
    assertThat(store.message("bot-one", "m1").await()).contains(m);
    assertThat(store.pendingEvents().await()).extracting(EventRow::eventId).containsExactly("e1");
  }

  @Test
  void insertMessage_sameMsgIdFromAnotherBot_isInserted() {
    store.insertMessage(toUser("bot-one", "m1", "+8613800000001", "pending")).await();

    Inserted<MessageRow> answer =
        store.insertMessage(toUser("bot-two", "m1", "+8613800000001", "pending")).await();

    assertThat(answer.inserted()).isTrue();
  }

  @Test
  void insertMessage_instantWithNanos_isKeptToTheMillisecond() {
    Instant precise = Instant.parse("2026-01-01T10:00:00.123456789Z");
    MessageRow m = new MessageRow("bot-one", "m1", Direction.USER_TO_BOT, "+8613800000001",
        null, null, null, "{}", null, "delivered", null, null, precise, precise, precise);

    MessageRow answered = store.insertMessage(m).await().row();

    Instant millis = Instant.parse("2026-01-01T10:00:00.123Z");
    assertThat(answered.createdAt()).isEqualTo(millis);
    assertThat(store.message("bot-one", "m1").await()).contains(answered);
  }

  @Test
  void history_newMessage_startsWithItsStoredStatus() {
    store.insertMessage(toUser("bot-one", "m1", "+8613800000001", "pending")).await();

    List<StatusChange> history = store.history("bot-one", "m1").await();

    assertThat(history).containsExactly(new StatusChange("pending", "rcs", null, T0));
  }

  @Test
  void updateStatus_currentStatusIsExpected_changesAndAppendsHistory() {
    store.insertMessage(toUser("bot-one", "m1", "+8613800000001", "pending")).await();
    StatusChange sent = new StatusChange("sent", "rcs", null, T0.plusSeconds(1));
    StatusChange delivered = new StatusChange("delivered", "rcs", null, T0.plusSeconds(2));

    boolean first = store.updateStatus("bot-one", "m1", List.of("pending"), sent).await();
    boolean second =
        store.updateStatus("bot-one", "m1", List.of("pending", "sent"), delivered).await();

    assertThat(first).isTrue();
    assertThat(second).isTrue();
    MessageRow row = store.message("bot-one", "m1").await().orElseThrow();
    assertThat(row.status()).isEqualTo("delivered");
    assertThat(row.updatedAt()).isEqualTo(T0.plusSeconds(2));
    assertThat(store.history("bot-one", "m1").await()).containsExactly(
        new StatusChange("pending", "rcs", null, T0), sent, delivered);
  }

  @Test
  void updateStatus_currentStatusNotExpected_leavesMessageAndHistory() {
    store.insertMessage(toUser("bot-one", "m1", "+8613800000001", "delivered")).await();
    StatusChange cancel = new StatusChange("cancelled", "rcs", null, T0.plusSeconds(1));

    boolean changed =
        store.updateStatus("bot-one", "m1", List.of("pending", "sent"), cancel).await();

    assertThat(changed).isFalse();
    assertThat(store.message("bot-one", "m1").await().orElseThrow().status())
        .isEqualTo("delivered");
    assertThat(store.history("bot-one", "m1").await()).hasSize(1);
  }

  @Test
  void updateStatus_emptyFrom_changesWhateverTheStatus() {
    store.insertMessage(toUser("bot-one", "m1", "+8613800000001", "delivered")).await();
    StatusChange failed = new StatusChange("failed", "sms", "smsc rejected", T0.plusSeconds(1));

    boolean changed = store.updateStatus("bot-one", "m1", List.of(), failed).await();

    MessageRow row = store.message("bot-one", "m1").await().orElseThrow();
    assertThat(changed).isTrue();
    assertThat(row.status()).isEqualTo("failed");
    assertThat(row.channel()).isEqualTo("sms");
    assertThat(row.reason()).isEqualTo("smsc rejected");
  }

  @Test
  void updateStatus_changeWithoutChannel_keepsTheMessagesChannel() {
    store.insertMessage(toUser("bot-one", "m1", "+8613800000001", "pending")).await();

    store.updateStatus("bot-one", "m1", List.of(),
        new StatusChange("sent", null, null, T0.plusSeconds(1))).await();

    assertThat(store.message("bot-one", "m1").await().orElseThrow().channel()).isEqualTo("rcs");
    assertThat(store.history("bot-one", "m1").await().get(1).channel()).isEqualTo("rcs");
  }

  @Test
  void updateStatus_unknownMessage_answersFalse() {
    boolean changed = store.updateStatus("bot-one", "nope", List.of(),
        new StatusChange("sent", "rcs", null, T0)).await();

    assertThat(changed).isFalse();
  }

  @Test
  void updateStatus_concurrentRevokeAndDelivery_exactlyOneWins() {
    store.insertMessage(toUser("bot-one", "m1", "+8613800000001", "sent")).await();

    Future<Boolean> revoke = store.updateStatus("bot-one", "m1", List.of("pending", "sent"),
        new StatusChange("cancelled", "rcs", null, T0.plusSeconds(1)));
    Future<Boolean> deliver = store.updateStatus("bot-one", "m1", List.of("pending", "sent"),
        new StatusChange("delivered", "rcs", null, T0.plusSeconds(1)));

    assertThat(List.of(revoke.await(), deliver.await())).containsExactlyInAnyOrder(true, false);
    assertThat(store.history("bot-one", "m1").await()).hasSize(2);
  }

  @Test
  void updateStatusAndInsertEvent_expectedStatus_changesItAndStoresTheReport() {
    store.insertMessage(toUser("bot-one", "m1", "+8613800000001", "sent")).await();
    StatusChange delivered = new StatusChange("delivered", "rcs", null, T0.plusSeconds(1));

    Optional<EventRow> report = store.updateStatusAndInsertEvent("bot-one", "m1",
        List.of("pending", "sent"), delivered, event("e1", "bot-one")).await();

    assertThat(report).map(EventRow::eventId).contains("e1");
    assertThat(report.orElseThrow().sequence()).isPositive();
    assertThat(store.message("bot-one", "m1").await().orElseThrow().status())
        .isEqualTo("delivered");
    assertThat(store.pendingEvents().await()).extracting(EventRow::eventId).containsExactly("e1");
  }

  @Test
  void updateStatusAndInsertEvent_unexpectedStatus_storesNeither() {
    store.insertMessage(toUser("bot-one", "m1", "+8613800000001", "delivered")).await();
    StatusChange failed = new StatusChange("failed", "rcs", "expired", T0.plusSeconds(1));

    Optional<EventRow> report = store.updateStatusAndInsertEvent("bot-one", "m1",
        List.of("pending", "sent"), failed, event("e1", "bot-one")).await();

    assertThat(report).isEmpty();
    assertThat(store.history("bot-one", "m1").await()).hasSize(1);
    assertThat(store.pendingEvents().await()).isEmpty();
  }

  @Test
  void updateStatusAndInsertEvent_reportCannotBeStored_statusStaysAsItWas() {
    store.insertMessage(toUser("bot-one", "m1", "+8613800000001", "sent")).await();
    store.insertEvent(event("e1", "bot-one")).await();
    StatusChange delivered = new StatusChange("delivered", "rcs", null, T0.plusSeconds(1));

    Future<Optional<EventRow>> report = store.updateStatusAndInsertEvent("bot-one", "m1",
        List.of("pending", "sent"), delivered, event("e1", "bot-one"));

    assertThatThrownBy(report::await).isInstanceOf(StoreConflict.class);
    assertThat(store.message("bot-one", "m1").await().orElseThrow().status()).isEqualTo("sent");
    assertThat(store.history("bot-one", "m1").await()).hasSize(1);
  }

  @Test
  void waitingFor_mixedMessages_answersUndeliveredBotToUserOfThatUserOldestFirst() {
    String user = "+8613800000001";
    store.insertMessage(toUser("bot-one", "m1", user, "pending")).await();
    store.insertMessage(toUser("bot-one", "m2", user, "sent")).await();
    store.insertMessage(toUser("bot-two", "m3", user, "pending")).await();
    store.insertMessage(toUser("bot-one", "m4", "+8613800000002", "pending")).await();
    store.insertMessage(message("bot-one", "m5", Direction.USER_TO_BOT, user, "pending")).await();
    store.insertMessage(toUser("bot-one", "m6", user, "pending")).await();
    store.updateStatus("bot-one", "m6", List.of(),
        new StatusChange("delivered", "rcs", null, T0)).await();

    List<MessageRow> waiting = store.waitingFor(user).await();

    assertThat(waiting).extracting(MessageRow::msgId).containsExactly("m1", "m2", "m3");
  }

  @Test
  void unfinished_mixedMessages_answersPendingAndSentBotToUserOldestFirst() {
    store.insertMessage(toUser("bot-one", "m1", "+8613800000001", "sent")).await();
    store.insertMessage(toUser("bot-one", "m2", "+8613800000002", "delivered")).await();
    store.insertMessage(message("bot-one", "m3", Direction.USER_TO_BOT, "+86138", "pending"))
        .await();
    store.insertMessage(toUser("bot-two", "m4", "+8613800000003", "pending")).await();
    store.insertMessage(toUser("bot-two", "m5", "+8613800000003", "failed")).await();

    List<MessageRow> unfinished = store.unfinished().await();

    assertThat(unfinished).extracting(MessageRow::msgId).containsExactly("m1", "m4");
  }

  // --- devices ----------------------------------------------------------------------------------

  @Test
  void putDevice_twice_replacesFeaturesAndKeepsProvisionedAt() {
    store.putDevice(new DeviceRow("+8613800000001", List.of("chatbot"), T0)).await();

    store.putDevice(new DeviceRow("+8613800000001", List.of("chatbot", "richcard"),
        T0.plusSeconds(60))).await();

    assertThat(store.device("+8613800000001").await()).contains(
        new DeviceRow("+8613800000001", List.of("chatbot", "richcard"), T0));
  }

  @Test
  void deleteDevice_provisionedNumber_makesItUnknown() {
    store.putDevice(new DeviceRow("+8613800000001", List.of(), T0)).await();

    boolean deleted = store.deleteDevice("+8613800000001").await();

    assertThat(deleted).isTrue();
    assertThat(store.device("+8613800000001").await()).isEmpty();
    assertThat(store.deleteDevice("+8613800000001").await()).isFalse();
  }

  // --- webhook events ---------------------------------------------------------------------------

  @Test
  void insertEvent_severalEvents_assignsIncreasingSequence() {
    List<Long> sequences = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      sequences.add(store.insertEvent(event("e" + i, "bot-one")).await().sequence());
    }

    assertThat(sequences).isSorted().doesNotHaveDuplicates();
    assertThat(store.pendingEvents().await()).extracting(EventRow::sequence)
        .containsExactlyElementsOf(sequences);
  }

  @Test
  void insertEvent_concurrentInserts_sequenceFollowsCommitOrder() {
    List<Future<EventRow>> inserts = IntStream.range(0, 200)
        .mapToObj(i -> store.insertEvent(event("e" + i, "bot-one")))
        .toList();
    Future.all(inserts).await();

    List<Long> sequences = inserts.stream().map(f -> f.result().sequence()).toList();
    assertThat(sequences).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void insertEvent_existingEventId_failsWithConflict() {
    store.insertEvent(event("e1", "bot-one")).await();

    Future<EventRow> again = store.insertEvent(event("e1", "bot-one"));

    assertThatThrownBy(again::await).isInstanceOf(StoreConflict.class)
        .hasMessage("event 'e1' exists");
  }

  @Test
  void pendingEvents_afterDeliveryRetryAndDeath_answersOnlyPendingWithTheirRetryState() {
    store.insertEvent(event("e1", "bot-one")).await();
    store.insertEvent(event("e2", "bot-one")).await();
    store.insertEvent(event("e3", "bot-one")).await();

    store.eventsDelivered(List.of("e1", "unknown")).await();
    store.eventRetry("e2", 3, T0.plusSeconds(8), "HTTP 500").await();
    store.eventDead("e3", "gave up after 24 h").await();

    List<EventRow> pending = store.pendingEvents().await();
    assertThat(pending).extracting(EventRow::eventId).containsExactly("e2");
    assertThat(pending.get(0).attempts()).isEqualTo(3);
    assertThat(pending.get(0).nextAttemptAt()).isEqualTo(T0.plusSeconds(8));
    assertThat(pending.get(0).lastError()).isEqualTo("HTTP 500");
  }

  @Test
  void eventRetryOrDead_unknownEvent_failsWithNotFound() {
    assertThatThrownBy(store.eventRetry("nope", 1, T0, "x")::await)
        .isInstanceOf(StoreNotFound.class);
    assertThatThrownBy(store.eventDead("nope", "x")::await).isInstanceOf(StoreNotFound.class);
  }

  @Test
  void deadLetters_deadEventsOfSeveralBots_answersThatBotsOldestFirst() {
    for (String id : List.of("a1", "b1", "a2", "a3")) {
      store.insertEvent(event(id, id.startsWith("a") ? "bot-a" : "bot-b")).await();
    }
    store.eventDead("a3", "x").await();
    store.eventDead("b1", "x").await();
    store.eventDead("a1", "x").await();

    List<EventRow> dead = store.deadLetters("bot-a").await();

    assertThat(dead).extracting(EventRow::eventId).containsExactly("a1", "a3");
    assertThat(dead).extracting(EventRow::state).containsOnly(State.DEAD);
  }

  @Test
  void replayDeadLetters_deadEvents_makesThemPendingDueNowWithAttemptsReset() {
    store.insertEvent(event("a1", "bot-a")).await();
    store.insertEvent(event("a2", "bot-a")).await();
    store.insertEvent(event("b1", "bot-b")).await();
    store.eventRetry("a1", 17, T0.plusSeconds(300), "timeout").await();
    store.eventDead("a1", "timeout").await();
    store.eventDead("b1", "HTTP 404").await();
    Instant now = T0.plusSeconds(86_400);

    List<EventRow> replayed = store.replayDeadLetters("bot-a", now).await();

    assertThat(replayed).extracting(EventRow::eventId).containsExactly("a1");
    assertThat(replayed.get(0).state()).isEqualTo(State.PENDING);
    assertThat(replayed.get(0).attempts()).isZero();
    assertThat(replayed.get(0).nextAttemptAt()).isEqualTo(now);
    assertThat(store.pendingEvents().await()).containsExactly(
        replayed.get(0), store.pendingEvents().await().get(1));
    assertThat(store.pendingEvents().await()).extracting(EventRow::eventId)
        .containsExactly("a1", "a2");
    assertThat(store.deadLetters("bot-a").await()).isEmpty();
    assertThat(store.deadLetters("bot-b").await()).hasSize(1);
  }

  // --- failures and closing ---------------------------------------------------------------------

  @Test
  void insertMessage_diskFull_failsWithStoreFailureAndLaterWritesStillWork() {
    // max_page_count makes SQLite answer SQLITE_FULL as a full disk would.
    store.write(db -> {
      db.execute("PRAGMA max_page_count = " + db.scalar("PRAGMA page_count"));
      return null;
    }).await();
    String big = "x".repeat(200_000);
    MessageRow huge = new MessageRow("bot-one", "big", Direction.BOT_TO_USER, "+86138", null,
        null, null, big, null, "pending", null, null, null, T0, T0);

    Future<Inserted<MessageRow>> insert = store.insertMessage(huge);

    assertThatThrownBy(insert::await).isInstanceOf(StoreFailure.class)
        .hasMessageContaining("store write failed on ")
        .hasMessageContaining("SQLITE_FULL");
    store.write(db -> {
      db.execute("PRAGMA max_page_count = 1000000");
      return null;
    }).await();
    assertThat(store.insertMessage(toUser("bot-one", "m1", "+86138", "pending")).await()
        .inserted()).isTrue();
    assertThat(store.message("bot-one", "big").await()).isEmpty();
  }

  @Test
  void close_withQueuedWrites_flushesThemBeforeClosing() {
    List<Future<EventRow>> queued = IntStream.range(0, 1000)
        .mapToObj(i -> store.insertEvent(event("e" + i, "bot-one")))
        .toList();

    store.close().await();

    assertThat(queued).allMatch(Future::succeeded);
    store = SqliteStore.open(vertx, dir.resolve("data")).await();
    assertThat(store.pendingEvents().await()).hasSize(1000);
  }

  @Test
  void close_thenAnyCall_failsWithStoreIsClosed() {
    store.close().await();

    assertThatThrownBy(store.chatbots()::await).isInstanceOf(IllegalStateException.class)
        .hasMessage("store is closed");
    assertThatThrownBy(store.insertChatbot(chatbot("bot-one", "c"))::await)
        .isInstanceOf(IllegalStateException.class).hasMessage("store is closed");
    assertThat(store.close().succeeded()).isTrue();
    store = SqliteStore.open(vertx, dir.resolve("data")).await();
  }

  @Test
  void reads_manyConcurrentReads_allAnswer() {
    store.insertChatbot(chatbot("bot-one", "client-1")).await();

    List<Future<Optional<ChatbotRow>>> reads = IntStream.range(0, 500)
        .mapToObj(i -> store.chatbot("bot-one"))
        .toList();
    Future.all(reads).await();

    Set<Boolean> found = reads.stream().map(f -> f.result().isPresent())
        .collect(Collectors.toSet());
    assertThat(found).containsExactly(true);
  }
}
