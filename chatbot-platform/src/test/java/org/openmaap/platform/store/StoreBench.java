package org.openmaap.platform.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openmaap.platform.store.MessageRow.Direction;

/**
 * Inserts per second into a real SQLite file, messages and webhook events alternately, from two
 * concurrent callers: once awaiting every write, once keeping many in flight as a busy event loop
 * does. Scores are inserts per second (one message or one event each).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(2)
@State(Scope.Benchmark)
public class StoreBench {

  private static final int IN_FLIGHT = 64;

  @Param({"FULL", "NORMAL"})
  public String synchronous;

  private final AtomicLong ids = new AtomicLong();
  private Vertx vertx;
  private Path dir;
  private SqliteStore store;

  @Setup(Level.Trial)
  public void open() throws IOException {
    vertx = Vertx.vertx();
    dir = Files.createTempDirectory("openmaap-store-bench");
    store = SqliteStore.open(vertx, dir, SqliteStore.Options.DEFAULTS
        .withSynchronous(SqliteStore.Synchronous.valueOf(synchronous))).await();
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    store.close().await();
    vertx.close().await();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  /** Each caller waits for its write before the next, so a commit holds at most two writes. */
  @Benchmark
  @OperationsPerInvocation(2)
  public void awaitEach() {
    long id = ids.incrementAndGet();
    store.insertMessage(message(id)).await();
    store.insertEvent(event(id)).await();
  }

  /** Each caller keeps {@value #IN_FLIGHT} messages and as many events in flight at once. */
  @Benchmark
  @OperationsPerInvocation(2 * IN_FLIGHT)
  public void inFlight() {
    List<Future<?>> writes = new ArrayList<>(2 * IN_FLIGHT);
    for (int i = 0; i < IN_FLIGHT; i++) {
      long id = ids.incrementAndGet();
      writes.add(store.insertMessage(message(id)));
      writes.add(store.insertEvent(event(id)));
    }
    Future.all(writes).await();
  }

  private static MessageRow message(long id) {
    Instant now = Instant.now();
    return new MessageRow("bench-bot", "m-" + id, Direction.BOT_TO_USER,
        "+86138" + (id % 100_000), "conv-" + (id % 100_000), "contrib-" + id, null,
        "{\"textMessage\":\"Your order " + id + " has shipped\"}", "hash-" + id, "pending", "rcs",
        null, null, now, now);
  }

  private static EventRow event(long id) {
    Instant now = Instant.now();
    return new EventRow("e-" + id, "bench-bot", "conv-" + (id % 100_000), 0,
        "{\"event\":\"messageStatus\",\"RCSMessage\":{\"msgId\":\"m-" + id
            + "\",\"status\":\"sent\"}}",
        EventRow.State.PENDING, 0, now, null, now);
  }
}
