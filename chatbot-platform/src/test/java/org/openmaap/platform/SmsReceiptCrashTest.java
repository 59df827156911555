package org.openmaap.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.platform.store.EventRow;
import org.openmaap.platform.store.MessageRow;
import org.openmaap.platform.store.SqliteStore;
import org.openmaap.platform.store.StatusChange;
import org.openmaap.platform.store.Store;

/** A receipt recorded just before a crash still moves its SMS to deliveredAsSms after a restart. */
class SmsReceiptCrashTest {

  private static final String USER = "+8613900000077";

  @TempDir
  Path dataDir;

  private final Vertx vertx = Vertx.vertx();
  private RunningPlatform platform;
  private FakeChatbot bot;

  @AfterEach
  void stop() {
    if (platform != null) {
      platform.close();
    }
    bot.close();
    vertx.close().await();
  }

  @Test
  void receiptRecorded_crashBeforeItsStatusChange_theRestartedPlatformMakesIt() {
    bot = FakeChatbot.start(vertx);
    platform = RunningPlatform.start(vertx, RunningPlatform.config(dataDir));
    platform.register("parcel", bot.url());
    platform.close();
    platform = null;
    crashedAfterRecordingAReceipt();

    platform = RunningPlatform.start(vertx, RunningPlatform.config(dataDir));

    JsonObject status = bot.next(event -> "messageStatus".equals(event.getString("event"))
            && "deliveredAsSms".equals(event.getJsonObject("RCSMessage").getString("status")),
        java.time.Duration.ofSeconds(10)).event();
    assertThat(status.getJsonObject("RCSMessage").getString("msgId")).isEqualTo("m1");
  }

  /**
   * What a kill -9 leaves after the receipt's record and before its status change: an SMS the
   * SMSC accepted, its receipt recorded, nothing else due.
   */
  private void crashedAfterRecordingAReceipt() {
    Store store = SqliteStore.open(vertx, dataDir).await();
    Instant now = Instant.now();
    String conversation = store.conversation("parcel", USER, "conv-1", now).await()
        .conversationId();
    store.insertMessage(new MessageRow("parcel", "m1", MessageRow.Direction.BOT_TO_USER, USER,
        conversation, "contribution-1", null, "{\"textMessage\":\"Parcel on its way\"}",
        "hash-1", "pending", "sms", null, null, now, now)).await();
    store.smsAccepted("parcel", "m1", List.of("ab12"), List.of("pending"),
        new StatusChange("deliveredToNetwork", "sms", null, now),
        new EventRow("accepted-1", "parcel", conversation, 0,
            "{\"event\":\"messageStatus\"}", EventRow.State.PENDING, 0, now, null, now)).await();
    store.claimDue("before-the-crash", now, now.plusSeconds(10), 100).await()
        .forEach(work -> store.settle(work).await());
    store.smsReceipt(List.of("ab12"), "DELIVRD", "000", now).await();
    store.close().await();
  }
}
