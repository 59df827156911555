package org.openmaap.platform.work;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.platform.Eventually;
import org.openmaap.platform.store.SqliteStore;
import org.openmaap.platform.store.WorkRow;
import org.openmaap.platform.store.WorkRow.Kind;

/** The worker on the embedded store, with handlers that record what they were given. */
class WorkerTest {

  private static final Duration BOUND = Duration.ofSeconds(10);
  private static final Worker.Settings QUICK = new Worker.Settings(Duration.ofMillis(20),
      Duration.ofSeconds(1), 64, Duration.ofMillis(50));

  private final Vertx vertx = Vertx.vertx();
  private final Clock clock = Clock.systemUTC();
  @TempDir Path dir;
  private SqliteStore store;
  private final List<Worker> workers = new ArrayList<>();

  @BeforeEach
  void open() {
    store = SqliteStore.open(vertx, dir.resolve("data")).await();
  }

  @AfterEach
  void close() {
    workers.forEach(worker -> worker.stop().await());
    store.close().await();
    vertx.close().await();
  }

  @Test
  void dueRows_areEachHandedToTheHandlerOnce_inBatches_andSettled() {
    Map<String, Integer> runs = new ConcurrentHashMap<>();
    Instant now = clock.instant();
    for (int i = 0; i < 1_000; i++) {
      store.schedule(WorkRow.due(Kind.MESSAGE, "bot", "m" + i, now)).await();
    }

    started("n1", QUICK, work -> {
      runs.merge(work.ref(), 1, Integer::sum);
      return Future.succeededFuture(Optional.empty());
    });

    Eventually.until(runs::size, size -> size == 1_000, BOUND);
    Eventually.until(() -> store.nextDue(clock.instant().plusSeconds(3600)).await(),
        Optional::isEmpty, BOUND);
    assertThat(runs.values()).containsOnly(1);
  }

  @Test
  void handlerAnsweringALaterTime_seesTheRowAgainThen() {
    List<Instant> seen = new CopyOnWriteArrayList<>();
    store.schedule(WorkRow.due(Kind.MESSAGE, "bot", "m", clock.instant())).await();

    started("n1", QUICK, work -> {
      seen.add(clock.instant());
      return Future.succeededFuture(seen.size() == 1
          ? Optional.of(clock.instant().plusMillis(300))
          : Optional.empty());
    });

    Eventually.until(seen::size, size -> size == 2, BOUND);
    assertThat(Duration.between(seen.get(0), seen.get(1))).isGreaterThanOrEqualTo(
        Duration.ofMillis(290));
  }

  @Test
  void failingHandler_isTriedAgainLater_withTheAttemptsCounted() {
    List<Integer> attempts = new CopyOnWriteArrayList<>();
    store.schedule(WorkRow.due(Kind.MESSAGE, "bot", "m", clock.instant())).await();

    started("n1", QUICK, work -> {
      attempts.add(work.attempts());
      return attempts.size() < 3
          ? Future.failedFuture(new IllegalStateException("not yet"))
          : Future.succeededFuture(Optional.empty());
    });

    Eventually.until(attempts::size, size -> size == 3, BOUND);
    assertThat(attempts).containsExactly(1, 2, 3);
  }

  @Test
  void rowsOfACrashedNode_comeBackWhenTheirLeaseEnds() {
    Instant now = clock.instant();
    store.schedule(WorkRow.due(Kind.MESSAGE, "bot", "m", now)).await();
    store.claimDue("crashed", now, now.plusMillis(800), 10).await();
    List<Instant> seen = new CopyOnWriteArrayList<>();

    started("n2", QUICK, work -> {
      seen.add(clock.instant());
      return Future.succeededFuture(Optional.empty());
    });

    Eventually.until(seen::size, size -> size == 1, BOUND);
    assertThat(seen.get(0)).isAfterOrEqualTo(now.plusMillis(800));
  }

  @Test
  void restartedNode_takesItsOwnClaimsBackAtOnce() {
    Instant now = clock.instant();
    store.schedule(WorkRow.due(Kind.MESSAGE, "bot", "m", now)).await();
    store.claimDue("n1", now, now.plusSeconds(3600), 10).await();
    AtomicInteger runs = new AtomicInteger();

    started("n1", QUICK, work -> {
      runs.incrementAndGet();
      return Future.succeededFuture(Optional.empty());
    });

    Eventually.until(runs::get, n -> n == 1, BOUND);
  }

  @Test
  void slowHandlers_holdTheirLease_andNeverRunTwice_andAtMostMaxInFlightAtOnce() {
    Instant now = clock.instant();
    for (int i = 0; i < 100; i++) {
      store.schedule(WorkRow.due(Kind.MESSAGE, "bot", "m" + i, now)).await();
    }
    List<Promise<Optional<Instant>>> running = new CopyOnWriteArrayList<>();
    Map<String, Integer> runs = new ConcurrentHashMap<>();
    Worker.Settings tenAtOnce = new Worker.Settings(Duration.ofMillis(20), Duration.ofSeconds(1),
        10, Duration.ofMillis(50));

    started("n1", tenAtOnce, work -> {
      runs.merge(work.ref(), 1, Integer::sum);
      Promise<Optional<Instant>> promise = Promise.promise();
      running.add(promise);
      return promise.future();
    });
    // Longer than the lease: renewals keep the rows from coming back.
    Eventually.until(running::size, size -> size == 10, BOUND);
    sleep(2_500);
    int heldAtOnce = running.size();
    running.forEach(promise -> promise.complete(Optional.empty()));
    Eventually.until(runs::size, size -> size >= 20, BOUND);

    assertThat(heldAtOnce).isEqualTo(10);
    assertThat(runs.values()).containsOnly(1);
  }

  @Test
  void run_aRowClaimedWhenStored_isSettledByItsHandlersAnswer() {
    Instant now = clock.instant();
    WorkRow claim = WorkRow.claimed(Kind.MESSAGE, "bot", "m", now, "n1", now.plusSeconds(10));
    store.schedule(claim).await();
    Worker worker = started("n1", QUICK, work -> Future.succeededFuture(Optional.empty()));

    worker.run(claim);

    Eventually.until(() -> store.nextDue(clock.instant().plusSeconds(3600)).await(),
        Optional::isEmpty, BOUND);
  }

  @Test
  void rowDueAgainAtOnce_thatItsSettleHandsBackToThisNode_runsAgainWithoutWaitingForItsLease() {
    store.schedule(WorkRow.due(Kind.EVENT, "bot", "e", clock.instant())).await();
    List<Instant> seen = new CopyOnWriteArrayList<>();
    Worker.Settings oneAtATime = new Worker.Settings(Duration.ofSeconds(1), Duration.ofSeconds(30),
        64, Duration.ofMillis(50)).withMaxInFlightPerBot(Kind.EVENT, 1);
    Worker worker = new Worker(vertx, store, "n1", clock, oneAtATime, Map.of(Kind.EVENT, work -> {
      seen.add(clock.instant());
      // Due again already when it is settled (a retry whose record took longer than its delay):
      // the hand-over to the bot's next due row claims this same row.
      return Future.succeededFuture(seen.size() == 1
          ? Optional.of(clock.instant().minusMillis(1))
          : Optional.empty());
    }));
    worker.start().await();
    workers.add(worker);

    Eventually.until(seen::size, size -> size == 2, Duration.ofSeconds(5));
    Eventually.until(() -> store.nextDue(clock.instant().plusSeconds(3600)).await(),
        Optional::isEmpty, BOUND);
  }

  private Worker started(String node, Worker.Settings settings, Worker.Handler handler) {
    Worker worker = new Worker(vertx, store, node, clock, settings, Map.of(Kind.MESSAGE, handler));
    worker.start().await();
    workers.add(worker);
    return worker;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
