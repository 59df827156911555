package org.openmaap.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.card.Fixtures;
import org.openmaap.card.sms.SmsOptions;
import org.openmaap.card.sms.SmsRendering;
import org.openmaap.card.sms.SmsText;
import org.openmaap.card.validation.Validator;
import org.openmaap.platform.sms.EmbeddedSmsc;
import org.openmaap.platform.sms.EmbeddedSmsc.InboxMessage;
import org.openmaap.platform.sms.SmscFaults;

/**
 * SMS.md end to end: the platform's own SMSC over real SMPP, a real webhook server as the bot and
 * real WebSocket devices; messages fall back, receipts become statuses, answers map back.
 */
class SmsFallbackTest {

  private static final String SMS_USER = "+8613900000042";
  private static final String RCS_USER = "+8613800000042";
  private static final String SIGNATURE = "-- Parcel Co";

  @TempDir
  Path dataDir;

  private Vertx vertx;
  private RunningPlatform platform;
  private FakeChatbot bot;
  private String token;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    // A short fallback timeout for the connected-device cases; a revoke waits 300 ms for a report.
    platform = RunningPlatform.start(vertx, RunningPlatform.config(dataDir).withSms(
        SmsConfig.defaults().withTimings(Duration.ofSeconds(1), Duration.ofMillis(300))));
    bot = FakeChatbot.start(vertx);
    HttpResponse<Buffer> registered = platform.admin(HttpMethod.POST, "/admin/v1/chatbots")
        .sendJsonObject(new JsonObject().put("botId", "parcel").put("name", "Parcel Co")
            .put("webhookUrl", bot.url()).put("website", "https://parcel.example.com")
            .put("smsSignature", SIGNATURE))
        .await();
    token = platform.token(registered.bodyAsJsonObject());
  }

  @AfterEach
  void stop() {
    platform.close();
    bot.close();
    vertx.close().await();
  }

  @Test
  void smsOnlyUser_getsTheCardsFallbackText_andReceiptsBecomeStatuses() {
    JsonObject card = new JsonObject().put("messageContact",
            new JsonObject().put("userContact", SMS_USER))
        .put("RCSMessage", new JsonObject().put("richcardMessage",
            new JsonObject(Fixtures.text("cards/valid/single-card.json"))));

    String msgId = sent(card);

    FakeChatbot.Received accepted = bot.next("messageStatus");
    FakeChatbot.Received delivered = bot.next("messageStatus");
    assertThat(status(accepted)).isEqualTo("deliveredToNetwork");
    assertThat(status(delivered)).isEqualTo("deliveredAsSms");
    assertThat(accepted.event().getString("channel")).isEqualTo("sms");
    assertThat(delivered.event().getJsonObject("RCSMessage").getString("msgId")).isEqualTo(msgId);
    SmsRendering expected = SmsText.render(Validator.validate(card.encode()).document(),
        SmsOptions.defaults().withSignature(SIGNATURE));
    InboxMessage sms = inbox(SMS_USER).get(0);
    assertThat(sms.text()).isEqualTo(expected.text());
    assertThat(sms.text()).endsWith(SIGNATURE);
    assertThat(sms.segments()).isEqualTo(expected.segmentation().segments().size());
    assertThat(sms.encoding()).isEqualToIgnoringCase(
        expected.segmentation().encoding().name().replace("_", "-"));
    assertThat(statusOf(msgId).getString("channel")).isEqualTo("sms");
  }

  @Test
  void fileAndLocation_fallBackAsALinkAndAMapLink() {
    for (String fixture : List.of("file.json", "geolocation.json")) {
      JsonObject request = new JsonObject(Fixtures.text("cards/valid/" + fixture))
          .put("messageContact", new JsonObject().put("userContact", SMS_USER));
      sent(request);
    }

    List<InboxMessage> texts = Eventually.until(() -> smsc().inbox(SMS_USER),
        list -> list.size() == 2, Duration.ofSeconds(5));
    assertThat(texts).extracting(InboxMessage::text).containsExactlyInAnyOrder(
        "boarding-pass.pdf: https://cdn.example.com/boarding-pass.pdf\n" + SIGNATURE,
        "Meet here: https://www.openstreetmap.org/?mlat=31.2304&mlon=121.4737\n" + SIGNATURE);
  }

  @Test
  void smsBodyText_isSentInsteadOfTheRendering() {
    JsonObject request = ConversationTest.text(SMS_USER, "A rich text");
    request.getJsonObject("RCSMessage").put("smsBodyText", "Plain words for SMS");

    sent(request);

    assertThat(bot.next("messageStatus").event().getJsonObject("RCSMessage").getString("status"))
        .isEqualTo("deliveredToNetwork");
    assertThat(inbox(SMS_USER).get(0).text()).isEqualTo("Plain words for SMS\n" + SIGNATURE);
  }

  @Test
  void offlineRcsDevice_pastTheExpiry_isRevokedAndGetsTheSms_andNeverShowsIt() {
    platform.request(HttpMethod.PUT, "/network/v1/devices/" + RCS_USER)
        .bearerTokenAuthentication(RunningPlatform.NETWORK_TOKEN)
        .sendJsonObject(new JsonObject()).await();
    JsonObject request = ConversationTest.text(RCS_USER, "Your parcel is here");
    request.getJsonObject("RCSMessage").put("expiry", Instant.now().plusMillis(500).toString());

    String msgId = sent(request);

    assertThat(status(bot.next("messageStatus"))).isEqualTo("deliveredToNetwork");
    assertThat(inbox(RCS_USER)).extracting(InboxMessage::text)
        .containsExactly("Your parcel is here\n" + SIGNATURE);
    try (TestDevice phone = platform.device(RCS_USER)) {
      assertThat(phone.noneWithin("message", Duration.ofMillis(500))).isTrue();
    }
    assertThat(statusOf(msgId).getJsonObject("RCSMessage").getString("status"))
        .isIn("deliveredToNetwork", "deliveredAsSms");
  }

  @Test
  void connectedDeviceThatNeverReportsDelivery_isRevoked_andReconnectingDropsTheMessage() {
    String msgId;
    try (TestDevice phone = platform.device(RCS_USER)) {
      msgId = sent(ConversationTest.text(RCS_USER, "Are you there?"));
      assertThat(phone.next("message").getString("msgId")).isEqualTo(msgId);
      // No delivered report: after the 1 s fallback timeout the copy is revoked.
      assertThat(phone.next("revoke").getString("msgId")).isEqualTo(msgId);
    }

    assertThat(status(bot.next("messageStatus"))).isEqualTo("deliveredToNetwork");
    assertThat(inbox(RCS_USER)).hasSize(1);
    try (TestDevice again = platform.device(RCS_USER)) {
      assertThat(again.next("revoke").getString("msgId")).isEqualTo(msgId);
      assertThat(again.noneWithin("message", Duration.ofMillis(500))).isTrue();
    }
  }

  @Test
  void deliveredReportDuringTheRevoke_wins_andNoSmsGoesOut() {
    String msgId;
    try (TestDevice phone = platform.device(RCS_USER)) {
      msgId = sent(ConversationTest.text(RCS_USER, "Just in time"));
      phone.next("message");
      phone.next("revoke");
      // The phone had shown it already: its report crosses the revoke.
      phone.send(new JsonObject().put("type", "delivered").put("msgId", msgId));

      FakeChatbot.Received report = bot.next("messageStatus");
      assertThat(status(report)).isEqualTo("delivered");
      assertThat(report.event().getString("channel")).isEqualTo("rcs");
    }
    assertThat(bot.noneWithin(event -> "messageStatus".equals(event.getString("event")),
        Duration.ofSeconds(1))).isTrue();
    assertThat(smsc().inbox(RCS_USER)).isEmpty();
    assertThat(statusOf(msgId).getJsonObject("RCSMessage").getString("status"))
        .isEqualTo("delivered");
  }

  @Test
  void answersByNumber_hashNumber_fullwidthNumber_andLabel_reachTheBotAsTheTappedChip() {
    JsonObject chips = new JsonObject("""
        {"messageContact": {"userContact": "%s"},
         "RCSMessage": {"textMessage": "When shall we deliver?", "suggestedChipList": {
           "suggestions": [
             {"reply": {"displayText": "Morning", "postback": {"data": "slot:am"}}},
             {"action": {"dialerAction": {"dialPhoneNumber": {"phoneNumber": "+8610086"}},
                         "displayText": "Call us", "postback": {"data": "call"}}},
             {"action": {"mapAction": {"requestLocationPush": {}},
                         "displayText": "Send location", "postback": {"data": "where"}}},
             {"reply": {"displayText": "Evening", "postback": {"data": "slot:pm"}}}]}}}"""
        .formatted(SMS_USER));
    sent(chips);
    bot.next("messageStatus");
    // Replies and requestLocationPush are numbered; the dial action is a line of its own.
    assertThat(inbox(SMS_USER).get(0).text()).contains("1) Morning", "2) Send location",
        "3) Evening", "Call us: +8610086");

    for (String answer : List.of("3", "#3", "３", " 3) ", "evening")) {
      answer(SMS_USER, answer);
      FakeChatbot.Received response = bot.next("response");
      JsonObject tapped = response.event().getJsonObject("RCSMessage")
          .getJsonObject("suggestedResponse").getJsonObject("response").getJsonObject("reply");
      assertThat(tapped.getJsonObject("postback").getString("data")).as(answer)
          .isEqualTo("slot:pm");
      assertThat(tapped.getString("displayText")).isEqualTo("Evening");
      assertThat(response.event().getString("channel")).isEqualTo("sms");
    }
    answer(SMS_USER, "2");
    JsonObject action = bot.next("response").event().getJsonObject("RCSMessage")
        .getJsonObject("suggestedResponse").getJsonObject("response").getJsonObject("action");
    assertThat(action.getJsonObject("postback").getString("data")).isEqualTo("where");
  }

  @Test
  void aNewerFallbackWithChoices_replacesThePendingChoicesOfTheOlder() {
    sent(withReplies("Which size?", "Small", "size:s", "Large", "size:l"));
    // The second is sent once the first went out as SMS: two sends in a row are routed at once,
    // and the second may go out first (then it is the older one).
    Eventually.until(() -> smsc().inbox(SMS_USER), list -> list.size() == 1,
        Duration.ofSeconds(5));
    sent(withReplies("Which milk?", "Oat", "milk:oat", "Soy", "milk:soy"));
    Eventually.until(() -> smsc().inbox(SMS_USER), list -> list.size() == 2,
        Duration.ofSeconds(5));

    answer(SMS_USER, "1");

    assertThat(bot.next("response").event().getJsonObject("RCSMessage")
        .getJsonObject("suggestedResponse").getJsonObject("response").getJsonObject("reply")
        .getJsonObject("postback").getString("data")).isEqualTo("milk:oat");
  }

  @Test
  void offlineRcsDevice_withStoreNotSupported_getsTheSmsAtOnce() {
    platform.request(HttpMethod.PUT, "/network/v1/devices/" + RCS_USER)
        .bearerTokenAuthentication(RunningPlatform.NETWORK_TOKEN)
        .sendJsonObject(new JsonObject()).await();
    JsonObject request = ConversationTest.text(RCS_USER, "Now or never");
    request.getJsonObject("RCSMessage").put("storeSupported", false);

    sent(request);

    assertThat(status(bot.next("messageStatus"))).isEqualTo("deliveredToNetwork");
    assertThat(inbox(RCS_USER).get(0).text()).startsWith("Now or never");
  }

  @Test
  void freeText_reachesTheBotAsAMessageOnTheSmsChannel() {
    sent(ConversationTest.text(SMS_USER, "How was your delivery?"));
    bot.next("messageStatus");

    answer(SMS_USER, "Great, thanks!");

    FakeChatbot.Received message = bot.next("message");
    assertThat(message.event().getJsonObject("RCSMessage").getString("textMessage"))
        .isEqualTo("Great, thanks!");
    assertThat(message.event().getString("channel")).isEqualTo("sms");
    assertThat(message.event().getJsonObject("messageContact").getString("userContact"))
        .isEqualTo(SMS_USER);
  }

  @Test
  void stop_optsTheUserOut_andTheBotsNextSmsFailsWithoutGoingOut() {
    sent(ConversationTest.text(SMS_USER, "Deals every day!"));
    bot.next("messageStatus");

    answer(SMS_USER, "stop");

    assertThat(bot.next("message").event().getJsonObject("RCSMessage").getString("textMessage"))
        .isEqualTo("stop");
    assertThat(Eventually.until(() -> inbox(SMS_USER), list -> list.size() == 2,
        Duration.ofSeconds(5)).get(1).text()).contains("no more SMS from Parcel Co");
    String msgId = sent(ConversationTest.text(SMS_USER, "More deals!"));
    FakeChatbot.Received failed = bot.next(event -> "messageStatus".equals(event.getString("event"))
        && "failed".equals(event.getJsonObject("RCSMessage").getString("status")),
        Duration.ofSeconds(10));
    assertThat(failed.event().getJsonObject("RCSMessage").getString("msgId")).isEqualTo(msgId);
    assertThat(failed.event().getJsonObject("RCSMessage").getJsonObject("error")
        .getString("reason")).isEqualTo("opted_out");
    assertThat(inbox(SMS_USER)).hasSize(2);

    answer(SMS_USER, "START");
    bot.next("message");
    sent(ConversationTest.text(SMS_USER, "Welcome back"));
    assertThat(Eventually.until(() -> inbox(SMS_USER), list -> list.size() == 4,
        Duration.ofSeconds(5)).get(3).text()).startsWith("Welcome back");
  }

  @Test
  void help_isAnsweredWithTheBotsNameAndWebsite_andNotPassedOn() {
    sent(ConversationTest.text(SMS_USER, "Hello"));
    bot.next("messageStatus");

    answer(SMS_USER, "HELP");

    InboxMessage help = Eventually.until(() -> inbox(SMS_USER), list -> list.size() == 2,
        Duration.ofSeconds(5)).get(1);
    assertThat(help.text()).contains("Parcel Co").contains("https://parcel.example.com");
    assertThat(bot.all()).noneMatch(e -> "message".equals(e.event().getString("event")));
  }

  @Test
  void smsFromAUserNoBotWroteTo_isDroppedNotGuessed() {
    answer("+8613900000077", "1");

    assertThat(bot.noneWithin(event -> true, Duration.ofSeconds(1))).isTrue();
  }

  @Test
  void throttledSubmit_isRetried_andArrivesOnce() {
    SmscFaults.of(smsc()).throttleNext(2);

    sent(ConversationTest.text(SMS_USER, "Slowly"));

    assertThat(status(bot.next("messageStatus"))).isEqualTo("deliveredToNetwork");
    assertThat(inbox(SMS_USER)).hasSize(1);
  }

  @Test
  void failedReceipt_becomesFailedWithTheReceiptsStatAndErr() {
    SmscFaults.of(smsc()).failNextReceipts(1, "UNDELIV", "013");

    sent(ConversationTest.text(SMS_USER, "Nobody home"));

    assertThat(status(bot.next("messageStatus"))).isEqualTo("deliveredToNetwork");
    FakeChatbot.Received failed = bot.next("messageStatus");
    assertThat(status(failed)).isEqualTo("failed");
    JsonObject error = failed.event().getJsonObject("RCSMessage").getJsonObject("error");
    assertThat(error.getString("stat")).isEqualTo("UNDELIV");
    assertThat(error.getString("err")).isEqualTo("013");
    assertThat(failed.event().getString("channel")).isEqualTo("sms");
  }

  @Test
  void health_showsTheBind() {
    JsonObject health = platform.request(HttpMethod.GET, "/admin/v1/health").send().await()
        .bodyAsJsonObject();

    assertThat(health.getJsonObject("smsc").getString("mode")).isEqualTo("embedded");
    assertThat(Eventually.until(() -> platform.request(HttpMethod.GET, "/admin/v1/health").send()
        .await().bodyAsJsonObject().getJsonObject("smsc").getBoolean("bound"), b -> b,
        Duration.ofSeconds(5))).isTrue();
  }

  // --- helpers ------------------------------------------------------------------------------------

  private static JsonObject withReplies(String text, String first, String firstData,
      String second, String secondData) {
    return new JsonObject().put("messageContact", new JsonObject().put("userContact", SMS_USER))
        .put("RCSMessage", new JsonObject().put("textMessage", text)
            .put("suggestedChipList", new JsonObject().put("suggestions", new JsonArray()
                .add(new JsonObject().put("reply", new JsonObject().put("displayText", first)
                    .put("postback", new JsonObject().put("data", firstData))))
                .add(new JsonObject().put("reply", new JsonObject().put("displayText", second)
                    .put("postback", new JsonObject().put("data", secondData)))))));
  }

  private String sent(JsonObject request) {
    HttpResponse<Buffer> response = platform.send("parcel", token, request);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(202);
    return response.bodyAsJsonObject().getJsonObject("RCSMessage").getString("msgId");
  }

  private EmbeddedSmsc smsc() {
    return platform.platform.embeddedSmsc().orElseThrow();
  }

  /** The phone's SMS inbox once the SMSC has something for it. */
  private List<InboxMessage> inbox(String msisdn) {
    return Eventually.until(() -> smsc().inbox(msisdn), list -> !list.isEmpty(),
        Duration.ofSeconds(5));
  }

  private void answer(String from, String text) {
    HttpResponse<Buffer> sent = platform.request(HttpMethod.POST, "/network/v1/sms/" + from
            + "/outbox").bearerTokenAuthentication(RunningPlatform.NETWORK_TOKEN)
        .sendJsonObject(new JsonObject().put("to", "10690000").put("text", text)).await();
    assertThat(sent.statusCode()).as(sent.bodyAsString()).isEqualTo(202);
  }

  private JsonObject statusOf(String msgId) {
    return platform.request(HttpMethod.GET, "/bot/v1/parcel/messages/" + msgId + "/status")
        .bearerTokenAuthentication(token).send().await().bodyAsJsonObject();
  }

  private static String status(FakeChatbot.Received event) {
    return event.event().getJsonObject("RCSMessage").getString("status");
  }
}
