package org.openmaap.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.platform.fallback.FallbackSettings;
import org.openmaap.platform.sms.EmbeddedSmsc;
import org.openmaap.platform.sms.SmppSettings;
import org.openmaap.platform.store.MessageRow;
import org.openmaap.platform.store.SqliteStore;

/** The SMS path when the SMSC is not there yet, and across a restart of the platform. */
class SmsFaultsTest {

  private static final String SMS_USER = "+8613900000043";

  @TempDir
  Path dataDir;

  private Vertx vertx;
  private RunningPlatform platform;
  private FakeChatbot bot;
  private EmbeddedSmsc smsc;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    bot = FakeChatbot.start(vertx);
  }

  @AfterEach
  void stop() {
    if (platform != null) {
      platform.close();
    }
    if (smsc != null) {
      smsc.stop().await();
    }
    bot.close();
    vertx.close().await();
  }

  @Test
  void smscDownAtSendTime_theSmsIsQueued_andGoesOutOnceItIsBack() throws IOException {
    int port = freePort();
    SmppSettings external = SmppSettings.defaults().withServer("127.0.0.1", port)
        .withTimings(Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(5));
    platform = RunningPlatform.start(vertx, RunningPlatform.config(dataDir).withSms(
        new SmsConfig(SmsConfig.Mode.EXTERNAL, external, FallbackSettings.defaults())));
    String token = platform.token(platform.register("parcel", bot.url()));

    String msgId = platform.send("parcel", token, ConversationTest.text(SMS_USER, "Queued"))
        .bodyAsJsonObject().getJsonObject("RCSMessage").getString("msgId");
    assertThat(bot.noneWithin(e -> "messageStatus".equals(e.getString("event")),
        Duration.ofMillis(700))).isTrue();
    smsc = new EmbeddedSmsc(vertx, EmbeddedSmsc.Settings.defaults().withPort(port));
    smsc.start().await();

    FakeChatbot.Received accepted = bot.next("messageStatus");
    assertThat(accepted.event().getJsonObject("RCSMessage").getString("msgId")).isEqualTo(msgId);
    assertThat(accepted.event().getJsonObject("RCSMessage").getString("status"))
        .isEqualTo("deliveredToNetwork");
    assertThat(Eventually.until(() -> smsc.inbox(SMS_USER), list -> !list.isEmpty(),
        Duration.ofSeconds(5))).singleElement().extracting(m -> m.text()).isEqualTo("Queued");
  }

  @Test
  void smsWaitingForTheSmscWhenThePlatformStopped_goesOutAfterTheRestart() {
    platform = RunningPlatform.start(vertx, RunningPlatform.config(dataDir));
    platform.register("parcel", bot.url());
    platform.close();
    SqliteStore store = SqliteStore.open(vertx, dataDir).await();
    Instant now = Instant.now();
    store.insertMessage(new MessageRow("parcel", "queued-before-crash",
        MessageRow.Direction.BOT_TO_USER, SMS_USER, "c-1", "k-1", null,
        new JsonObject().put("textMessage", "Still coming").encode(), "h", "pending", "sms",
        null, null, now, now)).await();
    store.close().await();

    platform = RunningPlatform.start(vertx, RunningPlatform.config(dataDir));

    FakeChatbot.Received accepted = bot.next("messageStatus");
    assertThat(accepted.event().getJsonObject("RCSMessage").getString("msgId"))
        .isEqualTo("queued-before-crash");
    assertThat(accepted.event().getJsonObject("RCSMessage").getString("status"))
        .isEqualTo("deliveredToNetwork");
    assertThat(Eventually.until(
        () -> platform.platform.embeddedSmsc().orElseThrow().inbox(SMS_USER),
        list -> !list.isEmpty(), Duration.ofSeconds(5)).get(0).text()).isEqualTo("Still coming");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
