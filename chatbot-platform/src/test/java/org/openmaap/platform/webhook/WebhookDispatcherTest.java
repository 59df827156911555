package org.openmaap.platform.webhook;

import org.openmaap.platform.Eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.platform.delivery.BotEvent;
import org.openmaap.platform.delivery.BotEvents;
import org.openmaap.platform.delivery.StoredEvents;
import org.openmaap.platform.store.EventRow;
import org.openmaap.platform.store.SqliteStore;
import org.openmaap.platform.store.Store;
import org.openmaap.platform.store.WorkRow;
import org.openmaap.platform.work.Worker;
import org.openmaap.platform.webhook.FakeChatbot.Mode;
import org.openmaap.platform.webhook.FakeChatbot.Request;

class WebhookDispatcherTest {

  private static final String SECRET = "whsec_test";
  private static final String USER = "+8613800000000";
  private static final Duration BOUND = Duration.ofSeconds(10);
  /** Quick retries and a short window, so failures play out in well under a second. */
  private static final WebhookSettings QUICK = new WebhookSettings(Duration.ofSeconds(1),
      Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(2), 4);

  @TempDir
  Path dataDir;

  private final Vertx vertx = Vertx.vertx();
  private final FakeRegistry registry = new FakeRegistry();
  private final List<Reply> replies = new CopyOnWriteArrayList<>();
  private final Map<WebhookDispatcher, Worker> running = new LinkedHashMap<>();
  private Store store;

  @BeforeEach
  void openStore() {
    store = SqliteStore.open(vertx, dataDir).await();
  }

  @AfterEach
  void close() {
    List.copyOf(running.keySet()).forEach(this::stop);
    store.close().await();
    vertx.close().await();
  }

  @Test
  void enqueue_completed_eventStoredBeforeDelivery() throws Exception {
    FakeChatbot bot = chatbot("bot-a", Mode.HANG);
    WebhookDispatcher dispatcher = started(QUICK);

    EventRow first = dispatcher.enqueue("bot-a", "c-1", event("c-1", 0)).await();
    EventRow second = dispatcher.enqueue("bot-a", "c-1", event("c-1", 1)).await();

    assertThat(store.pendingEvents().await()).extracting(EventRow::eventId)
        .containsExactly(first.eventId(), second.eventId());
    assertThat(second.sequence()).isGreaterThan(first.sequence());
    assertThat(first.state()).isEqualTo(EventRow.State.PENDING);
    assertThat(first.bodyJson()).isEqualTo(StoredEvents.write(event("c-1", 0)).encode());
    bot.received(1).await(BOUND.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Test
  void enqueueWith_writeStoresTheEvent_deliveredLikeAnyOther() throws Exception {
    FakeChatbot bot = chatbot("bot-a", Mode.ACK);
    WebhookDispatcher dispatcher = started(QUICK);

    Optional<EventRow> stored = dispatcher.enqueue("bot-a", "c-1", event("c-1", 0),
        row -> store.insertEvent(row).map(Optional::of)).await();
    bot.acknowledged(1).await(BOUND.toMillis(), TimeUnit.MILLISECONDS);

    assertThat(stored).isPresent();
    assertThat(bot.requests()).extracting(Request::eventId)
        .containsExactly(stored.get().eventId());
  }

  @Test
  void enqueueWith_writeDeclines_nothingIsSent() throws Exception {
    FakeChatbot bot = chatbot("bot-a", Mode.ACK);
    WebhookDispatcher dispatcher = started(QUICK);

    Optional<EventRow> declined = dispatcher.enqueue("bot-a", "c-1", event("c-1", 0),
        row -> Future.succeededFuture(Optional.empty())).await();
    EventRow next = dispatcher.enqueue("bot-a", "c-1", event("c-1", 1)).await();
    bot.acknowledged(1).await(BOUND.toMillis(), TimeUnit.MILLISECONDS);

    assertThat(declined).isEmpty();
    assertThat(bot.requests()).extracting(Request::eventId).containsExactly(next.eventId());
  }

  @Test
  void deliver_ack_signedWithBotSecretAndCarriesHeaders() throws Exception {
    FakeChatbot bot = chatbot("bot-a", Mode.ACK);
    WebhookDispatcher dispatcher = started(QUICK);
    long before = Instant.now().getEpochSecond();

    EventRow row = dispatcher.enqueue("bot-a", "c-1", event("c-1", 0)).await();
    bot.acknowledged(1).await(BOUND.toMillis(), TimeUnit.MILLISECONDS);

    Request request = bot.requests().get(0);
    assertThat(request.eventId()).isEqualTo(row.eventId());
    assertThat(request.contentType()).isEqualTo("application/json");
    JsonObject sent = new JsonObject(new String(request.body(), StandardCharsets.UTF_8));
    assertThat(sent).isEqualTo(new JsonObject()
        .put("event", "message")
        .put("messageContact", new JsonObject().put("userContact", USER)
            .put("chatId", "chat-bot-a-" + USER))
        .put("RCSMessage", new JsonObject().put("msgId", "c-1-0")
            .put("textMessage", "message 0 你好"))
        .put("conversationId", "c-1")
        .put("contributionId", "contribution-0")
        .put("channel", "rcs"));
    assertThat(dispatcher.body(row)).isEqualTo(sent);
    assertThat(Long.parseLong(request.timestamp()))
        .isBetween(before, Instant.now().getEpochSecond());
    assertThat(request.signature()).startsWith("v1=").doesNotContain(",");
    assertThat(WebhookSignature.verify(SECRET, request.timestamp(), request.body(),
        request.signature())).isTrue();
    assertThat(WebhookSignature.verify("another-secret", request.timestamp(), request.body(),
        request.signature())).isFalse();
    Eventually.until(() -> store.pendingEvents().await(), List::isEmpty, BOUND);
  }

  @Test
  void deliver_secretBeingRotated_twoSignaturesCurrentFirst() throws Exception {
    FakeChatbot bot = FakeChatbot.start(vertx, Mode.ACK);
    registry.register("bot-a", bot.url(), "whsec_new", "whsec_old");
    WebhookDispatcher dispatcher = started(QUICK);

    dispatcher.enqueue("bot-a", "c-1", event("c-1", 0)).await();
    bot.acknowledged(1).await(BOUND.toMillis(), TimeUnit.MILLISECONDS);

    Request request = bot.requests().get(0);
    String[] values = request.signature().split(",");
    assertThat(values).hasSize(2);
    assertThat(WebhookSignature.verify("whsec_new", request.timestamp(), request.body(),
        values[0])).isTrue();
    assertThat(WebhookSignature.verify("whsec_old", request.timestamp(), request.body(),
        values[1])).isTrue();
    assertThat(WebhookSignature.verify("whsec_old", request.timestamp(), request.body(),
        request.signature())).isTrue();
  }

  @Test
  void deliver_failsThenAcks_sameEventIdOnEveryRedelivery() throws Exception {
    FakeChatbot bot = chatbot("bot-a", Mode.FAIL);
    WebhookDispatcher dispatcher = started(QUICK);

    EventRow row = dispatcher.enqueue("bot-a", "c-1", event("c-1", 0)).await();
    bot.received(3).await(BOUND.toMillis(), TimeUnit.MILLISECONDS);
    bot.mode(Mode.ACK);
    bot.acknowledged(1).await(BOUND.toMillis(), TimeUnit.MILLISECONDS);

    assertThat(bot.requests()).hasSizeGreaterThanOrEqualTo(4)
        .allSatisfy(request -> {
          assertThat(request.eventId()).isEqualTo(row.eventId());
          assertThat(WebhookSignature.verify(SECRET, request.timestamp(), request.body(),
              request.signature())).isTrue();
        });
    assertThat(dispatcher.counters().retried()).isGreaterThanOrEqualTo(3);
    Eventually.until(() -> store.pendingEvents().await(), List::isEmpty, BOUND);
    assertThat(dispatcher.counters().delivered()).isEqualTo(1);
    // three waits of at least 10, 20 and 40 ms (equal jitter keeps half of 20, 40, 80)
    assertThat(dispatcher.counters().totalLatency()).isGreaterThanOrEqualTo(Duration.ofMillis(70));
  }

  @Test
  void deliver_hostDoesNotResolve_retriedThenDeadNamingTheError() throws Exception {
    WebhookSettings settings = new WebhookSettings(Duration.ofSeconds(1), Duration.ofMillis(20),
        Duration.ofMillis(100), Duration.ofMillis(300), 4);
    registry.register("bot-a", "http://no-such-host.invalid/webhook", SECRET);
    WebhookDispatcher dispatcher = started(settings);

    EventRow row = dispatcher.enqueue("bot-a", "c-1", event("c-1", 0)).await();
    List<EventRow> dead = Eventually.until(() -> store.deadLetters("bot-a").await(),
        rows -> rows.size() == 1, BOUND);

    assertThat(dead.get(0).eventId()).isEqualTo(row.eventId());
    // "Failed to resolve 'no-such-host.invalid' ...", or a timeout where DNS itself hangs
    assertThat(dead.get(0).lastError()).isNotBlank().doesNotStartWith("HTTP");
  }

  @Test
  void deliver_endpointFailingThenUp_allArriveInOrderPerConversation() throws Exception {
    FakeChatbot bot = chatbot("bot-a", Mode.FAIL);
    WebhookDispatcher dispatcher = started(QUICK);

    Map<String, List<EventRow>> enqueued = enqueue(dispatcher, "bot-a", 3, 20);
    bot.received(15).await(BOUND.toMillis(), TimeUnit.MILLISECONDS);
    bot.mode(Mode.ACK);
    bot.acknowledged(60).await(BOUND.toMillis(), TimeUnit.MILLISECONDS);

    assertDeliveredInOrder(enqueued, bot);
    Eventually.until(() -> store.pendingEvents().await(), List::isEmpty, BOUND);
    assertThat(store.deadLetters("bot-a").await()).isEmpty();
  }

  @Test
  void deliver_endpointNotListeningThenUp_allArriveInOrderPerConversation() throws Exception {
    FakeChatbot bot = chatbot("bot-a", Mode.ACK);
    bot.stopListening();
    WebhookDispatcher dispatcher = started(QUICK);

    Map<String, List<EventRow>> enqueued = enqueue(dispatcher, "bot-a", 3, 20);
    Eventually.until(() -> dispatcher.counters().retried(), retries -> retries >= 9, BOUND);
    bot.listenAgain();
    bot.acknowledged(60).await(BOUND.toMillis(), TimeUnit.MILLISECONDS);

    assertDeliveredInOrder(enqueued, bot);
    Eventually.until(() -> store.pendingEvents().await(), List::isEmpty, BOUND);
  }

  @Test
  void deliver_otherBotsHangAndFail_healthyBotDeliveredBeforeTheirFirstTimeout()
      throws Exception {
    WebhookSettings settings = new WebhookSettings(Duration.ofSeconds(2), Duration.ofMillis(20),
        Duration.ofMillis(100), Duration.ofSeconds(30), 4);
    FakeChatbot hanging = chatbot("bot-hangs", Mode.HANG);
    FakeChatbot failing = chatbot("bot-fails", Mode.FAIL);
    FakeChatbot healthy = chatbot("bot-b", Mode.ACK);
    WebhookDispatcher dispatcher = started(settings);
    enqueue(dispatcher, "bot-hangs", 6, 5);
    enqueue(dispatcher, "bot-fails", 6, 5);
    hanging.received(4).await(BOUND.toMillis(), TimeUnit.MILLISECONDS);
    failing.received(20).await(BOUND.toMillis(), TimeUnit.MILLISECONDS);

    long start = System.nanoTime();
    Map<String, List<EventRow>> enqueued = enqueue(dispatcher, "bot-b", 3, 10);
    healthy.acknowledged(30).await(BOUND.toMillis(), TimeUnit.MILLISECONDS);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

    assertThat(elapsed).isLessThan(settings.timeout());
    assertThat(hanging.acknowledgedRequests()).isEmpty();
    assertThat(dispatcher.counters().inFlight()).containsEntry("bot-hangs", 4);
    assertDeliveredInOrder(enqueued, healthy);
  }

  @Test
  void deliver_manyConversations_neverMoreThanMaxInFlightPerBot() throws Exception {
    WebhookSettings settings = new WebhookSettings(Duration.ofSeconds(1), Duration.ofMillis(20),
        Duration.ofMillis(100), Duration.ofSeconds(2), 2);
    FakeChatbot bot = chatbot("bot-a", Mode.ACK);
    bot.delay(Duration.ofMillis(40));
    WebhookDispatcher dispatcher = started(settings);

    Map<String, List<EventRow>> enqueued = enqueue(dispatcher, "bot-a", 6, 3);
    bot.acknowledged(18).await(BOUND.toMillis(), TimeUnit.MILLISECONDS);

    assertThat(bot.maxOpenRequests()).isEqualTo(2);
    assertDeliveredInOrder(enqueued, bot);
  }

  @Test
  void deliver_retryWindowOver_deadLettersInStoreThenReplayDeliversInOrder() throws Exception {
    WebhookSettings settings = new WebhookSettings(Duration.ofSeconds(1), Duration.ofMillis(20),
        Duration.ofMillis(100), Duration.ofMillis(500), 4);
    FakeChatbot bot = chatbot("bot-a", Mode.FAIL);
    WebhookDispatcher dispatcher = started(settings);

    Map<String, List<EventRow>> enqueued = enqueue(dispatcher, "bot-a", 2, 3);
    List<EventRow> dead = Eventually.until(() -> store.deadLetters("bot-a").await(),
        rows -> rows.size() == 6, BOUND);

    assertThat(dead).allSatisfy(row -> {
      assertThat(row.state()).isEqualTo(EventRow.State.DEAD);
      assertThat(row.lastError()).isEqualTo("HTTP 503");
    });
    assertThat(dead).extracting(EventRow::eventId).containsExactlyInAnyOrderElementsOf(
        enqueued.values().stream().flatMap(List::stream).map(EventRow::eventId).toList());
    assertThat(store.pendingEvents().await()).isEmpty();
    assertThat(dispatcher.counters().dead()).isEqualTo(6);

    bot.mode(Mode.ACK);
    int failedRequests = bot.requests().size();
    List<EventRow> replayed = dispatcher.replay("bot-a").await();
    bot.acknowledged(6).await(BOUND.toMillis(), TimeUnit.MILLISECONDS);

    assertThat(replayed).hasSize(6);
    List<Request> afterReplay = bot.requests().subList(failedRequests, bot.requests().size());
    assertInOrder(enqueued, afterReplay);
    Eventually.until(() -> store.pendingEvents().await(), List::isEmpty, BOUND);
    assertThat(store.deadLetters("bot-a").await()).isEmpty();
  }

  @Test
  void start_newDispatcherOnReopenedStore_deliversEverythingPending() throws Exception {
    FakeChatbot bot = chatbot("bot-a", Mode.FAIL);
    WebhookDispatcher first = started(QUICK);
    Map<String, List<EventRow>> enqueued = enqueue(first, "bot-a", 3, 5);
    bot.received(6).await(BOUND.toMillis(), TimeUnit.MILLISECONDS);
    stop(first);
    store.close().await();

    store = SqliteStore.open(vertx, dataDir).await();
    bot.mode(Mode.ACK);
    WebhookDispatcher second = started(QUICK);
    bot.acknowledged(15).await(BOUND.toMillis(), TimeUnit.MILLISECONDS);

    assertDeliveredInOrder(enqueued, bot);
    Eventually.until(() -> store.pendingEvents().await(), List::isEmpty, BOUND);
    assertThat(second.counters().delivered()).isEqualTo(15);
  }

  @Test
  void start_storedNextAttemptInTheFuture_waitsUntilThen() throws Exception {
    WebhookSettings slowRetry = new WebhookSettings(Duration.ofSeconds(1),
        Duration.ofMillis(1200), Duration.ofMillis(1200), Duration.ofSeconds(30), 4);
    FakeChatbot bot = chatbot("bot-a", Mode.FAIL);
    WebhookDispatcher first = started(slowRetry);
    first.enqueue("bot-a", "c-1", event("c-1", 0)).await();
    Eventually.until(() -> store.pendingEvents().await(),
        rows -> rows.size() == 1 && rows.get(0).attempts() == 1, BOUND);
    stop(first);

    bot.mode(Mode.ACK);
    started(slowRetry);
    bot.acknowledged(1).await(BOUND.toMillis(), TimeUnit.MILLISECONDS);

    assertThat(bot.requests()).hasSize(2);
    // The first retry comes after 600-1200 ms (equal jitter), not at the restart.
    assertThat(bot.requests().get(1).receivedAt())
        .isAfterOrEqualTo(bot.requests().get(0).receivedAt().plusMillis(595));
  }

  @Test
  void stop_requestInFlight_waitsForItsAnswer() throws Exception {
    FakeChatbot bot = chatbot("bot-a", Mode.ACK);
    bot.delay(Duration.ofMillis(300));
    WebhookDispatcher dispatcher = started(QUICK);
    dispatcher.enqueue("bot-a", "c-1", event("c-1", 0)).await();
    bot.received(1).await(BOUND.toMillis(), TimeUnit.MILLISECONDS);

    stop(dispatcher);

    assertThat(store.pendingEvents().await()).isEmpty();
    assertThat(dispatcher.counters().delivered()).isEqualTo(1);
  }

  @Test
  void deliver_answerWithRcsMessage_syncReplyExactlyOnce() throws Exception {
    FakeChatbot bot = chatbot("bot-a", Mode.ACK);
    String reply = "{\"RCSMessage\":{\"textMessage\":\"thanks\"},\"messageContact\":{}}";
    bot.answers(reply);
    WebhookDispatcher dispatcher = started(QUICK);

    EventRow row = dispatcher.enqueue("bot-a", "c-1", event("c-1", 0)).await();
    // The conversation's next event is sent only once the first one is settled, reply included.
    dispatcher.enqueue("bot-a", "c-1", event("c-1", 1)).await();
    bot.acknowledged(2).await(BOUND.toMillis(), TimeUnit.MILLISECONDS);

    assertThat(replies).containsExactly(new Reply("bot-a", row.eventId(), new JsonObject(reply)));
  }

  @Test
  void deliver_answerWithoutRcsMessage_plainAckNoSyncReply() throws Exception {
    FakeChatbot bot = chatbot("bot-a", Mode.ACK);
    List<String> answers = List.of("", "OK", "{\"received\":true}", "[{\"RCSMessage\":{}}]",
        "{\"RCSMessage\":\"hi\"}", "{\"RCSMessage\":", "{}");
    bot.answers(answers.toArray(String[]::new));
    WebhookDispatcher dispatcher = started(QUICK);

    // One event more than answers: it is sent only once the last of them is settled.
    enqueue(dispatcher, "bot-a", 1, answers.size() + 1);
    bot.acknowledged(answers.size() + 1).await(BOUND.toMillis(), TimeUnit.MILLISECONDS);

    assertThat(replies).isEmpty();
    assertThat(bot.requests()).hasSize(answers.size() + 1);
  }

  @Test
  void deliver_botDeleted_deadLettersWithReason() throws Exception {
    FakeChatbot bot = chatbot("bot-gone", Mode.ACK);
    registry.delete("bot-gone");
    WebhookDispatcher dispatcher = started(QUICK);

    Map<String, List<EventRow>> enqueued = enqueue(dispatcher, "bot-gone", 1, 2);
    List<EventRow> dead = Eventually.until(() -> store.deadLetters("bot-gone").await(),
        rows -> rows.size() == 2, BOUND);

    assertThat(dead).extracting(EventRow::eventId).containsExactlyElementsOf(
        enqueued.get("c-0").stream().map(EventRow::eventId).toList());
    assertThat(dead).extracting(EventRow::lastError).containsOnly("chatbot deleted");
    assertThat(bot.requests()).isEmpty();
  }

  private FakeChatbot chatbot(String botId, Mode mode) {
    FakeChatbot bot = FakeChatbot.start(vertx, mode);
    registry.register(botId, bot.url(), SECRET);
    return bot;
  }

  /** A dispatcher with the worker that runs its rows, as the platform wires them. */
  private WebhookDispatcher started(WebhookSettings settings) {
    WebhookDispatcher[] dispatcher = new WebhookDispatcher[1];
    Worker worker = new Worker(vertx, store, "test", Clock.systemUTC(), Worker.Settings.defaults()
            .withMaxInFlightPerBot(WorkRow.Kind.EVENT, settings.maxInFlightPerBot()),
        Map.of(WorkRow.Kind.EVENT, work -> dispatcher[0].attempt(work)));
    dispatcher[0] = new WebhookDispatcher(vertx, store, registry,
        (botId, eventId, sent, body) -> replies.add(new Reply(botId, eventId, body)),
        settings, Clock.systemUTC(), new SplittableRandom(1), worker,
        (botId, user) -> "chat-" + botId + "-" + user);
    running.put(dispatcher[0], worker);
    worker.start().await();
    return dispatcher[0];
  }

  /** Stops as the platform does: no more claims, requests in flight answered and settled. */
  private void stop(WebhookDispatcher dispatcher) {
    Worker worker = running.remove(dispatcher);
    if (worker != null) {
      worker.stop().await();
      dispatcher.stop().await();
    }
  }

  /** Enqueues {@code perConversation} events in each of {@code conversations} conversations. */
  private static Map<String, List<EventRow>> enqueue(WebhookDispatcher dispatcher, String botId,
      int conversations, int perConversation) {
    Map<String, List<Future<EventRow>>> pending = new LinkedHashMap<>();
    for (int n = 0; n < perConversation; n++) {
      for (int c = 0; c < conversations; c++) {
        String conversationId = "c-" + c;
        pending.computeIfAbsent(conversationId, id -> new ArrayList<>())
            .add(dispatcher.enqueue(botId, conversationId, event(conversationId, n)));
      }
    }
    Map<String, List<EventRow>> enqueued = new LinkedHashMap<>();
    pending.forEach((conversationId, futures) -> enqueued.put(conversationId,
        futures.stream().map(future -> future.await()).toList()));
    return enqueued;
  }

  private static BotEvent event(String conversationId, int n) {
    return BotEvents.fromUser("message", USER, new JsonObject()
            .put("msgId", conversationId + "-" + n).put("textMessage", "message " + n + " 你好"),
        conversationId, "contribution-" + n, "rcs");
  }

  private static void assertDeliveredInOrder(Map<String, List<EventRow>> enqueued,
      FakeChatbot bot) {
    assertInOrder(enqueued, bot.requests());
    assertThat(bot.overlappingRequests()).as("requests sent before the previous was settled")
        .isZero();
  }

  /**
   * Each conversation's events were acknowledged once each, in enqueue order, and no event was
   * sent again after a later one of its conversation.
   */
  private static void assertInOrder(Map<String, List<EventRow>> enqueued, List<Request> requests) {
    enqueued.forEach((conversationId, rows) -> {
      List<String> expected = rows.stream().map(EventRow::eventId).toList();
      List<Request> ofConversation = requests.stream()
          .filter(request -> request.conversationId().equals(conversationId))
          .toList();
      assertThat(ofConversation.stream().filter(request -> request.status() == 200)
          .map(Request::eventId)).as(conversationId).containsExactlyElementsOf(expected);
      assertThat(ofConversation.stream().map(request -> expected.indexOf(request.eventId())))
          .as(conversationId + " in sequence").isSorted();
    });
  }

  record Reply(String botId, String eventId, JsonObject body) {}
}
