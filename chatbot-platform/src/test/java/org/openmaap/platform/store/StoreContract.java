package org.openmaap.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.openmaap.platform.store.Rows.T0;
import static org.openmaap.platform.store.Rows.chatbot;
import static org.openmaap.platform.store.Rows.event;
import static org.openmaap.platform.store.Rows.message;
import static org.openmaap.platform.store.Rows.toUser;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.openmaap.platform.Eventually;
import org.openmaap.platform.store.EventRow.State;
import org.openmaap.platform.store.FileRow.Owner;
import org.openmaap.platform.store.FileRow.Status;
import org.openmaap.platform.store.MessageRow.Direction;
import org.openmaap.platform.store.Store.Inserted;
import org.openmaap.platform.store.WorkRow.Kind;

/**
 * What every {@link Store} must do, whatever keeps its rows: a subclass opens a fresh, empty store
 * for each test, and the tests speak to it only through the interface.
 */
abstract class StoreContract {

  static final String USER = "+8613800000001";

  protected final Vertx vertx = Vertx.vertx();
  protected Store store;

  /** Opens a new, empty store; the contract closes it after each test. */
  protected abstract Future<? extends Store> open(Vertx vertx);

  @BeforeEach
  void openStore() {
    store = open(vertx).await();
  }

  @AfterEach
  void closeStore() {
    store.close().await();
    vertx.close().await();
  }

  // --- chatbots ---------------------------------------------------------------------------------

  @Test
  void insertChatbot_newBot_isFoundByIdAndClientId() {
    ChatbotRow bot = chatbot("bot-one", "client-1");

    store.insertChatbot(bot).await();

    assertThat(store.chatbot("bot-one").await()).contains(bot);
    assertThat(store.chatbotByClientId("client-1").await()).contains(bot);
    assertThat(store.chatbot("bot-two").await()).isEmpty();
    assertThat(store.chatbotByClientId("client-2").await()).isEmpty();
  }

  @Test
  void insertChatbot_takenBotId_failsWithConflictAndStoresNothing() {
    store.insertChatbot(chatbot("bot-one", "client-1")).await();

    Future<Void> second = store.insertChatbot(chatbot("bot-one", "client-2"));

    assertThatThrownBy(second::await).isInstanceOf(StoreConflict.class);
    assertThat(store.chatbotByClientId("client-2").await()).isEmpty();
    assertThat(store.chatbot("bot-one").await()).map(ChatbotRow::clientId).contains("client-1");
  }

  @Test
  void insertChatbot_takenClientId_failsWithConflictAndStoresNothing() {
    store.insertChatbot(chatbot("bot-one", "client-1")).await();

    Future<Void> second = store.insertChatbot(chatbot("bot-two", "client-1"));

    assertThatThrownBy(second::await).isInstanceOf(StoreConflict.class);
    assertThat(store.chatbot("bot-two").await()).isEmpty();
  }

  @Test
  void insertChatbot_concurrentInsertsWithOneConflict_failsOnlyThatOne() {
    List<Future<Void>> inserts = List.of(
        store.insertChatbot(chatbot("bot-a", "client-a")),
        store.insertChatbot(chatbot("bot-a", "client-x")),
        store.insertChatbot(chatbot("bot-b", "client-b")));
    Future.join(inserts).otherwiseEmpty().await();

    // Either "bot-a" may come first (a store with concurrent writers runs them at once): one
    // of the two is stored, the other fails with a conflict.
    Future<Void> failed = inserts.get(0).failed() ? inserts.get(0) : inserts.get(1);
    Future<Void> stored = failed == inserts.get(0) ? inserts.get(1) : inserts.get(0);
    assertThat(stored.succeeded()).isTrue();
    assertThat(failed.cause()).isInstanceOf(StoreConflict.class);
    assertThat(inserts.get(2).succeeded()).isTrue();
    assertThat(store.chatbots().await()).extracting(ChatbotRow::botId, ChatbotRow::clientId)
        .containsExactly(tuple("bot-a", stored == inserts.get(0) ? "client-a" : "client-x"),
            tuple("bot-b", "client-b"));
  }

  @Test
  void updateChatbot_existingBot_replacesRow() {
    store.insertChatbot(chatbot("bot-one", "client-1")).await();
    ChatbotRow rotated = new ChatbotRow("bot-one", "{}", "client-9", "hash-9", "new-secret",
        "webhook-secret", T0.plusSeconds(3600), 2, T0);

    store.updateChatbot(rotated).await();

    assertThat(store.chatbot("bot-one").await()).contains(rotated);
    assertThat(store.chatbotByClientId("client-9").await()).contains(rotated);
    assertThat(store.chatbotByClientId("client-1").await()).isEmpty();
  }

  @Test
  void updateChatbot_absentBot_failsWithNotFound() {
    Future<Void> update = store.updateChatbot(chatbot("ghost-bot", "client-1"));

    assertThatThrownBy(update::await).isInstanceOf(StoreNotFound.class);
    assertThat(store.chatbots().await()).isEmpty();
  }

  @Test
  void updateChatbot_clientIdOfAnotherBot_failsWithConflictAndKeepsTheRow() {
    store.insertChatbot(chatbot("bot-one", "client-1")).await();
    store.insertChatbot(chatbot("bot-two", "client-2")).await();

    Future<Void> update = store.updateChatbot(chatbot("bot-two", "client-1"));

    assertThatThrownBy(update::await).isInstanceOf(StoreConflict.class);
    assertThat(store.chatbot("bot-two").await()).map(ChatbotRow::clientId).contains("client-2");
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
    store.insertMessage(toUser("bot-one", "m1", USER, "pending")).await();

    boolean deleted = store.deleteChatbot("bot-one").await();

    assertThat(deleted).isTrue();
    assertThat(store.chatbot("bot-one").await()).isEmpty();
    assertThat(store.chatbotByClientId("client-1").await()).isEmpty();
    assertThat(store.message("bot-one", "m1").await()).isPresent();
    assertThat(store.deleteChatbot("bot-one").await()).isFalse();
  }

  // --- conversations ----------------------------------------------------------------------------

  @Test
  void conversation_firstContact_createsThenFindsIt() {
    ConversationRow first = store.conversation("bot-one", USER, "c-1", T0).await();
    ConversationRow again = store.conversation("bot-one", USER, "c-2", T0.plusSeconds(5)).await();

    assertThat(first).isEqualTo(new ConversationRow("bot-one", USER, "c-1", T0, true));
    assertThat(again).isEqualTo(new ConversationRow("bot-one", USER, "c-1", T0, false));
  }

  @Test
  void conversation_manyConcurrentCallersForNewPair_agreeOnOneIdAndOneCreation() {
    // Each caller on its own context, as if on different event loops.
    List<Future<ConversationRow>> answers = IntStream.range(0, 64)
        .mapToObj(i -> {
          var context = vertx.getOrCreateContext();
          return Future.<ConversationRow>future(p -> context.runOnContext(v ->
              store.conversation("bot-one", USER, "c-" + i, T0).onComplete(p)));
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
    ConversationRow one = store.conversation("bot-one", USER, "c-1", T0).await();
    ConversationRow two = store.conversation("bot-two", USER, "c-2", T0).await();

    assertThat(one.conversationId()).isEqualTo("c-1");
    assertThat(two.conversationId()).isEqualTo("c-2");
    assertThat(two.created()).isTrue();
  }

  @Test
  void conversation_newIdAlreadyUsedByAnotherPair_failsWithConflict() {
    store.conversation("bot-one", USER, "c-1", T0).await();

    Future<ConversationRow> reused = store.conversation("bot-one", "+8613800000002", "c-1", T0);

    assertThatThrownBy(reused::await).isInstanceOf(StoreConflict.class);
  }

  // --- messages ---------------------------------------------------------------------------------

  @Test
  void insertMessage_newMsgId_storesRowAndAnswersInserted() {
    MessageRow m = toUser("bot-one", "m1", USER, "pending");

    Inserted<MessageRow> answer = store.insertMessage(m).await();

    assertThat(answer).isEqualTo(new Inserted<>(m, true));
    assertThat(store.message("bot-one", "m1").await()).contains(m);
    assertThat(store.message("bot-one", "m2").await()).isEmpty();
  }

  @Test
  void insertMessage_existingMsgId_answersTheOriginalRowNotInserted() {
    MessageRow original = toUser("bot-one", "m1", USER, "pending");
    store.insertMessage(original).await();
    MessageRow resend = new MessageRow("bot-one", "m1", Direction.BOT_TO_USER, "+8613800000002",
        "c", "x", null, "{\"textMessage\":\"other\"}", "other-hash", "pending", "rcs", null, null,
        T0.plusSeconds(9), T0.plusSeconds(9));

    Inserted<MessageRow> answer = store.insertMessage(resend).await();

    assertThat(answer).isEqualTo(new Inserted<>(original, false));
    assertThat(store.message("bot-one", "m1").await()).contains(original);
    assertThat(store.history("bot-one", "m1").await()).hasSize(1);
  }

  @Test
  void insertMessage_sameMsgIdFromAnotherBot_isInserted() {
    store.insertMessage(toUser("bot-one", "m1", USER, "pending")).await();

    Inserted<MessageRow> answer =
        store.insertMessage(toUser("bot-two", "m1", USER, "pending")).await();

    assertThat(answer.inserted()).isTrue();
    assertThat(store.message("bot-two", "m1").await()).isPresent();
  }

  @Test
  void insertMessage_instantWithNanos_isKeptToTheMillisecond() {
    Instant precise = Instant.parse("2026-01-01T10:00:00.123456789Z");
    MessageRow m = new MessageRow("bot-one", "m1", Direction.USER_TO_BOT, USER,
        null, null, null, "{}", null, "delivered", null, null, precise, precise, precise);

    MessageRow answered = store.insertMessage(m).await().row();

    Instant millis = Instant.parse("2026-01-01T10:00:00.123Z");
    assertThat(answered.createdAt()).isEqualTo(millis);
    assertThat(answered.expiry()).isEqualTo(millis);
    assertThat(store.message("bot-one", "m1").await()).contains(answered);
  }

  @Test
  void insertMessage_botToUser_comesWithItsWorkRowDueAtItsCreation_onceOnly() {
    store.insertMessage(toUser("bot", "m1", USER, "pending")).await();
    store.insertMessage(toUser("bot", "m1", USER, "pending")).await();

    assertThat(store.claimDue("n1", T0.minusMillis(1), T0.plusSeconds(10), 10).await())
        .isEmpty();
    assertThat(store.claimDue("n1", T0, T0.plusSeconds(10), 10).await())
        .extracting(WorkRow::kind, WorkRow::botId, WorkRow::ref)
        .containsExactly(tuple(Kind.MESSAGE, "bot", "m1"));
  }

  @Test
  void insertMessage_userToBot_getsNoWorkRow() {
    store.insertMessage(message("bot", "m1", Direction.USER_TO_BOT, USER, "delivered")).await();

    assertThat(store.nextDue(T0.plusSeconds(60)).await()).isEmpty();
  }

  @Test
  void insertMessageWithWork_newMessage_storesTheWorkAsGiven() {
    WorkRow later = WorkRow.due(Kind.MESSAGE, "bot", "m1", T0.plusSeconds(30));

    Inserted<MessageRow> answer =
        store.insertMessage(toUser("bot", "m1", USER, "pending"), later).await();

    assertThat(answer.inserted()).isTrue();
    assertThat(store.nextDue(T0).await()).contains(T0.plusSeconds(30));
  }

  @Test
  void insertMessageWithWork_claimedWork_isHeldAndItsClaimAsGivenSettlesIt() {
    WorkRow route = WorkRow.claimed(Kind.MESSAGE, "bot", "m1", T0, "n1", T0.plusSeconds(10));

    store.insertMessage(toUser("bot", "m1", USER, "pending"), route).await();

    assertThat(store.claimDue("n2", T0.plusSeconds(5), T0.plusSeconds(15), 10).await())
        .isEmpty();
    assertThat(store.settle(route).await()).isTrue();
    assertThat(store.nextDue(T0.plusSeconds(60)).await()).isEmpty();
  }

  @Test
  void insertMessageInConversation_userWithoutOne_startsItUnderTheMessagesConversationId() {
    WorkRow later = WorkRow.due(Kind.MESSAGE, "bot", "m1", T0.plusSeconds(30));

    Inserted<MessageRow> answer = store.insertMessageInConversation(
        toUser("bot", "m1", USER, "pending").inConversation("c-new"), later).await();

    assertThat(answer.inserted()).isTrue();
    assertThat(answer.row().conversationId()).isEqualTo("c-new");
    assertThat(store.message("bot", "m1").await()).map(MessageRow::conversationId)
        .contains("c-new");
    assertThat(store.conversation("bot", USER, "c-other", T0).await())
        .isEqualTo(new ConversationRow("bot", USER, "c-new", T0, false));
    assertThat(store.nextDue(T0).await()).contains(T0.plusSeconds(30));
  }

  @Test
  void insertMessageInConversation_userWithOne_goesIntoIt() {
    store.conversation("bot", USER, "c-1", T0).await();

    Inserted<MessageRow> answer = store.insertMessageInConversation(
        toUser("bot", "m1", USER, "pending").inConversation("c-new"),
        WorkRow.due(Kind.MESSAGE, "bot", "m1", T0)).await();

    assertThat(answer.row().conversationId()).isEqualTo("c-1");
    assertThat(store.message("bot", "m1").await()).map(MessageRow::conversationId)
        .contains("c-1");
  }

  @Test
  void insertMessageInConversation_manyConcurrentFirstMessages_allGoIntoOneConversation() {
    List<Future<Inserted<MessageRow>>> answers = IntStream.range(0, 32)
        .mapToObj(i -> store.insertMessageInConversation(
            toUser("bot", "m" + i, USER, "pending").inConversation("c-" + i),
            WorkRow.due(Kind.MESSAGE, "bot", "m" + i, T0)))
        .toList();
    Future.all(answers).await();

    String started = store.conversation("bot", USER, "c-other", T0).await().conversationId();
    assertThat(answers).extracting(answer -> answer.result().row().conversationId())
        .containsOnly(started);
    for (int i = 0; i < 32; i++) {
      assertThat(store.message("bot", "m" + i).await()).map(MessageRow::conversationId)
          .contains(started);
    }
  }

  @Test
  void insertMessageWithWork_existingMsgId_leavesTheFirstWorkAsItWas() {
    store.insertMessage(toUser("bot", "m1", USER, "pending"),
        WorkRow.due(Kind.MESSAGE, "bot", "m1", T0.plusSeconds(30))).await();

    Inserted<MessageRow> again = store.insertMessage(toUser("bot", "m1", USER, "pending"),
        WorkRow.due(Kind.MESSAGE, "bot", "m1", T0.plusSeconds(5))).await();

    assertThat(again.inserted()).isFalse();
    assertThat(store.nextDue(T0).await()).contains(T0.plusSeconds(30));
  }

  @Test
  void messageTo_findsTheBotToUserMessageOfOneOfTheBots_toThatUserOnly() {
    MessageRow mine = toUser("bot-one", "m1", USER, "sent");
    store.insertMessage(mine).await();
    store.insertMessage(toUser("bot-two", "m2", "+8613800000002", "sent")).await();
    store.insertMessage(message("bot-one", "m3", Direction.USER_TO_BOT, USER, "delivered"))
        .await();

    assertThat(store.messageTo(USER, "m1", List.of("bot-two", "bot-one")).await())
        .contains(mine);
    assertThat(store.messageTo(USER, "m1", List.of("bot-two")).await()).isEmpty();
    assertThat(store.messageTo(USER, "m2", List.of("bot-one", "bot-two")).await()).isEmpty();
    assertThat(store.messageTo(USER, "m3", List.of("bot-one")).await()).isEmpty();
    assertThat(store.messageTo(USER, "m1", List.of()).await()).isEmpty();
  }

  @Test
  void insertMessageAndEvent_storesBoth_andATakenMsgIdStoresNeither() {
    MessageRow m = message("bot-one", "m1", Direction.USER_TO_BOT, USER, "delivered");

    EventRow stored = store.insertMessageAndEvent(m, event("e1", "bot-one")).await().orElseThrow();
    Future<Optional<EventRow>> again = store.insertMessageAndEvent(m, event("e2", "bot-one"));

    assertThatThrownBy(again::await).isInstanceOf(StoreConflict.class);
    assertThat(stored.eventId()).isEqualTo("e1");
    assertThat(stored.sequence()).isPositive();
    assertThat(store.message("bot-one", "m1").await()).contains(m);
    assertThat(storedEventIds()).containsExactly("e1");
  }

  @Test
  void history_newMessage_startsWithItsStoredStatus() {
    store.insertMessage(toUser("bot-one", "m1", USER, "pending")).await();

    List<StatusChange> history = store.history("bot-one", "m1").await();

    assertThat(history).containsExactly(new StatusChange("pending", "rcs", null, T0));
    assertThat(store.history("bot-one", "unknown").await()).isEmpty();
  }

  @Test
  void updateStatus_currentStatusIsExpected_changesAndAppendsHistory() {
    store.insertMessage(toUser("bot-one", "m1", USER, "pending")).await();
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
    store.insertMessage(toUser("bot-one", "m1", USER, "delivered")).await();
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
    store.insertMessage(toUser("bot-one", "m1", USER, "delivered")).await();
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
    store.insertMessage(toUser("bot-one", "m1", USER, "pending")).await();

    store.updateStatus("bot-one", "m1", List.of(),
        new StatusChange("sent", null, null, T0.plusSeconds(1))).await();

    assertThat(store.message("bot-one", "m1").await().orElseThrow().channel()).isEqualTo("rcs");
    assertThat(store.history("bot-one", "m1").await().get(1).channel()).isEqualTo("rcs");
  }

  @Test
  void updateStatus_fromChannel_changesOnlyAMessageOnThatChannel() {
    store.insertMessage(toUser("bot-one", "m1", USER, "pending")).await();
    StatusChange failed = new StatusChange("failed", "sms", "expired", T0.plusSeconds(1));

    boolean onSms = store.updateStatus("bot-one", "m1", List.of("pending"), "sms", failed)
        .await();
    boolean onRcs = store.updateStatus("bot-one", "m1", List.of("pending"), "rcs", failed)
        .await();

    assertThat(onSms).isFalse();
    assertThat(onRcs).isTrue();
    assertThat(store.history("bot-one", "m1").await()).hasSize(2);
  }

  @Test
  void updateStatus_unknownMessage_answersFalse() {
    boolean changed = store.updateStatus("bot-one", "nope", List.of(),
        new StatusChange("sent", "rcs", null, T0)).await();

    assertThat(changed).isFalse();
    assertThat(store.message("bot-one", "nope").await()).isEmpty();
  }

  @Test
  void updateStatus_concurrentRevokeAndDelivery_exactlyOneWins() {
    store.insertMessage(toUser("bot-one", "m1", USER, "sent")).await();

    Future<Boolean> revoke = store.updateStatus("bot-one", "m1", List.of("pending", "sent"),
        new StatusChange("cancelled", "rcs", null, T0.plusSeconds(1)));
    Future<Boolean> deliver = store.updateStatus("bot-one", "m1", List.of("pending", "sent"),
        new StatusChange("delivered", "rcs", null, T0.plusSeconds(1)));

    assertThat(List.of(revoke.await(), deliver.await())).containsExactlyInAnyOrder(true, false);
    assertThat(store.history("bot-one", "m1").await()).hasSize(2);
  }

  @Test
  void updateStatusAndInsertEvent_expectedStatus_changesItAndStoresTheReport() {
    store.insertMessage(toUser("bot-one", "m1", USER, "sent")).await();
    StatusChange delivered = new StatusChange("delivered", "rcs", null, T0.plusSeconds(1));

    Optional<EventRow> report = store.updateStatusAndInsertEvent("bot-one", "m1",
        List.of("pending", "sent"), delivered, event("e1", "bot-one")).await();

    assertThat(report).map(EventRow::eventId).contains("e1");
    assertThat(report.orElseThrow().sequence()).isPositive();
    assertThat(store.message("bot-one", "m1").await().orElseThrow().status())
        .isEqualTo("delivered");
    assertThat(storedEventIds()).containsExactly("e1");
  }

  @Test
  void updateStatusAndInsertEvent_unexpectedStatus_storesNeither() {
    store.insertMessage(toUser("bot-one", "m1", USER, "delivered")).await();
    StatusChange failed = new StatusChange("failed", "rcs", "expired", T0.plusSeconds(1));

    Optional<EventRow> report = store.updateStatusAndInsertEvent("bot-one", "m1",
        List.of("pending", "sent"), failed, event("e1", "bot-one")).await();

    assertThat(report).isEmpty();
    assertThat(store.history("bot-one", "m1").await()).hasSize(1);
    assertThat(storedEventIds()).isEmpty();
  }

  @Test
  void updateStatusAndInsertEvent_otherChannel_storesNeither() {
    store.insertMessage(toUser("bot-one", "m1", USER, "pending")).await();
    StatusChange failed = new StatusChange("failed", "sms", "opted out", T0.plusSeconds(1));

    Optional<EventRow> report = store.updateStatusAndInsertEvent("bot-one", "m1",
        List.of("pending"), "sms", failed, event("e1", "bot-one")).await();

    assertThat(report).isEmpty();
    assertThat(store.message("bot-one", "m1").await().orElseThrow().status())
        .isEqualTo("pending");
    assertThat(storedEventIds()).isEmpty();
  }

  @Test
  void updateStatusAndInsertEvent_reportCannotBeStored_statusStaysAsItWas() {
    store.insertMessage(toUser("bot-one", "m1", USER, "sent")).await();
    store.insertMessageAndEvent(message("bot-one", "m0", Direction.USER_TO_BOT, USER,
        "delivered"), event("e1", "bot-one")).await();
    StatusChange delivered = new StatusChange("delivered", "rcs", null, T0.plusSeconds(1));

    Future<Optional<EventRow>> report = store.updateStatusAndInsertEvent("bot-one", "m1",
        List.of("pending", "sent"), delivered, event("e1", "bot-one"));

    assertThatThrownBy(report::await).isInstanceOf(StoreConflict.class);
    assertThat(store.message("bot-one", "m1").await().orElseThrow().status()).isEqualTo("sent");
    assertThat(store.history("bot-one", "m1").await()).hasSize(1);
  }

  @Test
  void reportFromDevice_expectedStatusOnRcs_changesItAndStoresTheReport() {
    store.insertMessage(toUser("bot", "sent", USER, "sent")).await();
    store.insertMessage(toUser("bot", "done", USER, "cancelled")).await();
    StatusChange delivered = new StatusChange("delivered", "rcs", null, T0.plusSeconds(1));

    Optional<EventRow> sent = store.reportFromDevice("bot", "sent", List.of("pending", "sent"),
        delivered, event("e1", "bot")).await();
    Optional<EventRow> done = store.reportFromDevice("bot", "done", List.of("pending", "sent"),
        delivered, event("e2", "bot")).await();
    Optional<EventRow> unknown = store.reportFromDevice("bot", "nope", List.of("pending", "sent"),
        delivered, event("e3", "bot")).await();

    assertThat(sent).map(EventRow::eventId).contains("e1");
    assertThat(done).isEmpty();
    assertThat(unknown).isEmpty();
    assertThat(store.message("bot", "sent").await().orElseThrow().status())
        .isEqualTo("delivered");
    assertThat(store.message("bot", "done").await().orElseThrow().status())
        .isEqualTo("cancelled");
    assertThat(storedEventIds()).containsExactly("e1");
    assertThat(store.claimDue("n1", T0.plusSeconds(60), T0.plusSeconds(70), 10).await())
        .as("the reported message's work ended with the report; the refused one's stays")
        .filteredOn(work -> work.kind() == Kind.MESSAGE)
        .extracting(WorkRow::ref).containsExactly("done");
  }

  @Test
  void reportFromDevice_winsOverAnSmsNotSubmitted_butNotOverOneSubmitted() {
    store.insertMessage(onSms("waiting", "pending")).await();
    store.insertMessage(onSms("going", "pending")).await();
    store.smsSubmitting("bot", "going", 0, 1, T0).await();
    StatusChange delivered = new StatusChange("delivered", "rcs", null, T0.plusSeconds(1));

    assertThat(store.reportFromDevice("bot", "waiting", List.of("pending", "sent"), delivered,
        event("e1", "bot")).await()).isPresent();
    assertThat(store.reportFromDevice("bot", "going", List.of("pending", "sent"), delivered,
        event("e2", "bot")).await()).isEmpty();
    assertThat(store.message("bot", "waiting").await().orElseThrow())
        .extracting(MessageRow::status, MessageRow::channel)
        .containsExactly("delivered", "rcs");
    assertThat(store.smsSubmitting("bot", "waiting", 0, 1, T0).await())
        .as("the SMS of a message delivered meanwhile does not go out").isFalse();
  }

  @Test
  void waitingFor_mixedMessages_answersUndeliveredBotToUserOnRcsOfThatUserOldestFirst() {
    store.insertMessage(toUser("bot-one", "m1", USER, "pending")).await();
    store.insertMessage(toUser("bot-one", "m2", USER, "sent")).await();
    store.insertMessage(toUser("bot-two", "m3", USER, "pending")).await();
    store.insertMessage(toUser("bot-one", "m4", "+8613800000002", "pending")).await();
    store.insertMessage(message("bot-one", "m5", Direction.USER_TO_BOT, USER, "pending")).await();
    store.insertMessage(toUser("bot-one", "m6", USER, "pending")).await();
    store.updateStatus("bot-one", "m6", List.of(),
        new StatusChange("delivered", "rcs", null, T0)).await();
    store.insertMessage(toUser("bot-one", "m7", USER, "pending")).await();
    store.updateStatus("bot-one", "m7", List.of(),
        new StatusChange("pending", "sms", null, T0)).await();

    List<MessageRow> waiting = store.waitingFor(USER).await();

    assertThat(waiting).extracting(MessageRow::msgId).containsExactly("m1", "m2", "m3");
  }

  @Test
  void writtenToDevice_messagesOnceSentOnRcs_inTheStatusesAsked_sinceOldestFirst() {
    Instant since = T0.plusSeconds(10);
    sentThen("old", T0, "cancelled", "rcs");
    sentThen("cancelled", since, "cancelled", "rcs");
    sentThen("delivered", since, "delivered", "rcs");
    sentThen("onSms", since.plusSeconds(1), "pending", "sms");
    sentThen("stillSent", since.plusSeconds(2), "sent", "rcs");
    store.insertMessage(toUserAt("neverSent", since, USER)).await();
    store.updateStatus("bot", "neverSent", List.of(),
        new StatusChange("cancelled", "rcs", null, since)).await();
    store.insertMessage(toUserAt("otherUser", since, "+8613800000002")).await();
    store.updateStatus("bot", "otherUser", List.of(),
        new StatusChange("sent", "rcs", null, since)).await();

    List<MessageRow> written = store.writtenToDevice(USER, since,
        List.of("pending", "sent", "cancelled")).await();

    assertThat(written).extracting(MessageRow::msgId, MessageRow::status, MessageRow::channel)
        .containsExactly(tuple("cancelled", "cancelled", "rcs"), tuple("onSms", "pending", "sms"),
            tuple("stillSent", "sent", "rcs"));
    assertThat(store.writtenToDevice(USER, since, List.of()).await()).isEmpty();
  }

  // --- devices ----------------------------------------------------------------------------------

  @Test
  void putDevice_twice_replacesFeaturesAndKeepsProvisionedAt() {
    store.putDevice(new DeviceRow(USER, List.of("chatbot"), T0)).await();

    store.putDevice(new DeviceRow(USER, List.of("chatbot", "richcard"),
        T0.plusSeconds(60))).await();

    assertThat(store.device(USER).await()).contains(
        new DeviceRow(USER, List.of("chatbot", "richcard"), T0));
    assertThat(store.device("+8613800000002").await()).isEmpty();
  }

  @Test
  void deleteDevice_provisionedNumber_makesItUnknown() {
    store.putDevice(new DeviceRow(USER, List.of(), T0)).await();

    boolean deleted = store.deleteDevice(USER).await();

    assertThat(deleted).isTrue();
    assertThat(store.device(USER).await()).isEmpty();
    assertThat(store.deleteDevice(USER).await()).isFalse();
  }

  // --- SMS fallback -----------------------------------------------------------------------------

  @Test
  void smsAccepted_expectedStatus_recordsThePartsAndMakesTheChangeWithItsReport() {
    store.insertMessage(onSms("m1", "pending")).await();
    StatusChange accepted = new StatusChange("deliveredToNetwork", "sms", null, T0.plusSeconds(1));

    Optional<EventRow> report = store.smsAccepted("bot", "m1", List.of("a1", "a2"),
        List.of("pending"), accepted, event("e1", "bot")).await();

    assertThat(report).map(EventRow::eventId).contains("e1");
    assertThat(store.message("bot", "m1").await().orElseThrow().status())
        .isEqualTo("deliveredToNetwork");
    assertThat(store.smsParts("bot", "m1").await()).containsExactly(
        new SmsPartRow("bot", "m1", "a1", null, null),
        new SmsPartRow("bot", "m1", "a2", null, null));
    assertThat(storedEventIds()).containsExactly("e1");
  }

  @Test
  void smsAccepted_unexpectedStatus_changesNothingAndStoresNoReport() {
    store.insertMessage(onSms("m1", "failed")).await();
    StatusChange accepted = new StatusChange("deliveredToNetwork", "sms", null, T0.plusSeconds(1));

    Optional<EventRow> report = store.smsAccepted("bot", "m1", List.of("a1"),
        List.of("pending"), accepted, event("e1", "bot")).await();

    assertThat(report).isEmpty();
    assertThat(store.message("bot", "m1").await().orElseThrow().status()).isEqualTo("failed");
    assertThat(storedEventIds()).isEmpty();
  }

  @Test
  void smsReceipt_knownPart_recordsItAndAnswersTheMessagesPartsInTheOrderRecorded() {
    accepted("bot", "m1", "a1", "a2");

    List<SmsPartRow> first = store.smsReceipt(List.of("a2"), "DELIVRD", "000", T0).await();
    List<SmsPartRow> second = store.smsReceipt(List.of("a1"), "UNDELIV", "011", T0).await();

    assertThat(first).containsExactly(new SmsPartRow("bot", "m1", "a1", null, null),
        new SmsPartRow("bot", "m1", "a2", "DELIVRD", "000"));
    assertThat(second).containsExactly(new SmsPartRow("bot", "m1", "a1", "UNDELIV", "011"),
        new SmsPartRow("bot", "m1", "a2", "DELIVRD", "000"));
    assertThat(store.smsParts("bot", "m1").await()).isEqualTo(second);
  }

  @Test
  void smsReceipt_anyFormOfTheIdInAnyCase_findsThePart_unknownIdsFindNothing() {
    accepted("bot", "m1", "00AB12");

    List<SmsPartRow> found = store.smsReceipt(List.of("zz", "00ab12"), "DELIVRD", "000", T0)
        .await();
    List<SmsPartRow> unknown = store.smsReceipt(List.of("zz", "ff"), "DELIVRD", "000", T0)
        .await();

    assertThat(found).extracting(SmsPartRow::stat).containsExactly("DELIVRD");
    assertThat(unknown).isEmpty();
  }

  @Test
  void smsReceipt_knownPart_makesItsMessagesWorkDue_soACrashCannotLoseWhatItChanges() {
    accepted("bot", "m1", "a1");
    accepted("bot", "m2", "b1");
    store.claimDue("n1", T0, T0.plusSeconds(10), 10).await().forEach(w -> store.settle(w).await());
    Instant receivedAt = T0.plusSeconds(60);

    store.smsReceipt(List.of("a1"), "DELIVRD", "000", receivedAt).await();
    store.smsReceipt(List.of("zz"), "DELIVRD", "000", receivedAt).await();

    assertThat(store.claimDue("n1", receivedAt, receivedAt.plusSeconds(10), 10).await())
        .filteredOn(work -> work.kind() == Kind.MESSAGE)
        .extracting(WorkRow::ref).containsExactly("m1");
  }

  @Test
  void smsReceipt_idReusedByANewerMessage_countsForTheNewerOnly() {
    accepted("bot", "old", "a1");
    accepted("other", "new", "a1");

    List<SmsPartRow> parts = store.smsReceipt(List.of("a1"), "DELIVRD", "000", T0).await();

    assertThat(parts).extracting(SmsPartRow::botId, SmsPartRow::msgId)
        .containsExactly(tuple("other", "new"));
    assertThat(store.smsParts("bot", "old").await()).isEmpty();
  }

  @Test
  void smsParts_messageWithoutParts_answersNothing() {
    store.insertMessage(onSms("m1", "pending")).await();

    List<SmsPartRow> parts = store.smsParts("bot", "m1").await();

    assertThat(parts).isEmpty();
  }

  @Test
  void putSmsContact_withoutChoices_keepsThePendingOnes_newChoicesReplaceThem() {
    store.putSmsContact(new SmsContact(USER, "1065", "bot", "m1", T0, "bot", "m1", "[\"a\"]",
        T0.plusSeconds(60))).await();
    store.putSmsContact(new SmsContact(USER, "1065", "bot", "m2", T0.plusSeconds(1), null, null,
        null, null)).await();
    SmsContact kept = store.smsContact(USER, "1065").await().orElseThrow();

    store.putSmsContact(new SmsContact(USER, "1065", "bot", "m3", T0.plusSeconds(2), "bot", "m3",
        "[\"b\"]", T0.plusSeconds(90))).await();

    assertThat(kept).isEqualTo(new SmsContact(USER, "1065", "bot", "m2", T0.plusSeconds(1), "bot",
        "m1", "[\"a\"]", T0.plusSeconds(60)));
    assertThat(store.smsContact(USER, "1065").await()).contains(new SmsContact(USER, "1065",
        "bot", "m3", T0.plusSeconds(2), "bot", "m3", "[\"b\"]", T0.plusSeconds(90)));
    assertThat(store.smsContact(USER, "1066").await()).isEmpty();
  }

  @Test
  void setSmsOptOut_outTwiceThenIn_isPerChatbot() {
    store.setSmsOptOut("bot", USER, true, T0).await();
    store.setSmsOptOut("bot", USER, true, T0.plusSeconds(1)).await();
    boolean out = store.smsOptedOut("bot", USER).await();
    boolean otherBot = store.smsOptedOut("other", USER).await();

    store.setSmsOptOut("bot", USER, false, T0.plusSeconds(2)).await();

    assertThat(out).isTrue();
    assertThat(otherBot).isFalse();
    assertThat(store.smsOptedOut("bot", USER).await()).isFalse();
  }

  @Test
  void smsSubmitting_onlyWhileTheMessageIsPendingOnSms() {
    store.insertMessage(onSms("m1", "pending")).await();
    store.insertMessage(toUser("bot", "m2", "+8613800000002", "pending")).await();
    store.insertMessage(onSms("m3", "failed")).await();

    assertThat(store.smsSubmitting("bot", "m1", 0, 2, T0).await()).isTrue();
    assertThat(store.smsSubmitting("bot", "m2", 0, 1, T0).await()).as("on RCS").isFalse();
    assertThat(store.smsSubmitting("bot", "m3", 0, 1, T0).await()).as("failed").isFalse();
    assertThat(store.smsSubmitting("bot", "gone", 0, 1, T0).await()).isFalse();
    assertThat(store.smsSubmits("bot", "m2").await()).isEmpty();
  }

  @Test
  void smsSubmits_partsNotedAndAnswered_inPartOrder_aPartNotedAgainKeepsItsFirstNote() {
    store.insertMessage(onSms("m1", "pending")).await();
    store.smsSubmitting("bot", "m1", 1, 2, T0).await();
    store.smsSubmitting("bot", "m1", 0, 2, T0).await();
    store.smsSubmitAnswered("bot", "m1", 0, "abc").await();

    store.smsSubmitting("bot", "m1", 0, 3, T0.plusSeconds(1)).await();

    assertThat(store.smsSubmits("bot", "m1").await()).containsExactly(
        new SmsSubmit("bot", "m1", 0, 2, "abc"), new SmsSubmit("bot", "m1", 1, 2, null));
  }

  // --- work -------------------------------------------------------------------------------------

  @Test
  void schedule_newWork_isDueAtItsTimeOnly() {
    store.schedule(WorkRow.due(Kind.MESSAGE, "bot", "m", T0.plusSeconds(5))).await();

    assertThat(store.nextDue(T0).await()).contains(T0.plusSeconds(5));
    assertThat(store.claimDue("n1", T0.plusSeconds(4), T0.plusSeconds(14), 10).await())
        .isEmpty();
    assertThat(store.claimDue("n1", T0.plusSeconds(5), T0.plusSeconds(15), 10).await())
        .extracting(WorkRow::ref).containsExactly("m");
  }

  @Test
  void schedule_sameWorkAgain_movesTheOneRow() {
    store.schedule(WorkRow.due(Kind.MESSAGE, "bot", "m", T0.plusSeconds(5))).await();

    store.schedule(WorkRow.due(Kind.MESSAGE, "bot", "m", T0.plusSeconds(9))).await();

    assertThat(store.nextDue(T0).await()).contains(T0.plusSeconds(9));
    assertThat(store.claimDue("n1", T0.plusSeconds(60), T0.plusSeconds(70), 10).await())
        .extracting(WorkRow::ref).containsExactly("m");
  }

  @Test
  void schedule_whileClaimed_winsOverTheClaim() {
    store.schedule(WorkRow.due(Kind.MESSAGE, "bot", "m", T0)).await();
    WorkRow claim = store.claimDue("n1", T0, T0.plusSeconds(10), 10).await().get(0);

    store.schedule(WorkRow.due(Kind.MESSAGE, "bot", "m", T0.plusSeconds(5))).await();

    assertThat(store.settle(claim).await()).isFalse();
    assertThat(store.nextDue(T0).await()).contains(T0.plusSeconds(5));
  }

  @Test
  void claimDue_takesDueUnheldRowsEarliestFirst_upToTheLimit() {
    store.schedule(WorkRow.due(Kind.MESSAGE, "bot", "late", T0.plusSeconds(30))).await();
    store.schedule(WorkRow.due(Kind.MESSAGE, "bot", "b", T0.plusSeconds(2))).await();
    store.schedule(WorkRow.due(Kind.MESSAGE, "bot", "a", T0.plusSeconds(1))).await();
    store.schedule(WorkRow.due(Kind.MESSAGE, "bot", "c", T0.plusSeconds(3))).await();

    List<WorkRow> claimed = store.claimDue("n1", T0.plusSeconds(10), T0.plusSeconds(20), 2)
        .await();
    List<WorkRow> rest = store.claimDue("n2", T0.plusSeconds(10), T0.plusSeconds(20), 10)
        .await();

    assertThat(claimed).extracting(WorkRow::ref).containsExactly("a", "b");
    assertThat(claimed).allSatisfy(row -> {
      assertThat(row.claimedBy()).isEqualTo("n1");
      assertThat(row.leaseUntil()).isEqualTo(T0.plusSeconds(20));
      assertThat(row.attempts()).isEqualTo(1);
    });
    assertThat(rest).extracting(WorkRow::ref).containsExactly("c");
  }

  @Test
  void claimDue_twoNodesAtOnce_eachRowGoesToOneNode() {
    List<String> refs = IntStream.range(0, 40).mapToObj(i -> "m" + i).toList();
    Future.all(refs.stream()
        .map(ref -> store.schedule(WorkRow.due(Kind.MESSAGE, "bot", ref, T0)))
        .toList()).await();

    List<Future<List<WorkRow>>> claims = new ArrayList<>();
    for (int round = 0; round < 5; round++) {
      claims.add(store.claimDue("n1", T0, T0.plusSeconds(10), 5));
      claims.add(store.claimDue("n2", T0, T0.plusSeconds(10), 5));
    }
    Future.all(claims).await();

    List<String> claimed = new ArrayList<>();
    claims.forEach(claim -> claim.result().forEach(row -> claimed.add(row.ref())));
    assertThat(claimed).doesNotHaveDuplicates().hasSize(40);
    assertThat(new HashSet<>(claimed)).isEqualTo(Set.copyOf(refs));
  }

  @Test
  void claimDue_rowWhoseLeaseEnded_isClaimedAgain_andTheOldClaimCanNoLongerSettleIt() {
    store.schedule(WorkRow.due(Kind.MESSAGE, "bot", "m", T0)).await();
    WorkRow crashed = store.claimDue("n1", T0, T0.plusSeconds(10), 10).await().get(0);

    List<WorkRow> whileHeld = store.claimDue("n2", T0.plusSeconds(10).minusMillis(1),
        T0.plusSeconds(15), 10).await();
    WorkRow taken = store.claimDue("n2", T0.plusSeconds(10), T0.plusSeconds(20), 10).await()
        .get(0);

    assertThat(whileHeld).isEmpty();
    assertThat(taken.claimedBy()).isEqualTo("n2");
    assertThat(taken.attempts()).isEqualTo(2);
    assertThat(store.settle(crashed).await()).as("the stale claim settles").isFalse();
    assertThat(store.settle(taken).await()).as("the live claim settles").isTrue();
    assertThat(store.nextDue(T0.plusSeconds(30)).await()).isEmpty();
  }

  @Test
  void nextDue_heldRow_isNotDueUntilItsLeaseEnds() {
    store.schedule(WorkRow.due(Kind.MESSAGE, "bot", "m", T0)).await();
    store.claimDue("n1", T0, T0.plusSeconds(10), 10).await();

    Optional<Instant> whileHeld = store.nextDue(T0.plusSeconds(5)).await();
    Optional<Instant> afterTheLease = store.nextDue(T0.plusSeconds(10)).await();

    assertThat(whileHeld).isEmpty();
    assertThat(afterTheLease).contains(T0);
  }

  @Test
  void release_movesTheRowToItsNextDueTime_unheld() {
    store.schedule(WorkRow.due(Kind.MESSAGE, "bot", "m", T0)).await();
    WorkRow claim = store.claimDue("n1", T0, T0.plusSeconds(10), 10).await().get(0);

    assertThat(store.release(claim, T0.plusSeconds(60)).await()).isTrue();

    assertThat(store.nextDue(T0).await()).contains(T0.plusSeconds(60));
    assertThat(store.claimDue("n1", T0.plusSeconds(59), T0.plusSeconds(70), 10).await())
        .isEmpty();
    assertThat(store.claimDue("n1", T0.plusSeconds(60), T0.plusSeconds(70), 10).await())
        .extracting(WorkRow::ref).containsExactly("m");
  }

  @Test
  void release_staleClaim_doesNothing() {
    store.schedule(WorkRow.due(Kind.MESSAGE, "bot", "m", T0)).await();
    WorkRow stale = store.claimDue("n1", T0, T0.plusSeconds(10), 10).await().get(0);
    store.claimDue("n2", T0.plusSeconds(10), T0.plusSeconds(30), 10).await();

    boolean released = store.release(stale, T0.plusSeconds(11)).await();

    assertThat(released).isFalse();
    assertThat(store.claimDue("n3", T0.plusSeconds(20), T0.plusSeconds(40), 10).await())
        .as("still held by n2").isEmpty();
  }

  @Test
  void extendLeases_keepsTheRowFromOthers_releaseClaims_givesANodesRowsBack() {
    store.schedule(WorkRow.due(Kind.MESSAGE, "bot", "m", T0)).await();
    WorkRow claim = store.claimDue("n1", T0, T0.plusSeconds(10), 10).await().get(0);

    store.extendLeases("n1", List.of(claim), T0.plusSeconds(30)).await();
    List<WorkRow> atTheOldLeaseEnd = store.claimDue("n2", T0.plusSeconds(10),
        T0.plusSeconds(40), 10).await();
    int released = store.releaseClaims("n1").await();

    assertThat(atTheOldLeaseEnd).isEmpty();
    assertThat(released).isEqualTo(1);
    assertThat(store.claimDue("n2", T0.plusSeconds(11), T0.plusSeconds(40), 10).await())
        .extracting(WorkRow::ref).containsExactly("m");
  }

  @Test
  void extendLeases_claimOfAnotherNodeOrStale_isNotExtended() {
    store.schedule(WorkRow.due(Kind.MESSAGE, "bot", "a", T0)).await();
    store.schedule(WorkRow.due(Kind.MESSAGE, "bot", "b", T0.plusMillis(1))).await();
    WorkRow a = store.claimDue("n1", T0, T0.plusSeconds(10), 1).await().get(0);
    WorkRow staleB = store.claimDue("n1", T0.plusMillis(1), T0.plusSeconds(5), 1).await().get(0);
    store.claimDue("n1", T0.plusSeconds(5), T0.plusSeconds(20), 10).await();

    store.extendLeases("n2", List.of(a), T0.plusSeconds(60)).await();
    store.extendLeases("n1", List.of(staleB), T0.plusSeconds(60)).await();

    assertThat(store.claimDue("n3", T0.plusSeconds(10), T0.plusSeconds(30), 10).await())
        .extracting(WorkRow::ref).containsExactly("a");
    assertThat(store.claimDue("n3", T0.plusSeconds(20), T0.plusSeconds(40), 10).await())
        .extracting(WorkRow::ref).containsExactly("b");
  }

  @Test
  void releaseClaims_onlyThatNodesRows_comeBack() {
    store.schedule(WorkRow.due(Kind.MESSAGE, "bot", "a", T0)).await();
    store.schedule(WorkRow.due(Kind.MESSAGE, "bot", "b", T0.plusSeconds(1))).await();
    store.claimDue("n1", T0, T0.plusSeconds(10), 1).await();
    store.claimDue("n2", T0.plusSeconds(1), T0.plusSeconds(10), 1).await();

    int released = store.releaseClaims("n1").await();

    assertThat(released).isEqualTo(1);
    assertThat(store.releaseClaims("n3").await()).isZero();
    assertThat(store.claimDue("n3", T0.plusSeconds(2), T0.plusSeconds(10), 10).await())
        .extracting(WorkRow::ref).containsExactly("a");
  }

  @Test
  void cancelWork_removesTheRowWhoeverHoldsIt() {
    store.schedule(WorkRow.due(Kind.MESSAGE, "bot", "m", T0)).await();
    store.schedule(WorkRow.due(Kind.MESSAGE, "bot", "other", T0.plusSeconds(5))).await();
    store.claimDue("n1", T0, T0.plusSeconds(10), 1).await();

    store.cancelWork(Kind.MESSAGE, "bot", "m").await();
    store.cancelWork(Kind.MESSAGE, "bot", "unknown").await();

    assertThat(store.claimDue("n2", T0.plusSeconds(60), T0.plusSeconds(70), 10).await())
        .extracting(WorkRow::ref).containsExactly("other");
  }

  // --- files ------------------------------------------------------------------------------------

  @Test
  void insertFile_readBack_asStored() {
    FileRow file = file("a", "coffee", 1000, 200L, 60);

    store.insertFile(file, 10_000).await();

    assertThat(store.file("a").await()).contains(file);
    assertThat(store.file("b").await()).isEmpty();
  }

  @Test
  void insertFile_takenFileId_failsWithConflict() {
    store.insertFile(file("a", "coffee", 10, null, 60), 10_000).await();

    Future<Void> again = store.insertFile(file("a", "tea", 20, null, 60), 10_000);

    assertThatThrownBy(again::await).isInstanceOf(StoreConflict.class);
    assertThat(store.file("a").await()).map(FileRow::owner).contains("coffee");
  }

  @Test
  void insertFile_quotaCountsReadyFilesAndThumbnailsOfTheSameOwner() {
    store.insertFile(file("a", "coffee", 600, 100L, 60), 1000).await();
    store.insertFile(file("b", "tea", 900, null, 60), 1000).await();

    assertThatThrownBy(() -> store.insertFile(file("c", "coffee", 301, null, 60), 1000).await())
        .isInstanceOfSatisfying(QuotaExceeded.class, e -> {
          assertThat(e.usedBytes()).isEqualTo(700);
          assertThat(e.quotaBytes()).isEqualTo(1000);
        });
    assertThat(store.file("c").await()).isEmpty();
    store.insertFile(file("d", "coffee", 300, null, 60), 1000).await();
    store.expireFile("a").await();
    store.insertFile(file("e", "coffee", 700, null, 60), 1000).await();
    assertThat(store.file("e").await()).isPresent();
  }

  @Test
  void insertFile_concurrentUploads_neverPassTheQuota() {
    List<Future<Void>> uploads = IntStream.range(0, 20)
        .mapToObj(i -> store.insertFile(file("f" + i, "coffee", 100, null, 60), 1000))
        .toList();

    long kept = uploads.stream().filter(upload -> upload.transform(done ->
        Future.succeededFuture(done.succeeded())).await()).count();

    assertThat(kept).isEqualTo(10);
    assertThat(store.fileIds().await()).hasSize(10);
  }

  @Test
  void insertFileAndEvent_storesBoth_overQuotaStoresNeither() {
    Future<Optional<EventRow>> over = store.insertFileAndEvent(
        file("a", "coffee", 2000, null, 60), 1000, event("e1", "coffee"));
    assertThatThrownBy(over::await).isInstanceOf(QuotaExceeded.class);
    assertThat(storedEventIds()).isEmpty();
    assertThat(store.file("a").await()).isEmpty();

    Optional<EventRow> report = store.insertFileAndEvent(file("b", "coffee", 10, null, 60), 1000,
        event("e2", "coffee")).await();

    assertThat(report).map(EventRow::sequence).hasValueSatisfying(
        sequence -> assertThat(sequence).isPositive());
    assertThat(store.file("b").await()).isPresent();
    assertThat(storedEventIds()).containsExactly("e2");
  }

  @Test
  void fileIds_everyRowWhateverItsStatus() {
    store.insertFile(file("a", "coffee", 1, null, 60), 1000).await();
    store.insertFile(file("b", "tea", 1, null, 60), 1000).await();
    store.expireFile("b").await();

    Set<String> ids = store.fileIds().await();

    assertThat(ids).containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void filesDue_readyFilesPastTheirUntil_earliestFirst_upToTheLimit() {
    store.insertFile(file("late", "coffee", 1, null, 30), 1000).await();
    store.insertFile(file("early", "coffee", 1, null, 10), 1000).await();
    store.insertFile(file("middle", "coffee", 1, null, 20), 1000).await();
    store.insertFile(file("future", "coffee", 1, null, 3600), 1000).await();
    store.insertFile(file("gone", "coffee", 1, null, 5), 1000).await();
    store.expireFile("gone").await();

    List<FileRow> due = store.filesDue(T0.plusSeconds(30), 2).await();

    assertThat(due).extracting(FileRow::fileId).containsExactly("early", "middle");
    assertThat(store.filesDue(T0.plusSeconds(30), 10).await()).extracting(FileRow::fileId)
        .containsExactly("early", "middle", "late");
  }

  @Test
  void expireFile_readyFile_onceOnly() {
    store.insertFile(file("a", "coffee", 1, null, 10), 1000).await();

    boolean first = store.expireFile("a").await();
    boolean second = store.expireFile("a").await();

    assertThat(first).isTrue();
    assertThat(second).isFalse();
    assertThat(store.expireFile("unknown").await()).isFalse();
    assertThat(store.file("a").await().orElseThrow().status()).isEqualTo(Status.EXPIRED);
  }

  @Test
  void expireFileAndInsertEvent_readyFile_expiresItWithItsReport_once() {
    store.insertFile(file("a", "coffee", 1, null, 10), 1000).await();

    Optional<EventRow> first = store.expireFileAndInsertEvent("a", event("x1", "coffee")).await();
    Optional<EventRow> second = store.expireFileAndInsertEvent("a", event("x2", "coffee"))
        .await();

    assertThat(first).map(EventRow::eventId).contains("x1");
    assertThat(second).isEmpty();
    assertThat(store.file("a").await().orElseThrow().status()).isEqualTo(Status.EXPIRED);
    assertThat(storedEventIds()).containsExactly("x1");
  }

  @Test
  void deleteFile_existingRow_removesIt() {
    store.insertFile(file("a", "coffee", 1, null, 10), 1000).await();

    boolean deleted = store.deleteFile("a").await();

    assertThat(deleted).isTrue();
    assertThat(store.file("a").await()).isEmpty();
    assertThat(store.deleteFile("a").await()).isFalse();
  }

  // --- platform ---------------------------------------------------------------------------------

  @Test
  void nodeSeen_latestHeartbeatCounts_nodesSeenSinceListsTheLiveOnes() {
    store.nodeSeen("node-b", T0, T0.plusSeconds(1)).await();
    store.nodeSeen("node-a", T0, T0.plusSeconds(1)).await();
    store.nodeSeen("node-a", T0, T0.plusSeconds(10)).await();

    assertThat(store.nodesSeenSince(T0).await()).containsExactly("node-a", "node-b");
    assertThat(store.nodesSeenSince(T0.plusSeconds(5)).await()).containsExactly("node-a");
    assertThat(store.nodesSeenSince(T0.plusSeconds(11)).await()).isEmpty();
  }

  @Test
  void signal_reachesThisNodesHandler_inOrder() {
    List<String> received = new CopyOnWriteArrayList<>();
    store.onSignal(received::add);

    store.signal("one").await();
    store.signal("two").await();

    Eventually.until(() -> List.copyOf(received), got -> got.size() >= 2, Duration.ofSeconds(5));
    assertThat(received).containsExactly("one", "two");
  }

  @Test
  void signal_overTheBound_failsAndSendsNothing() {
    List<String> received = new CopyOnWriteArrayList<>();
    store.onSignal(received::add);

    Future<Void> tooLong = store.signal("x".repeat(Store.MAX_SIGNAL_CHARS + 1));
    Future<Void> empty = store.signal(Store.SIGNALS_LOST);
    store.signal("after").await();

    assertThatThrownBy(tooLong::await).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(empty::await).as("empty: what the store says when signals were lost")
        .isInstanceOf(IllegalArgumentException.class);
    Eventually.until(() -> List.copyOf(received), got -> !got.isEmpty(), Duration.ofSeconds(5));
    assertThat(received).containsExactly("after");
  }

  @Test
  void platformSecret_chatId_isAStableHexSecret_unknownNamesAreEmpty() {
    Optional<String> chatId = store.platformSecret("chat_id").await();

    assertThat(chatId).hasValueSatisfying(secret -> assertThat(secret).matches("[0-9a-f]{64}"));
    assertThat(store.platformSecret("chat_id").await()).isEqualTo(chatId);
    assertThat(store.platformSecret("nope").await()).isEmpty();
  }

  @Test
  void platformSecret_tokenKey_isAHexSecretOfItsOwn() {
    Optional<String> tokenKey = store.platformSecret("token_key").await();

    assertThat(tokenKey).hasValueSatisfying(key -> assertThat(key).matches("[0-9a-f]{64}"));
    assertThat(tokenKey).isNotEqualTo(store.platformSecret("chat_id").await());
  }

  @Test
  void close_withWritesInFlight_completesThemThenRefusesCalls() {
    List<Future<Void>> writes = IntStream.range(0, 100)
        .mapToObj(i -> store.putDevice(new DeviceRow("+86138" + i, List.of(), T0)))
        .toList();

    store.close().await();

    assertThat(writes).allMatch(Future::succeeded);
    assertThatThrownBy(store.chatbots()::await).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(store.insertChatbot(chatbot("bot-one", "c"))::await)
        .isInstanceOf(IllegalStateException.class);
  }

  // --- webhook events ---------------------------------------------------------------------------

  /** Webhook events, and their work rows: one at a time per conversation, a bound per bot. */
  @Nested
  class WebhookEvents {

    private static final Instant LEASE = T0.plusSeconds(30);

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
    void insertEvent_answersTheEventAsStored() {
      EventRow event = new EventRow("e1", "bot-one", "conv-1", 0, "{\"a\":1}", State.PENDING, 2,
          T0.plusSeconds(3), "HTTP 500", T0);

      EventRow stored = store.insertEvent(event).await();

      assertThat(stored).isEqualTo(new EventRow("e1", "bot-one", "conv-1", stored.sequence(),
          "{\"a\":1}", State.PENDING, 2, T0.plusSeconds(3), "HTTP 500", T0));
      assertThat(store.pendingEvents().await()).containsExactly(stored);
    }

    @Test
    void insertEvent_existingEventId_failsWithConflict() {
      store.insertEvent(event("e1", "bot-one")).await();

      Future<EventRow> again = store.insertEvent(event("e1", "bot-two"));

      assertThatThrownBy(again::await).isInstanceOf(StoreConflict.class);
      assertThat(store.pendingEvents().await()).extracting(EventRow::botId)
          .containsExactly("bot-one");
    }

    @Test
    void pendingEvents_afterDeliveryRetryAndDeath_answersOnlyPendingWithTheirRetryState() {
      store.insertEvent(event("e1", "bot-one")).await();
      store.insertEvent(event("e2", "bot-one")).await();
      store.insertEvent(event("e3", "bot-one")).await();

      WorkRow first = store.claimDue("n1", T0, LEASE, 10).await().get(0);
      assertThat(store.settle(first).await()).isTrue();
      store.eventRetry("e2", 3, "HTTP 500").await();
      store.eventDead("e3", "gave up after 24 h").await();

      List<EventRow> pending = store.pendingEvents().await();
      assertThat(first.ref()).isEqualTo("e1");
      assertThat(pending).extracting(EventRow::eventId).containsExactly("e2");
      assertThat(pending.get(0).attempts()).isEqualTo(3);
      assertThat(pending.get(0).retryFrom()).isEqualTo(T0);
      assertThat(pending.get(0).lastError()).isEqualTo("HTTP 500");
    }

    @Test
    void eventRetryOrDead_unknownEvent_failsWithNotFound() {
      assertThatThrownBy(store.eventRetry("nope", 1, "x")::await)
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
      store.eventDead("a1", "last error").await();

      List<EventRow> dead = store.deadLetters("bot-a").await();

      assertThat(dead).extracting(EventRow::eventId).containsExactly("a1", "a3");
      assertThat(dead).extracting(EventRow::state).containsOnly(State.DEAD);
      assertThat(dead.get(0).lastError()).isEqualTo("last error");
    }

    @Test
    void replayDeadLetters_deadEvents_makesThemPendingDueNowWithAttemptsReset() {
      store.insertEvent(event("a1", "bot-a")).await();
      store.insertEvent(event("a2", "bot-a")).await();
      store.insertEvent(event("b1", "bot-b")).await();
      store.eventRetry("a1", 17, "timeout").await();
      store.eventDead("a1", "timeout").await();
      store.eventDead("b1", "HTTP 404").await();
      Instant now = T0.plusSeconds(86_400);

      List<EventRow> replayed = store.replayDeadLetters("bot-a", now).await();

      assertThat(replayed).extracting(EventRow::eventId).containsExactly("a1");
      assertThat(replayed.get(0).state()).isEqualTo(State.PENDING);
      assertThat(replayed.get(0).attempts()).isZero();
      assertThat(replayed.get(0).retryFrom()).isEqualTo(now);
      List<EventRow> pending = store.pendingEvents().await();
      assertThat(pending).extracting(EventRow::eventId).containsExactly("a1", "a2");
      assertThat(pending.get(0)).isEqualTo(replayed.get(0));
      assertThat(store.deadLetters("bot-a").await()).isEmpty();
      assertThat(store.deadLetters("bot-b").await()).hasSize(1);
    }

    @Test
    void insertEvent_conversationWithAnEarlierOne_waitsUntilThatOneIsSettled() {
      insert("a1", "bot", "c1");
      insert("a2", "bot", "c1");
      insert("b1", "bot", "c2");

      List<WorkRow> first = claim(10);
      WorkRow a1 = byRef(first, "a1");
      assertThat(first).extracting(WorkRow::ref).containsExactlyInAnyOrder("a1", "b1");
      assertThat(claim(10)).as("a2 waits while a1 is held").isEmpty();

      assertThat(store.settle(a1).await()).isTrue();

      assertThat(claim(10)).extracting(WorkRow::ref).containsExactly("a2");
    }

    @Test
    void settle_busyConversation_itsNextEventsAreDueWhenCreated_soAnOlderOneOfAnotherGoesFirst() {
      insert("a1", "bot", "c1");
      insert("a2", "bot", "c1");
      insertAt("b1", "c2", T0.plusSeconds(1));
      insertAt("a3", "c1", T0.plusSeconds(2));
      Instant now = T0.plusSeconds(3);
      WorkRow a1 = store.claimDue("n1", now, now.plusSeconds(30), 1).await().get(0);
      assertThat(a1.ref()).isEqualTo("a1");

      assertThat(store.settle(a1).await()).isTrue();
      WorkRow a2 = store.claimDue("n1", now, now.plusSeconds(30), 1).await().get(0);
      assertThat(a2.ref()).as("a2 came before b1").isEqualTo("a2");
      assertThat(store.settle(a2).await()).isTrue();

      assertThat(store.claimDue("n1", now, now.plusSeconds(30), 1).await())
          .as("b1 came before a3, though a3's conversation was due first")
          .extracting(WorkRow::ref).containsExactly("b1");
      assertThat(store.claimDue("n1", now, now.plusSeconds(30), 1).await())
          .extracting(WorkRow::ref, WorkRow::dueAt)
          .containsExactly(tuple("a3", T0.plusSeconds(2)));
    }

    @Test
    void handOver_settlesTheClaim_andTakesTheBotsEarliestFreeDueRow_notAHeldOne() {
      insert("a1", "bot", "c1");
      insert("b1", "bot", "c2");
      insert("c1", "bot", "c3");
      insert("x1", "other-bot", "c4");
      List<WorkRow> held = store.claimDue("n1", T0, LEASE, 2).await();
      assertThat(held).extracting(WorkRow::ref).containsExactly("a1", "b1");
      Instant now = T0.plusSeconds(1);

      Optional<WorkRow> taken = store.handOver(held.get(0), Optional.empty(), now,
          now.plusSeconds(30)).await();

      assertThat(taken).map(WorkRow::ref).as("b1 is held; x1 is another bot's").contains("c1");
      assertThat(taken.get().claimedBy()).isEqualTo("n1");
      assertThat(store.event("a1").await()).map(EventRow::state).contains(State.DELIVERED);
      assertThat(store.claimDue("n2", now, now.plusSeconds(30), 10).await())
          .extracting(WorkRow::ref).containsExactly("x1");
      assertThat(store.handOver(held.get(0), Optional.empty(), now, now.plusSeconds(30)).await())
          .as("a claim no longer held hands nothing over").isEmpty();
    }

    @Test
    void handOver_withADueTime_givesTheClaimBack_andStillTakesTheNextRow() {
      insert("a1", "bot", "c1");
      insert("b1", "bot", "c2");
      WorkRow a1 = store.claimDue("n1", T0, LEASE, 1).await().get(0);
      Instant retry = T0.plusSeconds(60);

      Optional<WorkRow> taken = store.handOver(a1, Optional.of(retry), T0,
          retry.plusSeconds(30)).await();

      assertThat(taken).map(WorkRow::ref).contains("b1");
      assertThat(store.event("a1").await()).map(EventRow::state).contains(State.PENDING);
      assertThat(store.claimDue("n1", retry, retry.plusSeconds(30), 10).await())
          .extracting(WorkRow::ref).containsExactly("a1");
    }

    @Test
    void insertEvent_withAClaim_heldFromTheStartOnlyWhenFirstOfItsConversation() {
      WorkRow wanted = WorkRow.claimed(Kind.EVENT, "bot", "a1", T0, "n1", LEASE);

      EventRow first = store.insertEvent(new EventRow("a1", "bot", "c1", 0, "{}", State.PENDING, 0,
          T0, null, T0, wanted)).await();
      EventRow second = store.insertEvent(new EventRow("a2", "bot", "c1", 0, "{}", State.PENDING,
          0, T0, null, T0, WorkRow.claimed(Kind.EVENT, "bot", "a2", T0, "n1", LEASE))).await();

      assertThat(first.claim()).isEqualTo(wanted);
      assertThat(second.claim()).as("a2 waits for a1").isNull();
      assertThat(store.claimDue("n2", T0, LEASE, 10).await()).as("a1 is held by n1").isEmpty();
      assertThat(store.settle(first.claim()).await()).isTrue();
      assertThat(store.claimDue("n2", T0, LEASE, 10).await()).extracting(WorkRow::ref)
          .containsExactly("a2");
    }

    @Test
    void release_eventTriedAgainLater_itsConversationStillWaitsForIt() {
      insert("a1", "bot", "c1");
      insert("a2", "bot", "c1");
      WorkRow a1 = claim(10).get(0);

      store.release(a1, T0.plusSeconds(60)).await();

      assertThat(store.claimDue("n1", T0.plusSeconds(59), LEASE, 10).await()).isEmpty();
      assertThat(store.claimDue("n1", T0.plusSeconds(60), LEASE, 10).await())
          .extracting(WorkRow::ref).containsExactly("a1");
    }

    @Test
    void claimDue_botAtItsBound_isPassedOver_andAnotherBotsEventsAreTaken() {
      for (int n = 0; n < 5; n++) {
        insert("slow-" + n, "slow", "c" + n);
      }
      insert("fast-0", "fast", "c0");
      Map<Kind, Integer> twoPerBot = Map.of(Kind.EVENT, 2);

      List<WorkRow> first = store.claimDue("n1", T0, LEASE, 3, twoPerBot).await();
      List<WorkRow> second = store.claimDue("n2", T0, LEASE, 10, twoPerBot).await();

      assertThat(first).extracting(WorkRow::ref).containsExactly("slow-0", "slow-1", "fast-0");
      assertThat(second).as("slow holds two already, on any node").isEmpty();

      store.settle(first.get(0)).await();

      assertThat(store.claimDue("n2", T0, LEASE, 10, twoPerBot).await())
          .extracting(WorkRow::ref).containsExactly("slow-2");
    }

    @Test
    void settle_eventRow_deliversTheEvent_butADeadLetterStaysDead() {
      insert("a1", "bot", "c1");
      insert("b1", "bot", "c2");
      List<WorkRow> claimed = claim(10);
      store.eventDead("b1", "HTTP 410").await();

      claimed.forEach(row -> store.settle(row).await());

      assertThat(store.event("a1").await().orElseThrow().state()).isEqualTo(State.DELIVERED);
      assertThat(store.event("b1").await().orElseThrow().state()).isEqualTo(State.DEAD);
      assertThat(store.pendingEvents().await()).isEmpty();
      assertThat(store.nextDue(T0).await()).isEmpty();
    }

    @Test
    void replayDeadLetters_eventsGoBackInTheirConversationsOrder_windowFromTheReplay() {
      insert("a1", "bot", "c1");
      insert("a2", "bot", "c1");
      WorkRow a1 = claim(10).get(0);
      store.eventDead("a1", "HTTP 503").await();
      store.settle(a1).await();
      WorkRow a2 = claim(10).get(0);
      store.eventDead("a2", "HTTP 503").await();
      store.settle(a2).await();
      Instant replay = T0.plusSeconds(3600);

      List<EventRow> replayed = store.replayDeadLetters("bot", replay).await();

      assertThat(replayed).extracting(EventRow::retryFrom).containsOnly(replay);
      List<WorkRow> first = store.claimDue("n1", replay, replay.plusSeconds(30), 10).await();
      assertThat(first).extracting(WorkRow::ref).containsExactly("a1");
      store.settle(first.get(0)).await();
      assertThat(store.claimDue("n1", replay, replay.plusSeconds(30), 10).await())
          .extracting(WorkRow::ref).containsExactly("a2");
    }

    private void insert(String eventId, String botId, String conversationId) {
      store.insertEvent(new EventRow(eventId, botId, conversationId, 0, "{}", State.PENDING, 0,
          T0, null, T0)).await();
    }

    private void insertAt(String eventId, String conversationId, Instant createdAt) {
      store.insertEvent(new EventRow(eventId, "bot", conversationId, 0, "{}", State.PENDING, 0,
          createdAt, null, createdAt)).await();
    }

    private List<WorkRow> claim(int limit) {
      return store.claimDue("n1", T0, LEASE, limit).await();
    }

    private static WorkRow byRef(List<WorkRow> rows, String ref) {
      return rows.stream().filter(row -> row.ref().equals(ref)).findFirst().orElseThrow();
    }
  }

  // --- users' SMS (mobile-originated) -----------------------------------------------------------

  /** Users' SMS: the keys of those taken, and the parts of concatenated ones until the last. */
  @Nested
  class UsersSms {

    private static final Instant WINDOW_END = T0.plusSeconds(120);

    @Test
    void smsMoSeen_sameKeyWithinItsTime_isNotedOnce() {
      boolean first = store.smsMoSeen("k1", T0, WINDOW_END).await();
      boolean again = store.smsMoSeen("k1", T0.plusSeconds(119), WINDOW_END.plusSeconds(119))
          .await();
      boolean other = store.smsMoSeen("k2", T0.plusSeconds(1), WINDOW_END).await();

      assertThat(first).isTrue();
      assertThat(again).as("a redelivery").isFalse();
      assertThat(other).isTrue();
    }

    @Test
    void smsMoSeen_keyWhoseTimeRanOut_isNotedAgainWithoutASweep() {
      store.smsMoSeen("k1", T0, WINDOW_END).await();

      boolean afterwards = store.smsMoSeen("k1", WINDOW_END, WINDOW_END.plusSeconds(120)).await();
      boolean withinTheNewTime = store.smsMoSeen("k1", WINDOW_END.plusSeconds(1),
          WINDOW_END.plusSeconds(121)).await();

      assertThat(afterwards).isTrue();
      assertThat(withinTheNewTime).isFalse();
    }

    @Test
    void smsMoPart_partsInAnyOrder_lastOneAnswersTheTextInSequenceOrderAndRemovesIt() {
      List<SmsMoPart> afterThird = store.smsMoPart(part(7, 3, 3, "c"), "p3", WINDOW_END).await();
      List<SmsMoPart> afterFirst = store.smsMoPart(part(7, 3, 1, "a"), "p1", WINDOW_END).await();

      List<SmsMoPart> whole = store.smsMoPart(part(7, 3, 2, "b"), "p2", WINDOW_END).await();

      assertThat(afterThird).isEmpty();
      assertThat(afterFirst).isEmpty();
      assertThat(texts(whole)).containsExactly("a", "b", "c");
      assertThat(whole).extracting(SmsMoPart::sender, SmsMoPart::recipient, SmsMoPart::reference,
          SmsMoPart::total, SmsMoPart::dataCoding, SmsMoPart::receivedAt)
          .containsOnly(tuple(USER, "10690000", 7, 3, 8, T0));
      assertThat(store.smsMoExpire(T0, WINDOW_END).await()).as("nothing left").isEmpty();
    }

    @Test
    void smsMoPart_samePartAgain_isTakenOnce_andTheTextCompletesOnce() {
      store.smsMoPart(part(7, 2, 1, "a"), "p1", WINDOW_END).await();

      List<SmsMoPart> again = store.smsMoPart(part(7, 2, 1, "a"), "p1", WINDOW_END).await();
      List<SmsMoPart> whole = store.smsMoPart(part(7, 2, 2, "b"), "p2", WINDOW_END).await();
      List<SmsMoPart> redelivered = store.smsMoPart(part(7, 2, 2, "b"), "p2", WINDOW_END).await();

      assertThat(again).isEmpty();
      assertThat(texts(whole)).containsExactly("a", "b");
      assertThat(redelivered).as("seen, so not kept as the start of a new text").isEmpty();
      assertThat(store.smsMoExpire(T0, WINDOW_END).await()).isEmpty();
    }

    @Test
    void smsMoPart_samePartUnderANewKey_keepsTheFirstCopy() {
      store.smsMoPart(part(7, 2, 1, "a"), "p1", WINDOW_END).await();

      store.smsMoPart(part(7, 2, 1, "z"), "p1-later", WINDOW_END).await();
      List<SmsMoPart> whole = store.smsMoPart(part(7, 2, 2, "b"), "p2", WINDOW_END).await();

      assertThat(texts(whole)).containsExactly("a", "b");
    }

    @Test
    void smsMoPart_otherSenderReferenceOrTotal_isAnotherText() {
      store.smsMoPart(part(7, 2, 1, "a"), "p1", WINDOW_END).await();

      List<SmsMoPart> otherReference = store.smsMoPart(part(8, 2, 2, "x"), "q2", WINDOW_END)
          .await();
      List<SmsMoPart> otherTotal = store.smsMoPart(part(7, 3, 2, "y"), "r2", WINDOW_END).await();
      List<SmsMoPart> otherSender = store.smsMoPart(new SmsMoPart("+8613800000002", "10690000",
          7, 2, 2, 8, bytes("w"), T0), "s2", WINDOW_END).await();

      assertThat(otherReference).isEmpty();
      assertThat(otherTotal).isEmpty();
      assertThat(otherSender).isEmpty();
    }

    @Test
    void smsMoPart_concurrentLastParts_completeTheTextOnce() {
      List<Future<List<SmsMoPart>>> parts = IntStream.rangeClosed(1, 5)
          .mapToObj(i -> store.smsMoPart(part(9, 5, i, "p" + i), "p" + i, WINDOW_END))
          .toList();
      Future.all(parts).await();

      assertThat(parts).filteredOn(part -> !part.result().isEmpty()).singleElement()
          .satisfies(whole -> assertThat(texts(whole.result()))
              .containsExactly("p1", "p2", "p3", "p4", "p5"));
    }

    @Test
    void smsMoExpire_staleTextsAndRunOutKeys_areRemoved_freshOnesStay() {
      store.smsMoPart(part(1, 2, 1, "old"), "old-1", WINDOW_END).await();
      store.smsMoPart(partAt(2, 2, 1, "new", T0.plusSeconds(60)), "new-1",
          WINDOW_END.plusSeconds(60)).await();
      store.smsMoSeen("single", T0, WINDOW_END).await();

      List<SmsMoPart> removed = store.smsMoExpire(WINDOW_END, T0.plusSeconds(30)).await();

      assertThat(removed).extracting(SmsMoPart::reference, SmsMoPart::sequence)
          .containsExactly(tuple(1, 1));
      assertThat(store.smsMoSeen("single", WINDOW_END, WINDOW_END.plusSeconds(120)).await())
          .as("forgotten").isTrue();
      assertThat(store.smsMoSeen("new-1", WINDOW_END, WINDOW_END.plusSeconds(120)).await())
          .as("still seen").isFalse();
      assertThat(texts(store.smsMoPart(partAt(2, 2, 2, "er", WINDOW_END), "new-2",
          WINDOW_END.plusSeconds(120)).await())).containsExactly("new", "er");
    }

    @Test
    void smsMoExpire_textWithAFreshLatePart_goesByItsFirstPart() {
      store.smsMoPart(part(1, 3, 1, "a"), "a-1", WINDOW_END).await();
      store.smsMoPart(partAt(1, 3, 2, "b", T0.plusSeconds(100)), "a-2",
          WINDOW_END.plusSeconds(100)).await();

      List<SmsMoPart> removed = store.smsMoExpire(T0.plusSeconds(120), T0).await();

      assertThat(removed).extracting(SmsMoPart::sequence).containsExactly(1, 2);
      assertThat(store.smsMoExpire(T0.plusSeconds(120), T0.plusSeconds(200)).await()).isEmpty();
    }

    private SmsMoPart part(int reference, int total, int sequence, String text) {
      return partAt(reference, total, sequence, text, T0);
    }

    private SmsMoPart partAt(int reference, int total, int sequence, String text, Instant at) {
      return new SmsMoPart(USER, "10690000", reference, total, sequence, 8, bytes(text), at);
    }

    private byte[] bytes(String text) {
      return text.getBytes(StandardCharsets.UTF_16BE);
    }

    private List<String> texts(List<SmsMoPart> parts) {
      return parts.stream().map(part -> new String(part.payload(), StandardCharsets.UTF_16BE))
          .toList();
    }
  }

  // --- campaigns --------------------------------------------------------------------------------

  @Test
  void insertCampaign_withRecipientsAndWork_isReadBackWithItsPendingInOrder() {
    CampaignRow campaign = campaign("c-1", "running");

    store.insertCampaign(campaign, recipients("c-1", 3),
        WorkRow.due(Kind.CAMPAIGN, "bot-one", "c-1", T0)).await();

    assertThat(store.campaign("c-1").await()).contains(campaign);
    assertThat(store.campaign("c-2").await()).isEmpty();
    assertThat(states("c-1")).isEqualTo(Map.of("pending", 3));
    assertThat(store.pendingRecipients("c-1", 2).await()).extracting(RecipientRow::userContact)
        .containsExactly("+8613800000100", "+8613800000101");
    assertThat(store.claimDue("node", T0, T0.plusSeconds(10), 10).await())
        .extracting(WorkRow::kind, WorkRow::ref).containsExactly(tuple(Kind.CAMPAIGN, "c-1"));
  }

  @Test
  void settleRecipients_theLastPending_completesTheRunningCampaign() {
    store.insertCampaign(campaign("c-1", "running"), recipients("c-1", 2), null).await();
    List<RecipientRow> pending = store.pendingRecipients("c-1", 10).await();

    boolean more = store.settleRecipients("c-1", List.of(pending.get(0).to("sent", null)),
        T0.plusSeconds(1)).await();
    boolean last = store.settleRecipients("c-1",
        List.of(pending.get(1).to("failed", "no variable 'name'")), T0.plusSeconds(2)).await();

    assertThat(more).isTrue();
    assertThat(last).isFalse();
    assertThat(states("c-1"))
        .isEqualTo(Map.of("sent", 1, "failed", 1));
    CampaignRow done = store.campaign("c-1").await().orElseThrow();
    assertThat(done.status()).isEqualTo("completed");
    assertThat(done.completedAt()).isEqualTo(T0.plusSeconds(2));
    assertThat(done.handedOn()).isEqualTo(2);
  }

  @Test
  void recipientTallies_countStates_andTheHandedOnByTheirMessagesStatusAndChannel() {
    store.insertCampaign(campaign("c-1", "running"), recipients("c-1", 4), null).await();
    List<RecipientRow> pending = store.pendingRecipients("c-1", 3).await();
    store.insertMessage(toUser("bot-one", "c-1.0", USER, "delivered")).await();
    store.insertMessage(onSmsOf("bot-one", "c-1.1", "deliveredToNetwork")).await();
    // Another bot's message of the same id is not this campaign's.
    store.insertMessage(toUser("bot-two", "c-1.2", USER, "displayed")).await();
    store.settleRecipients("c-1", List.of(pending.get(0).to("sent", null),
        pending.get(1).to("sent", null), pending.get(2).to("skipped_opted_out", null)), T0)
        .await();

    List<RecipientTally> tallies = store.recipientTallies("bot-one", "c-1").await();

    assertThat(tallies).containsExactlyInAnyOrder(
        new RecipientTally("sent", "delivered", "rcs", 1),
        new RecipientTally("sent", "deliveredToNetwork", "sms", 1),
        new RecipientTally("skipped_opted_out", null, null, 1),
        new RecipientTally("pending", null, null, 1));
  }

  @Test
  void recipientResults_pageInOrder_withTheirMessages() {
    store.insertCampaign(campaign("c-1", "running"), recipients("c-1", 3), null).await();
    store.insertMessage(toUser("bot-one", "c-1.1", USER, "displayed")).await();
    store.settleRecipients("c-1", List.of(store.pendingRecipients("c-1", 2).await().get(1)
        .to("sent", null)), T0).await();

    List<RecipientResult> first = store.recipientResults("bot-one", "c-1", -1, 2).await();
    List<RecipientResult> rest = store.recipientResults("bot-one", "c-1", 1, 2).await();

    assertThat(first).containsExactly(
        new RecipientResult(0, "+8613800000100", "pending", null, null, null, null, null),
        new RecipientResult(1, "+8613800000101", "sent", null, "displayed", "rcs", null, T0));
    assertThat(rest).extracting(RecipientResult::seq).containsExactly(2);
  }

  @Test
  void reportCampaignStep_storesEachStepOnce_andNeverOneBehind() {
    store.insertCampaign(campaign("c-1", "running"), recipients("c-1", 1), null).await();

    Optional<EventRow> started = store.reportCampaignStep("c-1", 0, event("e1", "bot-one"))
        .await();
    Optional<EventRow> again = store.reportCampaignStep("c-1", 0, event("e2", "bot-one"))
        .await();
    Optional<EventRow> later = store.reportCampaignStep("c-1", 3, event("e3", "bot-one"))
        .await();
    Optional<EventRow> behind = store.reportCampaignStep("c-1", 2, event("e4", "bot-one"))
        .await();

    assertThat(started).isPresent();
    assertThat(again).isEmpty();
    assertThat(later).isPresent();
    assertThat(behind).isEmpty();
    assertThat(storedEventIds()).containsExactly("e1", "e3");
    assertThat(store.campaign("c-1").await().orElseThrow().reportedStep()).isEqualTo(3);
  }

  @Test
  void moveCampaign_cancel_cancelsThePendingOnes_andASentOneStaysSent() {
    store.insertCampaign(campaign("c-1", "running"), recipients("c-1", 3), null).await();
    List<RecipientRow> batch = store.pendingRecipients("c-1", 2).await();

    CampaignRow cancelled = store.moveCampaign("c-1", Set.of("running", "paused"), "cancelled",
        T0.plusSeconds(5), null).await().orElseThrow();
    // Being sent when the cancel came: the one sent was sent, the one that failed is cancelled.
    store.settleRecipients("c-1", List.of(batch.get(0).to("sent", null),
        batch.get(1).to("failed", "no variable 'name'")), T0.plusSeconds(6)).await();

    assertThat(cancelled.status()).isEqualTo("cancelled");
    assertThat(cancelled.completedAt()).isEqualTo(T0.plusSeconds(5));
    assertThat(states("c-1"))
        .isEqualTo(Map.of("sent", 1, "cancelled", 2));
    assertThat(store.campaign("c-1").await().orElseThrow().status()).isEqualTo("cancelled");
  }

  @Test
  void moveCampaign_fromAnotherStatus_changesNothing_andStartNotesTheFirstStart() {
    store.insertCampaign(campaign("c-1", "draft"), List.of(), null).await();

    CampaignRow unmoved = store.moveCampaign("c-1", Set.of("running"), "paused", T0, null)
        .await().orElseThrow();
    CampaignRow started = store.moveCampaign("c-1", Set.of("draft"), "running",
        T0.plusSeconds(1), WorkRow.due(Kind.CAMPAIGN, "bot-one", "c-1", T0.plusSeconds(1)))
        .await().orElseThrow();
    store.moveCampaign("c-1", Set.of("running"), "paused", T0.plusSeconds(2), null).await();
    CampaignRow resumed = store.moveCampaign("c-1", Set.of("paused"), "running",
        T0.plusSeconds(3), null).await().orElseThrow();

    assertThat(unmoved.status()).isEqualTo("draft");
    assertThat(started.status()).isEqualTo("running");
    assertThat(resumed.startedAt()).isEqualTo(T0.plusSeconds(1));
    assertThat(store.moveCampaign("c-2", Set.of("draft"), "running", T0, null).await()).isEmpty();
    assertThat(store.nextDue(T0).await()).contains(T0.plusSeconds(1));
  }

  @Test
  void campaignsOf_answersTheBotsOwnNewestFirst_upToTheLimit() {
    for (int i = 0; i < 3; i++) {
      store.insertCampaign(campaignAt("c-" + i, "bot-one", T0.plusSeconds(i)), List.of(), null)
          .await();
    }
    store.insertCampaign(campaignAt("c-other", "bot-two", T0.plusSeconds(9)), List.of(), null)
        .await();

    List<CampaignRow> two = store.campaignsOf("bot-one", 2).await();
    List<CampaignRow> all = store.campaignsOf("bot-one", 10).await();

    assertThat(two).extracting(CampaignRow::campaignId).containsExactly("c-2", "c-1");
    assertThat(all).extracting(CampaignRow::campaignId).containsExactly("c-2", "c-1", "c-0");
    assertThat(all.get(0)).isEqualTo(campaignAt("c-2", "bot-one", T0.plusSeconds(2)));
    assertThat(store.campaignsOf("bot-none", 10).await()).isEmpty();
  }

  @Test
  void hourCounts_ofABot_countsItsMessagesInTheRangeByUtcHour() {
    Instant hour = T0;
    Instant next = T0.plus(Duration.ofHours(1));
    insertAll(
        counted("bot-one", "read", Direction.BOT_TO_USER, "displayed", "rcs", hour, null, TEXT),
        counted("bot-one", "got", Direction.BOT_TO_USER, "delivered", "rcs",
            hour.plusSeconds(3599), null, TEXT),
        counted("bot-one", "as-sms", Direction.BOT_TO_USER, "deliveredAsSms", "sms",
            hour.plusSeconds(60), null, TEXT),
        counted("bot-one", "lost", Direction.BOT_TO_USER, "failed", "sms", hour.plusSeconds(60),
            null, TEXT),
        counted("bot-one", "waits", Direction.BOT_TO_USER, "pending", "rcs", hour.plusSeconds(60),
            null, TEXT),
        counted("bot-one", "later", Direction.BOT_TO_USER, "delivered", "rcs", next, null, TEXT),
        counted("bot-one", "hi", Direction.USER_TO_BOT, "delivered", "rcs", hour.plusSeconds(90),
            null, TEXT),
        counted("bot-one", "tap", Direction.USER_TO_BOT, "delivered", "rcs", hour.plusSeconds(90),
            null, "{\"suggestedResponse\":{\"response\":{\"reply\":{\"displayText\":\"Yes\"}}}}"),
        counted("bot-one", "reply", Direction.USER_TO_BOT, "displayed", "sms",
            hour.plusSeconds(90), "contrib-read", TEXT),
        counted("bot-one", "quotes", Direction.USER_TO_BOT, "delivered", "rcs",
            hour.plusSeconds(90), null, "{\"textMessage\":\"\\\"suggestedResponse\\\": x\"}"),
        counted("bot-one", "before", Direction.BOT_TO_USER, "delivered", "rcs",
            hour.minusMillis(1), null, TEXT),
        counted("bot-one", "at-the-end", Direction.BOT_TO_USER, "delivered", "rcs",
            hour.plus(Duration.ofHours(2)), null, TEXT),
        counted("bot-two", "other", Direction.BOT_TO_USER, "delivered", "rcs", hour, null, TEXT));

    List<HourCounts> counts = store.hourCounts("bot-one", hour, hour.plus(Duration.ofHours(2)))
        .await();

    assertThat(counts).containsExactly(
        new HourCounts("bot-one", hour, 5, 3, 2, 1, 3, 2, 1, 1, 4, 2),
        new HourCounts("bot-one", next, 1, 1, 0, 0, 1, 1, 0, 0, 0, 0));
  }

  @Test
  void hourCounts_ofEveryBot_answersEachBotsHoursInOrder_andNothingForAnEmptyRange() {
    insertAll(
        counted("bot-two", "b", Direction.BOT_TO_USER, "delivered", "sms", T0, null, TEXT),
        counted("bot-one", "a", Direction.BOT_TO_USER, "sent", "rcs", T0.plusSeconds(7200),
            null, TEXT),
        counted("bot-one", "c", Direction.USER_TO_BOT, "delivered", "rcs", T0, null, TEXT));

    List<HourCounts> counts = store.hourCounts(null, T0, T0.plus(Duration.ofDays(1))).await();

    assertThat(counts).extracting(HourCounts::botId, HourCounts::hour, HourCounts::sent,
        HourCounts::received).containsExactly(
            tuple("bot-one", T0, 0L, 1L),
            tuple("bot-one", T0.plusSeconds(7200), 1L, 0L),
            tuple("bot-two", T0, 1L, 0L));
    assertThat(store.hourCounts(null, T0.minusSeconds(3600), T0).await()).isEmpty();
    assertThat(store.hourCounts("bot-three", T0, T0.plus(Duration.ofDays(1))).await()).isEmpty();
  }

  private static final String TEXT = "{\"textMessage\":\"hello\"}";

  private void insertAll(MessageRow... messages) {
    for (MessageRow message : messages) {
      store.insertMessage(message).await();
    }
  }

  private static MessageRow counted(String botId, String msgId, Direction direction,
      String status, String channel, Instant createdAt, String inReplyTo, String json) {
    return new MessageRow(botId, msgId, direction, USER, "conv-" + botId, "contrib-" + msgId,
        inReplyTo, json, null, status, channel, null, null, createdAt, createdAt);
  }

  @Test
  void addRecipients_numbersOnFromTheLast_countsDuplicatesAndInvalid_inTheCampaign() {
    store.insertCampaign(campaign("c-1", "draft"), recipients("c-1", 2), null).await();
    List<RecipientRow> batch = List.of(
        new RecipientRow("c-1", 0, "+8613900000001", "{\"name\":\"Li\"}", "pending", null),
        // The campaign has it already, and the batch has the next one twice.
        new RecipientRow("c-1", 0, "+8613800000100", "{\"name\":\"Again\"}", "pending", null),
        new RecipientRow("c-1", 0, "+8613900000002", "{\"name\":\"Wang\"}", "pending", null),
        new RecipientRow("c-1", 0, "+8613900000002", "{\"name\":\"Twice\"}", "pending", null));

    RecipientsAdded added = store.addRecipients("c-1", Set.of("draft", "paused"), batch, 3)
        .await().orElseThrow();

    assertThat(added.added()).isEqualTo(2);
    assertThat(added.duplicates()).isEqualTo(2);
    // The campaign fixture counted 3 recipients and 1 duplicate when it was made.
    assertThat(added.campaign().recipients()).isEqualTo(5);
    assertThat(added.campaign().skippedDuplicate()).isEqualTo(3);
    assertThat(added.campaign().skippedInvalid()).isEqualTo(3);
    assertThat(store.campaign("c-1").await()).contains(added.campaign());
    List<RecipientRow> pending = store.pendingRecipients("c-1", 10).await();
    assertThat(pending).extracting(RecipientRow::userContact).containsExactly(
        "+8613800000100", "+8613800000101", "+8613900000001", "+8613900000002");
    assertThat(pending.get(2).seq()).isGreaterThan(pending.get(1).seq());
    assertThat(pending.get(3).varsJson()).isEqualTo("{\"name\":\"Wang\"}");
  }

  @Test
  void addRecipients_twoBatches_keepTheirOrder_andAnotherStatusOrCampaignAddsNothing() {
    store.insertCampaign(campaign("c-1", "paused"), List.of(), null).await();
    store.insertCampaign(campaign("c-2", "running"), List.of(), null).await();

    store.addRecipients("c-1", Set.of("paused"), recipients("c-1", 2), 0).await();
    store.addRecipients("c-1", Set.of("paused"), List.of(new RecipientRow("c-1", 0,
        "+8613900000009", "{}", "pending", null)), 0).await();
    RecipientsAdded refused = store.addRecipients("c-2", Set.of("draft", "paused"),
        recipients("c-2", 2), 1).await().orElseThrow();

    assertThat(store.pendingRecipients("c-1", 10).await()).extracting(RecipientRow::userContact)
        .containsExactly("+8613800000100", "+8613800000101", "+8613900000009");
    assertThat(refused.added()).isZero();
    assertThat(refused.campaign().status()).isEqualTo("running");
    assertThat(states("c-2")).isEmpty();
    assertThat(store.campaign("c-2").await().orElseThrow().skippedInvalid()).isZero();
    assertThat(store.addRecipients("c-3", Set.of("draft"), recipients("c-3", 1), 0).await())
        .isEmpty();
  }

  private static CampaignRow campaign(String id, String status) {
    return new CampaignRow(id, "bot-one", "Spring sale",
        "{\"textMessage\":\"Hello {{name}}\"}", status, 20, null, 3, 1, 0, T0,
        status.equals("running") ? T0 : null, null, 0,
        "{\"from\":\"09:00\",\"to\":\"21:00\",\"timeZone\":\"Asia/Shanghai\"}", -1);
  }

  /** How many of the campaign's recipients are in each state. */
  private Map<String, Integer> states(String campaignId) {
    return store.recipientTallies("bot-one", campaignId).await().stream()
        .collect(Collectors.toMap(RecipientTally::state, RecipientTally::count, Integer::sum));
  }

  private static MessageRow onSmsOf(String botId, String msgId, String status) {
    return new MessageRow(botId, msgId, Direction.BOT_TO_USER, USER, "conv", "contrib-" + msgId,
        null, "{}", "hash-" + msgId, status, "sms", null, null, T0, T0);
  }

  private static List<RecipientRow> recipients(String campaignId, int n) {
    return IntStream.range(0, n).mapToObj(i -> new RecipientRow(campaignId, i,
        "+86138000001" + String.format("%02d", i), "{\"name\":\"U" + i + "\"}", "pending",
        null)).toList();
  }

  private static CampaignRow campaignAt(String id, String botId, Instant createdAt) {
    return new CampaignRow(id, botId, "Sale " + id, "{\"textMessage\":\"Hello\"}", "draft", 20,
        null, 0, 0, 0, createdAt, null, null, 0, null, -1);
  }

  // --- fixtures ---------------------------------------------------------------------------------

  /** The ids of the events stored for delivery: what an atomic write must have stored with it. */
  List<String> storedEventIds() {
    return store.pendingEvents().await().stream().map(EventRow::eventId).toList();
  }

  private void sentThen(String msgId, Instant createdAt, String status, String channel) {
    store.insertMessage(toUserAt(msgId, createdAt, USER)).await();
    store.updateStatus("bot", msgId, List.of(),
        new StatusChange("sent", "rcs", null, createdAt)).await();
    store.updateStatus("bot", msgId, List.of(),
        new StatusChange(status, channel, null, createdAt)).await();
  }

  private void accepted(String botId, String msgId, String... smscIds) {
    MessageRow m = onSms(msgId, "pending");
    store.insertMessage(new MessageRow(botId, msgId, m.direction(), m.userContact(),
        m.conversationId(), m.contributionId(), null, m.rcsMessageJson(), m.requestHash(),
        m.status(), m.channel(), null, null, T0, T0)).await();
    store.smsAccepted(botId, msgId, List.of(smscIds), List.of("pending"),
        new StatusChange("deliveredToNetwork", "sms", null, T0), event("accepted-" + msgId, botId))
        .await();
  }

  private static MessageRow toUserAt(String msgId, Instant createdAt, String user) {
    return new MessageRow("bot", msgId, Direction.BOT_TO_USER, user, "conv", "contrib-" + msgId,
        null, "{}", "hash-" + msgId, "pending", "rcs", null, null, createdAt, createdAt);
  }

  private static MessageRow onSms(String msgId, String status) {
    return new MessageRow("bot", msgId, Direction.BOT_TO_USER, "+8613800000009", "conv",
        "contrib-" + msgId, null, "{}", "hash-" + msgId, status, "sms", null, null, T0, T0);
  }

  private static FileRow file(String id, String owner, long size, Long thumbnail, long seconds) {
    return new FileRow(id, Owner.BOT, owner, id + ".jpg", "image/jpeg", size,
        thumbnail == null ? null : "image/jpeg", thumbnail, Status.READY,
        T0.plusSeconds(seconds), T0);
  }
}
