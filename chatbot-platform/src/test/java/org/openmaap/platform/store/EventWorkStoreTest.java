package org.openmaap.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmaap.platform.store.Rows.T0;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.platform.store.EventRow.State;
import org.openmaap.platform.store.WorkRow.Kind;

/** Webhook events as work rows: one at a time per conversation, a bound per bot, settling. */
class EventWorkStoreTest {

  private static final Instant LEASE = T0.plusSeconds(30);

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

  private List<WorkRow> claim(int limit) {
    return store.claimDue("n1", T0, LEASE, limit).await();
  }

  private static WorkRow byRef(List<WorkRow> rows, String ref) {
    return rows.stream().filter(row -> row.ref().equals(ref)).findFirst().orElseThrow();
  }
}
