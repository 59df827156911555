package org.openmaap.platform.sip;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.platform.Eventually;
import org.openmaap.platform.FakeChatbot;
import org.openmaap.platform.RunningPlatform;
import org.openmaap.platform.SmsConfig;
import org.openmaap.platform.sms.EmbeddedSmsc.InboxMessage;

/**
 * A SIP phone that does not take a message (480) or never reports it delivered counts as offline:
 * the message goes as SMS through the platform's SMSC, revoked on the phone first.
 */
class SipFallbackTest {

  private static final String PHONE = "+8613800000088";
  private static final Duration SCENARIO = Duration.ofSeconds(40);

  @TempDir
  Path dir;

  private Vertx vertx;
  private RunningPlatform platform;
  private FakeChatbot bot;
  private String token;
  private int sipPort;

  @BeforeEach
  void start() {
    Sipp.require();
    vertx = Vertx.vertx();
    // A message on a phone that is not reported delivered within a second is revoked, and
    // 300 ms later sent as SMS.
    platform = RunningPlatform.start(vertx, RunningPlatform.config(dir.resolve("data"))
        .withSms(SmsConfig.defaults().withTimings(Duration.ofSeconds(1), Duration.ofMillis(300)))
        .withSip(SipSettings.listening("127.0.0.1:0")));
    sipPort = platform.platform.sipPort().orElseThrow();
    bot = FakeChatbot.start(vertx);
    token = platform.token(platform.register("parcel", bot.url()));
  }

  @AfterEach
  void stop() {
    if (platform != null) {
      platform.close();
      bot.close();
      vertx.close().await();
    }
  }

  @Test
  void phoneAnswering480_getsTheMessageAsSms_once_andNeverOnSipWhenItRegistersAgain()
      throws InterruptedException {
    int inbox = Sipp.freePort();
    try (Sipp unavailable = Sipp.start(dir, "phone-inbox-unavailable", "u1", inbox, sipPort,
        PHONE, Map.of())) {
      register(inbox);
      String msgId = sent("Your parcel is at the door", Instant.now().plusSeconds(3));
      unavailable.succeeds(SCENARIO);

      assertThat(status(bot.next("messageStatus"))).isEqualTo("deliveredToNetwork");
      FakeChatbot.Received asSms = bot.next("messageStatus");
      assertThat(status(asSms)).isEqualTo("deliveredAsSms");
      assertThat(asSms.event().getJsonObject("RCSMessage").getString("msgId")).isEqualTo(msgId);
      assertThat(sms()).extracting(InboxMessage::text)
          .containsExactly("Your parcel is at the door");
      // The phone refused the only MESSAGE it was sent (nothing on it to revoke): the user has
      // the SMS copy alone.
      assertThat(ReceivedMessages.all(unavailable.messages(), "MESSAGE")).hasSize(1);
    }
    try (Sipp back = Sipp.start(dir, "phone-inbox-accepts", "u1", inbox, sipPort, PHONE,
        Map.of())) {
      register(inbox);
      // A phone back online is sent what waits for it at once: the SMS'd message is not.
      Thread.sleep(1500);

      assertThat(back.running()).as(back::messages).isTrue();
      assertThat(ReceivedMessages.all(back.messages(), "MESSAGE")).isEmpty();
    }
  }

  @Test
  void phoneThatNeverReportsDelivery_isRevokedFirst_thenGetsTheSms() {
    int inbox = Sipp.freePort();
    try (Sipp silent = Sipp.start(dir, "phone-inbox-accepts", "u1", inbox, sipPort, PHONE,
        Map.of(), 2)) {
      register(inbox);
      String msgId = sent("Sign for your parcel", null);
      silent.succeeds(SCENARIO);

      List<Cpim> received = ReceivedMessages.all(silent.messages(), "MESSAGE");
      assertThat(received).hasSize(2);
      assertThat(received.get(0).header(Cpim.IMDN_NS, "Message-ID")).contains(msgId);
      assertThat(received.get(1).contentType()).isEqualTo(MediaType.REVOKE);
      assertThat(new String(received.get(1).content(), StandardCharsets.UTF_8))
          .contains("<message-id>" + msgId + "</message-id>");
      List<InboxMessage> sms = sms();
      assertThat(sms).extracting(InboxMessage::text).containsExactly("Sign for your parcel");
      // The SMS went only once the phone had the revoke (and the revoke's wait had passed).
      Instant revokedAt = ReceivedMessages.times(silent.messages(), "MESSAGE").get(1);
      assertThat(sms.get(0).receivedAt()).isAfter(revokedAt);
      assertThat(status(bot.next(event -> "messageStatus".equals(event.getString("event"))
          && "deliveredAsSms".equals(event.getJsonObject("RCSMessage").getString("status")),
          Duration.ofSeconds(10)))).isEqualTo("deliveredAsSms");
    }
  }

  private void register(int inbox) {
    try (Sipp phone = Sipp.start(dir, "phone-registers", "u1", Sipp.freePort(), sipPort, PHONE,
        Map.of("inbox", Integer.toString(inbox),
            "expires", "600"))) {
      phone.succeeds(SCENARIO);
    }
  }

  private String sent(String text, Instant expiry) {
    JsonObject rcs = new JsonObject().put("textMessage", text);
    if (expiry != null) {
      rcs.put("expiry", expiry.toString());
    }
    HttpResponse<Buffer> response = platform.send("parcel", token, new JsonObject()
        .put("messageContact", new JsonObject().put("userContact", PHONE))
        .put("RCSMessage", rcs));
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(202);
    return response.bodyAsJsonObject().getJsonObject("RCSMessage").getString("msgId");
  }

  private List<InboxMessage> sms() {
    return Eventually.until(() -> platform.platform.embeddedSmsc().orElseThrow().inbox(PHONE),
        list -> !list.isEmpty(), Duration.ofSeconds(10));
  }

  private static String status(FakeChatbot.Received event) {
    return event.event().getJsonObject("RCSMessage").getString("status");
  }
}
