package org.openmaap.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.card.sms.SmsSegments;
import org.openmaap.platform.sms.EmbeddedSmsc;
import org.openmaap.platform.sms.SmppSettings;
import org.openmaap.platform.sms.SmscFaults;

/**
 * Users' SMS across a restart of the platform (same data dir, a new SMSC session): a text whose
 * parts come on both sides of it reaches the bot as one message, and what the platform took
 * before it is still dropped when the SMSC sends it again within the redelivery window.
 */
class SmsAnswersRestartTest {

  private static final String SMS_USER = "+8613900000043";
  private static final String SENDER = SmppSettings.DEFAULT_SOURCE_ADDRESS;
  private static final String LONG_TEXT =
      "Please leave the parcel with the neighbour at number 12, thanks. ".repeat(4);

  @TempDir
  Path dataDir;

  private Vertx vertx;
  private RunningPlatform platform;
  private FakeChatbot bot;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    platform = RunningPlatform.start(vertx, RunningPlatform.config(dataDir));
    bot = FakeChatbot.start(vertx);
    JsonObject registration = platform.register("parcel", bot.url());
    // The user's answers go to the bot whose SMS reached them last.
    HttpResponse<Buffer> sent = platform.send("parcel", platform.token(registration),
        ConversationTest.text(SMS_USER, "Where shall we leave it?"));
    assertThat(sent.statusCode()).as(sent.bodyAsString()).isEqualTo(202);
    bot.next("messageStatus");
  }

  @AfterEach
  void stop() {
    platform.close();
    bot.close();
    vertx.close().await();
  }

  @Test
  void partOneBeforeARestart_partTwoAfterIt_reachTheBotAsOneMessage() {
    assertThat(SmsSegments.split(LONG_TEXT).count()).isEqualTo(2);
    faults().deliverParts(SMS_USER, SENDER, LONG_TEXT, 7, 1).await();

    restart();
    faults().deliverParts(SMS_USER, SENDER, LONG_TEXT, 7, 2).await();

    assertThat(text(bot.next("message"))).isEqualTo(LONG_TEXT);
    assertThat(bot.noneWithin(SmsAnswersRestartTest::isMessage, Duration.ofSeconds(1))).isTrue();
  }

  @Test
  void textsTakenBeforeARestart_sentAgainAfterIt_areDropped() {
    faults().deliverParts(SMS_USER, SENDER, LONG_TEXT, 9, 1, 2).await();
    assertThat(text(bot.next("message"))).isEqualTo(LONG_TEXT);
    smsc().deliver(SMS_USER, SENDER, "Thanks!").await();
    assertThat(text(bot.next("message"))).isEqualTo("Thanks!");

    restart();
    faults().deliverParts(SMS_USER, SENDER, LONG_TEXT, 9, 1, 2).await();
    smsc().deliver(SMS_USER, SENDER, "Thanks!").await();
    // Sent after the copies were answered, so the bot gets it after anything they could give.
    smsc().deliver(SMS_USER, SENDER, "See you").await();

    assertThat(text(bot.next("message"))).isEqualTo("See you");
  }

  private void restart() {
    platform.close();
    platform = RunningPlatform.start(vertx, RunningPlatform.config(dataDir));
    Eventually.until(() -> platform.request(HttpMethod.GET, "/admin/v1/health").send().await()
        .bodyAsJsonObject().getJsonObject("smsc").getBoolean("bound"), bound -> bound,
        Duration.ofSeconds(10));
  }

  private EmbeddedSmsc smsc() {
    return platform.platform.embeddedSmsc().orElseThrow();
  }

  private SmscFaults faults() {
    return SmscFaults.of(smsc());
  }

  private static boolean isMessage(JsonObject event) {
    return "message".equals(event.getString("event"));
  }

  private static String text(FakeChatbot.Received message) {
    return message.event().getJsonObject("RCSMessage").getString("textMessage");
  }
}
