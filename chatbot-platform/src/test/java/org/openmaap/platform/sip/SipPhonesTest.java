package org.openmaap.platform.sip;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.card.model.FileMessage;
import org.openmaap.card.model.GeolocationPushMessage;
import org.openmaap.card.network.FtHttp;
import org.openmaap.card.network.Multipart;
import org.openmaap.card.network.PushLocation;
import org.openmaap.platform.FakeChatbot;
import org.openmaap.platform.RunningPlatform;
import org.openmaap.platform.TestDevice;

/** SIPp phones against a running platform with its SIP interface on: SIP.md's acceptance. */
class SipPhonesTest {

  private static final String PHONE = "+8613800000077";
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
    platform = RunningPlatform.start(vertx, RunningPlatform.config(dir.resolve("data"))
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
  void registeredPhone_writesToTheBot_getsItsCardWithChips_reportsIt_andTapsAChip() {
    int inbox = Sipp.freePort();
    try (Sipp phoneInbox = Sipp.start(dir, "phone-inbox-card", "u1", inbox, sipPort, PHONE,
            Map.of("bot", "parcel"));
        Sipp phone = Sipp.start(dir, "phone-writes", "u1", Sipp.freePort(), sipPort, PHONE,
            Map.of("bot", "parcel", "inbox", Integer.toString(inbox)))) {
      phone.succeeds(SCENARIO);

      FakeChatbot.Received message = bot.next("message");
      assertThat(message.event().getJsonObject("messageContact").getString("userContact"))
          .isEqualTo(PHONE);
      assertThat(message.event().getJsonObject("RCSMessage").getString("textMessage"))
          .isEqualTo("Where is my parcel?");
      // The phone's Contribution-ID, so that a reply in to it names what the phone knows.
      assertThat(message.event().getString("contributionId")).startsWith("contrib-");

      JsonObject card = card();
      String msgId = sent(new JsonObject()
          .put("messageContact", new JsonObject().put("userContact", PHONE))
          .put("RCSMessage", card.copy()));
      phoneInbox.succeeds(SCENARIO);

      assertThat(status(bot.next(statusOf(msgId, "delivered"), Duration.ofSeconds(10))))
          .isEqualTo("delivered");
      assertThat(status(bot.next(statusOf(msgId, "displayed"), Duration.ofSeconds(10))))
          .isEqualTo("displayed");
      FakeChatbot.Received tap = bot.next("response");
      assertThat(tap.event().getJsonObject("messageContact").getString("userContact"))
          .isEqualTo(PHONE);
      // The suggestion response exactly as the phone sent it (phone-inbox-card.xml).
      assertThat(tap.event().getJsonObject("RCSMessage").getJsonObject("suggestedResponse"))
          .isEqualTo(new JsonObject().put("response", new JsonObject().put("reply",
              new JsonObject().put("displayText", "Track it")
                  .put("postback", new JsonObject().put("data", "track_parcel")))));

      Cpim received = ReceivedMessages.first(phoneInbox.messages(), "MESSAGE");
      assertThat(received.header(Cpim.IMDN_NS, "Message-ID")).contains(msgId);
      MediaType type = MediaType.parse(received.contentType());
      Multipart parts = Multipart.read(type.param("boundary"), received.content());
      assertThat(parts.parts()).extracting(Multipart.Part::contentType)
          .containsExactly(MediaType.BOT_MESSAGE, MediaType.BOT_SUGGESTION);
      assertThat(json(parts.parts().get(0))).isEqualTo(card.getJsonObject("richcardMessage"));
      assertThat(json(parts.parts().get(1))).isEqualTo(card.getJsonObject("suggestedChipList"));
    }
  }

  @Test
  void optionsToABot_answersWithTheChatbotFeatureTags_andToNoBot404() {
    try (Sipp phone = Sipp.start(dir, "phone-options", "u1", Sipp.freePort(), sipPort, PHONE,
        Map.of("bot", "parcel"))) {
      phone.succeeds(SCENARIO);
    }
  }

  @Test
  void typing_reachesTheBotAsIsTyping_andTheBotsTypingReachesThePhoneAsIsComposing() {
    int inbox = Sipp.freePort();
    try (Sipp phoneInbox = Sipp.start(dir, "phone-inbox-typing", "t1", inbox, sipPort, PHONE,
            Map.of("bot", "parcel"));
        Sipp phone = Sipp.start(dir, "phone-typing", "t1", Sipp.freePort(), sipPort, PHONE,
            Map.of("bot", "parcel", "inbox", Integer.toString(inbox)))) {
      phone.succeeds(SCENARIO);

      FakeChatbot.Received typing = bot.next("isTyping");
      assertThat(typing.event().getJsonObject("messageContact").getString("userContact"))
          .isEqualTo(PHONE);
      assertThat(typing.event().getJsonObject("RCSMessage").getString("isTyping"))
          .isEqualTo("active");

      sent(new JsonObject().put("messageContact", new JsonObject().put("userContact", PHONE))
          .put("RCSMessage", new JsonObject().put("isTyping", "active")));
      phoneInbox.succeeds(SCENARIO);
    }
  }

  @Test
  void sharedLocationAndFile_reachTheBotAsTheMessagesAWebSocketDeviceWouldSend() {
    try (Sipp phone = Sipp.start(dir, "phone-shares", "t1", Sipp.freePort(), sipPort, PHONE,
        Map.of("bot", "parcel"))) {
      phone.succeeds(SCENARIO);
    }

    JsonObject location = bot.next("message").event().getJsonObject("RCSMessage")
        .getJsonObject("geolocationPushMessage");
    JsonObject file = bot.next("message").event().getJsonObject("RCSMessage")
        .getJsonObject("fileMessage");
    assertThat(location.getString("pos")).isEqualTo("31.2304 121.4737");
    assertThat(location.getString("label")).isEqualTo("Pick-up point");
    assertThat(location.getDouble("radius")).isEqualTo(10.0);
    assertThat(file.getString("fileUrl")).isEqualTo("https://files.example.com/f/9f2c1e.jpg");
    assertThat(file.getString("fileName")).isEqualTo("parcel-photo.jpg");
    assertThat(file.getString("fileMIMEType")).isEqualTo("image/jpeg");
    assertThat(file.getLong("fileSize")).isEqualTo(183524L);
    assertThat(file.getString("thumbnailUrl")).isEqualTo("https://files.example.com/t/9f2c1e.jpg");
  }

  @Test
  void botsFileAndLocation_reachThePhoneAsFtHttpAndPidfLo_theReplyNamingThePhonesContribution() {
    int inbox = Sipp.freePort();
    try (Sipp phoneInbox = Sipp.start(dir, "phone-inbox-accepts", "u1", inbox, sipPort, PHONE,
            Map.of(), 2);
        Sipp phone = Sipp.start(dir, "phone-writes", "u1", Sipp.freePort(), sipPort, PHONE,
            Map.of("bot", "parcel", "inbox", Integer.toString(inbox)))) {
      phone.succeeds(SCENARIO);
      String contribution = bot.next("message").event().getString("contributionId");
      FileMessage file = new FileMessage("https://files.example.com/f/label.pdf", "label.pdf",
          "application/pdf", 52_000L, null, null, null);
      GeolocationPushMessage depot = new GeolocationPushMessage("31.2304 121.4737", "Depot",
          null, null, null);

      sent(new JsonObject().put("messageContact", new JsonObject().put("userContact", PHONE))
          .put("RCSMessage", new JsonObject().put("inReplyToContributionId", contribution)
              .put("fileMessage", new JsonObject().put("fileUrl", file.fileUrl())
                  .put("fileName", file.fileName()).put("fileMIMEType", file.fileMIMEType())
                  .put("fileSize", file.fileSize()))));
      sent(new JsonObject().put("messageContact", new JsonObject().put("userContact", PHONE))
          .put("RCSMessage", new JsonObject().put("geolocationPushMessage",
              new JsonObject().put("pos", depot.pos()).put("label", depot.label()))));
      phoneInbox.succeeds(SCENARIO);

      List<Cpim> received = ReceivedMessages.all(phoneInbox.messages(), "MESSAGE");
      assertThat(received).extracting(Cpim::contentType)
          .containsExactlyInAnyOrder(FtHttp.CONTENT_TYPE, PushLocation.CONTENT_TYPE);
      assertThat(FtHttp.read(content(received, FtHttp.CONTENT_TYPE)).file()).isEqualTo(file);
      assertThat(PushLocation.read(content(received, PushLocation.CONTENT_TYPE)).location())
          .isEqualTo(depot);
      assertThat(phoneInbox.messages()).contains("InReplyTo-Contribution-ID: " + contribution);
    }
  }

  @Test
  void botReadingThePhonesMessage_sendsADisplayedImdnNamingThePhonesOwnMessageId() {
    int inbox = Sipp.freePort();
    try (Sipp phoneInbox = Sipp.start(dir, "phone-inbox-accepts", "u1", inbox, sipPort, PHONE,
            Map.of());
        Sipp phone = Sipp.start(dir, "phone-writes", "u1", Sipp.freePort(), sipPort, PHONE,
            Map.of("bot", "parcel", "inbox", Integer.toString(inbox)))) {
      phone.succeeds(SCENARIO);
      String msgId = bot.next("message").event().getJsonObject("RCSMessage").getString("msgId");

      HttpResponse<Buffer> read = platform.http.put("/bot/v1/parcel/messages/" + msgId
              + "/status").bearerTokenAuthentication(token)
          .sendJsonObject(new JsonObject().put("RCSMessage",
              new JsonObject().put("status", "displayed"))).await();
      assertThat(read.statusCode()).as(read.bodyAsString()).isEqualTo(200);
      phoneInbox.succeeds(SCENARIO);

      Cpim imdn = ReceivedMessages.first(phoneInbox.messages(), "MESSAGE");
      assertThat(imdn.contentType()).isEqualTo(MediaType.IMDN);
      Imdn report = Imdn.read(imdn.content());
      assertThat(report).isEqualTo(new Imdn("phone-msg-1", Imdn.Status.DISPLAYED));
    }
  }

  @Test
  void phoneThatUnregistered_isNotSentTheBotsMessage_itWaits() {
    int inbox = Sipp.freePort();
    try (Sipp phone = Sipp.start(dir, "phone-leaves", "u1", Sipp.freePort(), sipPort, PHONE,
        Map.of("inbox", Integer.toString(inbox)))) {
      phone.succeeds(SCENARIO);
    }
    try (Sipp phoneInbox = Sipp.start(dir, "phone-inbox-accepts", "u1", inbox, sipPort, PHONE,
        Map.of())) {
      String msgId = sent(new JsonObject()
          .put("messageContact", new JsonObject().put("userContact", PHONE))
          .put("RCSMessage", new JsonObject().put("textMessage", "Anyone home?")));

      // The number was seen, so it stays RCS-capable: the message waits for the phone.
      assertThat(bot.noneWithin(event -> "messageStatus".equals(event.getString("event")),
          Duration.ofSeconds(2))).isTrue();
      JsonObject status = platform.http.get("/bot/v1/parcel/messages/" + msgId + "/status")
          .bearerTokenAuthentication(token).send().await().bodyAsJsonObject();
      assertThat(status.getJsonObject("RCSMessage").getString("status")).isEqualTo("pending");
      assertThat(ReceivedMessages.all(phoneInbox.messages(), "MESSAGE")).isEmpty();
    }
  }

  @Test
  void register_withRcsFeatureTags_feedsTheContactsCapabilities() {
    try (Sipp phone = Sipp.start(dir, "phone-registers-rcs", "u1", Sipp.freePort(), sipPort,
        PHONE, Map.of("inbox", Integer.toString(Sipp.freePort())))) {
      phone.succeeds(SCENARIO);
    }

    JsonObject capabilities = platform.http.get("/bot/v1/parcel/contactCapabilities?userContact="
            + PHONE.replace("+", "%2B")).bearerTokenAuthentication(token).send().await()
        .bodyAsJsonObject();

    assertThat(capabilities.getBoolean("rcs")).isTrue();
    assertThat(capabilities.getJsonArray("features").getList())
        .containsExactly("chatbot", "richcard", "carousel", "fileTransfer");
  }

  @Test
  void numberOnSipAndWebSocketAtOnce_getsTheBotsMessageOnBoth_andOneDeliveredReportCounts() {
    int inbox = Sipp.freePort();
    try (Sipp phoneInbox = Sipp.start(dir, "phone-inbox-accepts", "u1", inbox, sipPort, PHONE,
            Map.of());
        TestDevice simulator = platform.device(PHONE)) {
      try (Sipp phone = Sipp.start(dir, "phone-registers", "u1", Sipp.freePort(), sipPort,
          PHONE, Map.of("inbox", Integer.toString(inbox),
            "expires", "600"))) {
        phone.succeeds(SCENARIO);
      }

      String msgId = sent(new JsonObject()
          .put("messageContact", new JsonObject().put("userContact", PHONE))
          .put("RCSMessage", new JsonObject().put("textMessage", "On both screens")));
      phoneInbox.succeeds(SCENARIO);
      JsonObject frame = simulator.next("message");
      simulator.send(new JsonObject().put("type", "delivered").put("msgId", msgId));

      assertThat(frame.getString("msgId")).isEqualTo(msgId);
      assertThat(ReceivedMessages.first(phoneInbox.messages(), "MESSAGE").content()).asString()
          .isEqualTo("On both screens");
      assertThat(status(bot.next(statusOf(msgId, "delivered"), Duration.ofSeconds(10))))
          .isEqualTo("delivered");
    }
  }

  @Test
  void registrationThatExpired_isOffline_theBotsMessageWaits() throws InterruptedException {
    int inbox = Sipp.freePort();
    try (Sipp phone = Sipp.start(dir, "phone-registers", "u1", Sipp.freePort(), sipPort, PHONE,
        Map.of("inbox", Integer.toString(inbox), "expires", "1"))) {
      phone.succeeds(SCENARIO);
    }
    Thread.sleep(1500);
    try (Sipp phoneInbox = Sipp.start(dir, "phone-inbox-accepts", "u1", inbox, sipPort, PHONE,
        Map.of())) {
      String msgId = sent(new JsonObject()
          .put("messageContact", new JsonObject().put("userContact", PHONE))
          .put("RCSMessage", new JsonObject().put("textMessage", "Still there?")));

      Thread.sleep(1000);
      JsonObject status = platform.http.get("/bot/v1/parcel/messages/" + msgId + "/status")
          .bearerTokenAuthentication(token).send().await().bodyAsJsonObject();
      assertThat(status.getJsonObject("RCSMessage").getString("status")).isEqualTo("pending");
      assertThat(ReceivedMessages.all(phoneInbox.messages(), "MESSAGE")).isEmpty();
    }
  }

  // --- helpers ------------------------------------------------------------------------------------

  private static JsonObject card() {
    return new JsonObject("""
        {"richcardMessage": {"message": {"generalPurposeCard": {
           "layout": {"cardOrientation": "VERTICAL"},
           "content": {"title": "Parcel 4711", "description": "Out for delivery today",
             "suggestions": [{"action": {"urlAction": {"openUrl": {"url": "https://parcel.example.com/4711"}},
               "displayText": "Details", "postback": {"data": "details"}}}]}}}},
         "suggestedChipList": {"suggestions": [
           {"reply": {"displayText": "Track it", "postback": {"data": "track_parcel"}}},
           {"reply": {"displayText": "Thanks", "postback": {"data": "thanks"}}}]}}""");
  }

  private static byte[] content(List<Cpim> received, String contentType) {
    return received.stream().filter(cpim -> cpim.contentType().equals(contentType)).findFirst()
        .orElseThrow().content();
  }

  private static JsonObject json(Multipart.Part part) {
    return new JsonObject(new String(part.content(), StandardCharsets.UTF_8));
  }

  private String sent(JsonObject request) {
    HttpResponse<Buffer> response = platform.send("parcel", token, request);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(202);
    return response.bodyAsJsonObject().getJsonObject("RCSMessage").getString("msgId");
  }

  private static Predicate<JsonObject> statusOf(String msgId, String status) {
    return event -> "messageStatus".equals(event.getString("event"))
        && msgId.equals(event.getJsonObject("RCSMessage").getString("msgId"))
        && status.equals(event.getJsonObject("RCSMessage").getString("status"));
  }

  private static String status(FakeChatbot.Received event) {
    return event.event().getJsonObject("RCSMessage").getString("status");
  }
}
