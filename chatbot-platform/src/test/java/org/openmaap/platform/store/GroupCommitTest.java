package org.openmaap.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmaap.platform.store.Rows.T0;
import static org.openmaap.platform.store.Rows.chatbot;
import static org.openmaap.platform.store.Rows.toUser;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.platform.store.Store.Inserted;

class GroupCommitTest {

  private final Vertx vertx = Vertx.vertx();
  @TempDir Path dir;
  private SqliteStore store;

  @BeforeEach
  void open() {
    store = SqliteStore.open(vertx, dir).await();
  }

  @AfterEach
  void close() {
    store.close().await();
    vertx.close().await();
  }

  @Test
  void insertMessage_tenThousandConcurrentCallers_commitInFarFewerTransactions()
      throws Exception {
    long before = store.transactions();

    List<Future<Inserted<MessageRow>>> inserts = IntStream.range(0, 10_000)
        .mapToObj(i -> store.insertMessage(toUser("bot-one", "m" + i, "+86138" + i, "pending")))
        .toList();
    Future.all(inserts).await(60, TimeUnit.SECONDS);

    long transactions = store.transactions() - before;
    assertThat(inserts).allMatch(f -> f.result().inserted());
    // Each bot-to-user message comes with its work row: all of them were committed.
    assertThat(store.claimDue("n1", T0, T0.plusSeconds(10), 20_000).await()).hasSize(10_000);
    // 512 writes a batch at most, so at least 20; one per write would be 10,000.
    assertThat(transactions).isBetween(20L, 1_000L);
  }

  @Test
  void write_oneFailingOperationInABatch_failsOnlyItsOwnFuture() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    // Holds the writer so that the next three writes are queued into one batch.
    Future<Void> holding = store.write(db -> {
      started.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return null;
    });
    started.await();
    long before = store.transactions();
    Future<Void> first = store.insertChatbot(chatbot("bot-a", "client-a"));
    Future<Void> failing = store.write(db -> {
      db.update("INSERT INTO devices (msisdn, features_json, provisioned_at) VALUES (?, ?, ?)",
          "+8613800000001", "[]", 0L);
      throw new IllegalArgumentException("this operation fails after writing");
    });
    Future<Void> third = store.insertChatbot(chatbot("bot-b", "client-b"));

    release.countDown();
    Future.join(holding, first, failing, third).otherwiseEmpty().await();

    assertThat(store.transactions() - before).isEqualTo(2);
    assertThat(first.succeeded()).isTrue();
    assertThat(third.succeeded()).isTrue();
    assertThat(failing.cause()).hasMessage("this operation fails after writing");
    assertThat(store.device("+8613800000001").await()).isEmpty();
    assertThat(store.chatbots().await()).hasSize(2);
  }
}
