package org.openmaap.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openmaap.platform.store.Rows.T0;
import static org.openmaap.platform.store.Rows.chatbot;
import static org.openmaap.platform.store.Rows.event;
import static org.openmaap.platform.store.Rows.toUser;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.platform.Eventually;
import org.openmaap.platform.store.MessageRow.Direction;
import org.openmaap.platform.store.Store.Inserted;

/**
 * What only the embedded store has: its file, its options, its single writer and its readers;
 * what every store does is in {@link StoreContract}.
 */
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

  @Test
  void insertEvent_concurrentInserts_sequenceFollowsTheOrderOfTheCalls() {
    // One writer thread takes writes in the order they were queued.
    List<Future<EventRow>> inserts = IntStream.range(0, 200)
        .mapToObj(i -> store.insertEvent(event("e" + i, "bot-one")))
        .toList();
    Future.all(inserts).await();

    List<Long> sequences = inserts.stream().map(f -> f.result().sequence()).toList();
    assertThat(sequences).isSorted().doesNotHaveDuplicates();
  }

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
  void close_withQueuedWrites_flushesThemToTheFile() {
    IntStream.range(0, 1000)
        .forEach(i -> store.insertChatbot(chatbot("bot-" + i, "client-" + i)));

    store.close().await();

    store = SqliteStore.open(vertx, dir.resolve("data")).await();
    assertThat(store.chatbots().await()).hasSize(1000);
  }

  @Test
  void writes_manyPagesOfEvents_reachTheDatabaseFileWithoutTheWriterCheckpointing() {
    // About 3,000 pages of WAL, well under the writer's own checkpoint threshold.
    String body = "{\"event\":\"" + "x".repeat(4000) + "\"}";
    List<Future<EventRow>> writes = IntStream.range(0, 3000)
        .mapToObj(i -> store.insertEvent(new EventRow("e" + i, "bot-one", null, 0, body,
            EventRow.State.DELIVERED, 1, T0, null, T0)))
        .toList();
    Future.all(writes).await();

    Path file = dir.resolve("data").resolve(SqliteStore.FILE_NAME);
    long size = Eventually.until(() -> sizeOf(file), bytes -> bytes > 10_000_000,
        Duration.ofSeconds(10));
    assertThat(size).isGreaterThan(10_000_000);
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
