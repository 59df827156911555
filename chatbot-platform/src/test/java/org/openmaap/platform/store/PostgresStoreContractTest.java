package org.openmaap.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openmaap.platform.Eventually;

/**
 * The PostgreSQL store against the {@link StoreContract}, each test in a new schema of the test
 * server ({@link TestPostgres}; skipped without one, unless CI=true).
 */
class PostgresStoreContractTest extends StoreContract {

  private String schema;

  @Override
  protected Future<? extends Store> open(Vertx vertx) {
    schema = TestPostgres.freshSchema();
    return PostgresStore.open(vertx, DatabaseUrl.parse(schema),
        new PostgresStore.Options(4, Duration.ofSeconds(5)));
  }

  @Test
  void signal_reachesEveryNodeOnTheDatabase_andNoOtherSchema() {
    PostgresStore other = PostgresStore.open(vertx, DatabaseUrl.parse(schema),
        new PostgresStore.Options(2, Duration.ofSeconds(5))).await();
    String elsewhere = TestPostgres.freshSchema();
    PostgresStore stranger = PostgresStore.open(vertx, DatabaseUrl.parse(elsewhere),
        new PostgresStore.Options(2, Duration.ofSeconds(5))).await();
    try {
      List<String> here = new CopyOnWriteArrayList<>();
      List<String> there = new CopyOnWriteArrayList<>();
      List<String> strangers = new CopyOnWriteArrayList<>();
      store.onSignal(here::add);
      other.onSignal(there::add);
      stranger.onSignal(strangers::add);

      other.signal("from the other node").await();

      Eventually.until(() -> here.size() + there.size(), n -> n == 2, Duration.ofSeconds(5));
      assertThat(here).containsExactly("from the other node");
      assertThat(there).containsExactly("from the other node");
      stranger.signal("marker").await();
      Eventually.until(() -> List.copyOf(strangers), got -> !got.isEmpty(),
          Duration.ofSeconds(5));
      assertThat(strangers).containsExactly("marker");
    } finally {
      other.close().await();
      stranger.close().await();
      TestPostgres.drop(elsewhere);
    }
  }

  @Test
  void signal_listenerConnectionLost_handlerIsToldSignalsWereLost_andSignalsFlowAgain()
      throws Exception {
    List<String> received = new CopyOnWriteArrayList<>();
    store.onSignal(received::add);
    DatabaseUrl url = DatabaseUrl.parse(schema);
    String channel = "openmaap_signals_" + url.params().get("currentSchema");

    try (Connection admin = DriverManager.getConnection(url.jdbcUrl(), url.user(),
        url.password()); Statement statement = admin.createStatement()) {
      statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
          + " WHERE query = 'LISTEN \"" + channel + "\"'");
    }

    Eventually.until(() -> List.copyOf(received), got -> got.contains(Store.SIGNALS_LOST),
        Duration.ofSeconds(5));
    store.signal("after the reconnect").await();
    Eventually.until(() -> List.copyOf(received), got -> got.contains("after the reconnect"),
        Duration.ofSeconds(5));
  }

  @Test
  void handOver_takesTheNodesOwnDueRowFirst_thenAnyNodes() {
    PostgresStore nodeA = PostgresStore.open(vertx, DatabaseUrl.parse(schema),
        new PostgresStore.Options(2, Duration.ofSeconds(5), "node-a")).await();
    PostgresStore nodeB = PostgresStore.open(vertx, DatabaseUrl.parse(schema),
        new PostgresStore.Options(2, Duration.ofSeconds(5), "node-b")).await();
    try {
      Instant lease = Rows.T0.plusSeconds(60);
      WorkRow claim = WorkRow.claimed(WorkRow.Kind.EVENT, "bot", "held", Rows.T0, "node-a",
          lease);
      nodeA.insertEvent(event("held", "c0", Rows.T0, claim)).await();
      nodeB.insertEvent(event("b-oldest", "c1", Rows.T0, null)).await();
      nodeA.insertEvent(event("a-newer", "c2", Rows.T0.plusSeconds(1), null)).await();
      nodeB.insertEvent(event("b-newest", "c3", Rows.T0.plusSeconds(2), null)).await();
      Instant now = Rows.T0.plusSeconds(5);

      Optional<WorkRow> first = nodeA.handOver(claim, Optional.empty(), now, lease).await();
      Optional<WorkRow> second = nodeA.handOver(first.orElseThrow(), Optional.empty(), now,
          lease).await();

      assertThat(first).map(WorkRow::ref).as("node A's own row, though B's is older")
          .contains("a-newer");
      assertThat(second).map(WorkRow::ref).as("none of its own left: the oldest of anyone's")
          .contains("b-oldest");
    } finally {
      nodeA.close().await();
      nodeB.close().await();
    }
  }

  private static EventRow event(String eventId, String conversation, Instant at, WorkRow claim) {
    return new EventRow(eventId, "bot", conversation, 0, "{\"event\":\"message\"}",
        EventRow.State.PENDING, 0, at, null, at, claim);
  }

  @Test
  void smsMoPart_theTwoPartsOfATextAtTwoNodesAtOnce_areJoinedOnce() {
    PostgresStore other = PostgresStore.open(vertx, DatabaseUrl.parse(schema),
        new PostgresStore.Options(2, Duration.ofSeconds(5))).await();
    try {
      for (int reference = 1; reference <= 20; reference++) {
        Instant at = Rows.T0.plusSeconds(reference);
        Instant until = at.plusSeconds(600);
        SmsMoPart first = new SmsMoPart(USER, "10690000", reference, 2, 1, 0,
            "Hello ".getBytes(StandardCharsets.US_ASCII), at);
        SmsMoPart second = new SmsMoPart(USER, "10690000", reference, 2, 2, 0,
            "there".getBytes(StandardCharsets.US_ASCII), at);

        Future<List<SmsMoPart>> here = store.smsMoPart(first, "part-" + reference + "-1", until);
        Future<List<SmsMoPart>> there = other.smsMoPart(second, "part-" + reference + "-2",
            until);
        List<List<SmsMoPart>> answers = List.of(here.await(), there.await());

        assertThat(answers).as("text " + reference + ": one node joins it, the other waits")
            .filteredOn(parts -> !parts.isEmpty()).singleElement()
            .satisfies(parts -> assertThat(parts).extracting(SmsMoPart::sequence)
                .containsExactly(1, 2));
      }
    } finally {
      other.close().await();
    }
  }

  @Test
  void smsMoSeen_aDeliverSmSentAgainToAnotherNodeAtOnce_isNewOnOneNodeOnly() {
    PostgresStore other = PostgresStore.open(vertx, DatabaseUrl.parse(schema),
        new PostgresStore.Options(2, Duration.ofSeconds(5))).await();
    try {
      for (int i = 0; i < 20; i++) {
        String key = "deliver-" + i;
        Future<Boolean> here = store.smsMoSeen(key, Rows.T0, Rows.T0.plusSeconds(600));
        Future<Boolean> there = other.smsMoSeen(key, Rows.T0, Rows.T0.plusSeconds(600));

        assertThat(List.of(here.await(), there.await())).as(key).containsOnlyOnce(true);
      }
    } finally {
      other.close().await();
    }
  }

  @Test
  void open_unreachableServer_failsNamingTheHostNotThePassword() {
    DatabaseUrl nowhere = DatabaseUrl.parse("postgresql://someone:hunter2@127.0.0.1:1/nothing");

    Future<PostgresStore> opened = PostgresStore.open(vertx, nowhere,
        new PostgresStore.Options(1, Duration.ofMillis(500)));

    assertThatThrownBy(opened::await).isInstanceOf(StoreFailure.class)
        .hasMessageContaining("127.0.0.1:1/nothing")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
  }

  // An extension's callback runs after every @AfterEach, so once the contract closed the store.
  @RegisterExtension
  final AfterEachCallback dropSchema = context -> {
    if (schema != null) {
      TestPostgres.drop(schema);
    }
  };
}
