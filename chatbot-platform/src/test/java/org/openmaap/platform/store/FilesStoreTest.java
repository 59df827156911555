package org.openmaap.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openmaap.platform.store.Rows.T0;
import static org.openmaap.platform.store.Rows.event;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.platform.store.FileRow.Owner;
import org.openmaap.platform.store.FileRow.Status;

class FilesStoreTest {

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
  void insertFile_readBack_asStored() {
    FileRow file = file("a", "coffee", 1000, 200L, 60);

    store.insertFile(file, 10_000).await();

    assertThat(store.file("a").await()).contains(file);
    assertThat(store.file("b").await()).isEmpty();
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
  }

  @Test
  void insertFile_concurrentUploads_neverPassTheQuota() {
    List<Future<Void>> uploads = IntStream.range(0, 20)
        .mapToObj(i -> store.insertFile(file("f" + i, "coffee", 100, null, 60), 1000))
        .toList();

    long kept = uploads.stream().filter(upload -> upload.transform(done ->
        Future.succeededFuture(done.succeeded())).await()).count();

    assertThat(kept).isEqualTo(10);
  }

  @Test
  void insertFileAndEvent_overQuota_storesNeitherFileNorEvent() {
    assertThatThrownBy(() -> store.insertFileAndEvent(file("a", "coffee", 2000, null, 60), 1000,
        event("e1", "coffee")).await()).isInstanceOf(QuotaExceeded.class);

    assertThat(store.pendingEvents().await()).isEmpty();
    assertThat(store.insertFileAndEvent(file("b", "coffee", 10, null, 60), 1000,
        event("e2", "coffee")).await()).isPresent();
    assertThat(store.pendingEvents().await()).hasSize(1);
  }

  @Test
  void filesDue_readyFilesPastTheirUntil_earliestFirst_andExpiringIsOnce() {
    store.insertFile(file("late", "coffee", 1, null, 30), 1000).await();
    store.insertFile(file("early", "coffee", 1, null, 10), 1000).await();
    store.insertFile(file("future", "coffee", 1, null, 3600), 1000).await();

    assertThat(store.filesDue(T0.plusSeconds(60), 10).await()).extracting(FileRow::fileId)
        .containsExactly("early", "late");
    assertThat(store.expireFileAndInsertEvent("early", event("x1", "coffee")).await())
        .isPresent();
    assertThat(store.expireFileAndInsertEvent("early", event("x2", "coffee")).await())
        .isEmpty();
    assertThat(store.file("early").await().orElseThrow().status()).isEqualTo(Status.EXPIRED);
    assertThat(store.filesDue(T0.plusSeconds(60), 10).await()).extracting(FileRow::fileId)
        .containsExactly("late");
    assertThat(store.deleteFile("late").await()).isTrue();
    assertThat(store.deleteFile("late").await()).isFalse();
  }

  private static FileRow file(String id, String owner, long size, Long thumbnail, long seconds) {
    return new FileRow(id, Owner.BOT, owner, id + ".jpg", "image/jpeg", size,
        thumbnail == null ? null : "image/jpeg", thumbnail, Status.READY,
        T0.plusSeconds(seconds), T0);
  }
}
