package org.openmaap.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.multipart.MultipartForm;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.card.Fixtures;
import org.openmaap.platform.delivery.JumpingClock;
import org.openmaap.platform.sms.EmbeddedSmsc.InboxMessage;

/**
 * A CT/CU chatbot, written from DIALECTS.md against real HTTP: its accessToken, sends of every
 * content type to RCS phones (WebSocket devices) and SMS-only ones (the embedded SMSC), and the
 * signed notifications its notify server gets.
 */
class CtcuDialectTest {

  private static final String RCS_USER = "+8613900000001";
  private static final String SMS_USER = "+8613900000002";
  private static final String URI = "sip:ctbot@test.local";
  private static final String ENCODED_URI = "sip%3Actbot%40test.local";
  private static final String TEXT = "text/plain";
  private static final String CARD = "application/vnd.gsma.botmessage.v1.0+json";
  private static final String CHIPS = "application/vnd.gsma.botsuggestion.v1.0+json";
  private static final String RESPONSE = "application/vnd.gsma.botsuggestion.response.v1.0+json";
  private static final String FILE = "application/vnd.gsma.rcs-ft-http";

  @TempDir Path dataDir;
  private final JumpingClock clock = new JumpingClock();
  private Vertx vertx;
  private RunningPlatform platform;
  private CtcuNotifyServer notify;
  private JsonObject registration;
  private String token;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    platform = RunningPlatform.start(vertx, RunningPlatform.config(dataDir).withSms(
        SmsConfig.defaults().withTimings(Duration.ofSeconds(1), Duration.ofMillis(300))), clock);
    notify = CtcuNotifyServer.start(vertx);
    registration = register("ctbot", "sha256");
    notify.verifyWith(registration.getString("notifyToken"), "sha256");
    token = accessToken(URI, registration).bodyAsJsonObject().getString("accessToken");
  }

  @AfterEach
  void stop() {
    platform.close();
    notify.close();
    vertx.close().await();
  }

  @Test
  void registration_answersAppIdAppKeyAndNotifyToken_andTheAccessTokenOpensTheApi() {
    assertThat(registration.getString("dialect")).isEqualTo("ctcu");
    assertThat(registration.getString("appId")).isEqualTo(registration.getString("clientId"));
    assertThat(registration.getString("appKey")).isNotBlank();
    assertThat(registration.getString("notifyToken")).isNotBlank();

    HttpResponse<Buffer> issued = accessToken(ENCODED_URI, registration);
    JsonObject wrongKey = registration.copy().put("appKey", "wrong");
    HttpResponse<Buffer> refused = accessToken(URI, wrongKey);
    HttpResponse<Buffer> noToken = platform.request(HttpMethod.POST, "/bot/v1/" + URI
        + "/messages").sendJsonObject(text("m-0a", "hi", RCS_USER)).await();
    HttpResponse<Buffer> badToken = platform.request(HttpMethod.POST, "/bot/v1/" + URI
        + "/messages").putHeader("Authorization", "accessToken nope")
        .sendJsonObject(text("m-0b", "hi", RCS_USER)).await();
    HttpResponse<Buffer> bare = platform.request(HttpMethod.POST, "/bot/v1/" + URI + "/messages")
        .putHeader("Authorization", token).sendJsonObject(text("m-0c", "hi", RCS_USER)).await();

    assertThat(issued.statusCode()).isEqualTo(200);
    assertThat(issued.bodyAsJsonObject().getInteger("errorCode")).isZero();
    assertThat(issued.bodyAsJsonObject().getString("errorMessage")).isEqualTo("success");
    assertThat(issued.bodyAsJsonObject().getLong("expires")).isPositive();
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.bodyAsJsonObject().getInteger("errorCode")).isEqualTo(40014);
    assertThat(noToken.statusCode()).isEqualTo(401);
    assertThat(noToken.bodyAsJsonObject().getInteger("errorCode")).isEqualTo(41001);
    assertThat(badToken.statusCode()).isEqualTo(401);
    assertThat(badToken.bodyAsJsonObject().getInteger("errorCode")).isEqualTo(40014);
    assertThat(bare.statusCode()).isEqualTo(200);
    assertThat(bare.bodyAsJsonObject().getInteger("errorCode")).isZero();
    // Only the send with the bare token was stored.
    assertThat(stored("ctbot")).isEqualTo(1);
  }

  @Test
  void expiredToken_is401With40014_andNothingIsStored_untilANewTokenIsTaken() {
    clock.jump(PlatformConfig.DEFAULT_TOKEN_TTL.plusMinutes(1));

    HttpResponse<Buffer> expired = send(URI, text("late-1", "too late", RCS_USER));
    String fresh = accessToken(URI, registration).bodyAsJsonObject().getString("accessToken");
    long storedBefore = stored("ctbot");
    HttpResponse<Buffer> renewed = platform.request(HttpMethod.POST, "/bot/v1/" + URI
        + "/messages").putHeader("Authorization", "accessToken " + fresh)
        .sendJsonObject(text("late-2", "on time", RCS_USER)).await();

    assertThat(expired.statusCode()).isEqualTo(401);
    assertThat(expired.bodyAsJsonObject().getInteger("errorCode")).isEqualTo(40014);
    assertThat(expired.bodyAsJsonObject().getString("errorMessage")).contains("expired");
    assertThat(storedBefore).isZero();
    assertThat(renewed.statusCode()).isEqualTo(200);
    assertThat(stored("ctbot")).isEqualTo(1);
  }

  @Test
  void text_reachesTheRcsPhone_andItsDeliveredStatus_reachesTheNotifyUrlSigned() {
    try (TestDevice phone = platform.device(RCS_USER)) {
      HttpResponse<Buffer> sent = send(ENCODED_URI, text("m-1", "Hello", "tel:" + RCS_USER));
      JsonObject frame = phone.next("message");
      phone.send(new JsonObject().put("type", "delivered").put("msgId", frame.getString("msgId")));

      CtcuNotifyServer.Notification delivered = notify.next(
          "/notify/deliveryNotification/" + URI + "/status", body -> "delivered".equals(
              info(body).getString("status")));

      assertThat(sent.statusCode()).isEqualTo(200);
      assertThat(sent.bodyAsJsonObject().getInteger("errorCode")).isZero();
      assertThat(sent.bodyAsJsonObject().getString("messageId")).isEqualTo("m-1");
      assertThat(sent.bodyAsJsonObject().getString("conversationId")).isNotBlank();
      assertThat(frame.getJsonObject("RCSMessage").getString("textMessage")).isEqualTo("Hello");
      assertThat(delivered.signed()).isTrue();
      // Below the edge, the core's metrics count it like any message.
      assertThat(platform.http.get("/metrics").send().await().bodyAsString()).contains(
          "openmaap_messages_total{channel=\"rcs\",direction=\"bot_to_user\","
              + "node=\"embedded\",status=\"pending\"} 1.0");
      assertThat(delivered.headers().get("chatbotId")).isEqualTo(URI);
      assertThat(delivered.headers().get("appId")).isEqualTo(registration.getString("appId"));
      assertThat(info(delivered.body()).getString("messageId")).isEqualTo("m-1");
      assertThat(info(delivered.body()).getString("destinationAddress"))
          .isEqualTo("tel:" + RCS_USER);
    }
  }

  @Test
  void dialectsMdsWholeSendEnvelope_withAnUnknownMember_isAccepted() {
    JsonObject request = new JsonObject()
        .put("messageId", "full-1")
        .put("messageList", new JsonArray().add(item(TEXT, "Hello"))
            .add(item(CHIPS, new JsonObject().put("suggestions", new JsonArray().add(
                new JsonObject().put("reply", new JsonObject().put("displayText", "Yes")
                    .put("postback", new JsonObject().put("data", "yes"))))))))
        .put("destinationAddress", new JsonArray().add("tel:" + RCS_USER))
        .put("senderAddress", URI)
        .put("conversationId", "4f4a1c6e-conv").put("contributionId", "4f4a1c6e-contrib")
        .put("inReplyTo", "earlier-contrib")
        .put("serviceCapability", new JsonArray().add(new JsonObject()
            .put("capabilityId", "ChatbotSA").put("version", "+g.gsma.rcs.botversion=\"#=1\"")))
        .put("trafficType", "notification")
        .put("smsSupported", true).put("smsContent", "Hello by SMS")
        .put("storeSupported", true).put("imFormat", "IM")
        .put("reportRequest", new JsonArray().add("sent").add("failed").add("delivered")
            .add("displayed").add("deliveredToNetwork"))
        .put("somethingNew", new JsonObject().put("deployed", "clients send extras"));
    try (TestDevice phone = platform.device(RCS_USER)) {
      HttpResponse<Buffer> sent = send(URI, request);
      JsonObject shown = phone.next("message").getJsonObject("RCSMessage");

      assertThat(sent.statusCode()).as(sent.bodyAsString()).isEqualTo(200);
      assertThat(sent.bodyAsJsonObject().getInteger("errorCode")).isZero();
      assertThat(shown.getString("textMessage")).isEqualTo("Hello");
      assertThat(shown.getJsonObject("suggestedChipList").getJsonArray("suggestions"))
          .hasSize(1);
    }
  }

  @Test
  void cardWithChips_reachesThePhoneAsSent_andAChipTapComesBackAsAResponseItem() {
    JsonObject card = new JsonObject(Fixtures.text("cards/valid/single-card.json"));
    JsonObject chips = new JsonObject().put("suggestions", new JsonArray().add(new JsonObject()
        .put("reply", new JsonObject().put("displayText", "Yes")
            .put("postback", new JsonObject().put("data", "yes")))));
    try (TestDevice phone = platform.device(RCS_USER)) {
      send(URI, new JsonObject().put("messageId", "card-1")
          .put("messageList", new JsonArray()
              .add(item(CARD, card.encode()))
              .add(item(CHIPS, chips)))
          .put("destinationAddress", new JsonArray().add(RCS_USER)));
      JsonObject shown = phone.next("message").getJsonObject("RCSMessage");
      phone.send(new JsonObject().put("type", "message").put("to", "ctbot")
          .put("RCSMessage", new JsonObject().put("suggestedResponse", new JsonObject()
              .put("response", chips.getJsonArray("suggestions").getJsonObject(0)))));

      CtcuNotifyServer.Notification tap = notify.next(
          "/notify/messageNotification/" + URI + "/messages", body -> true);

      assertThat(shown.getJsonObject("richcardMessage")).isEqualTo(card);
      assertThat(shown.getJsonObject("suggestedChipList")).isEqualTo(chips);
      assertThat(tap.signed()).isTrue();
      JsonObject item = tap.body().getJsonArray("messageList").getJsonObject(0);
      assertThat(item.getString("contentType")).isEqualTo(RESPONSE);
      assertThat(item.getJsonObject("contentText").getJsonObject("response")
          .getJsonObject("reply").getJsonObject("postback").getString("data")).isEqualTo("yes");
      assertThat(tap.body().getString("senderAddress")).isEqualTo("tel:" + RCS_USER);
      assertThat(tap.body().getString("destinationAddress")).isEqualTo(URI);
      assertThat(tap.body().getString("messageId")).isNotBlank();
    }
  }

  @Test
  void usersText_arrivesAsATextItem() {
    try (TestDevice phone = platform.device(RCS_USER)) {
      phone.send(new JsonObject().put("type", "message").put("to", "ctbot")
          .put("RCSMessage", new JsonObject().put("textMessage", "where is my parcel?")));

      CtcuNotifyServer.Notification message = notify.next(
          "/notify/messageNotification/" + URI + "/messages", body -> true);

      assertThat(message.body().getJsonArray("messageList")).containsExactly(new JsonObject()
          .put("contentType", TEXT).put("contentEncoding", "utf8")
          .put("contentText", "where is my parcel?"));
      assertThat(message.body().getString("conversationId")).isNotBlank();
      assertThat(message.body().getString("dateTime")).isNotBlank();
    }
  }

  @Test
  void locationAndFile_becomeWhatThePhoneShows() {
    try (TestDevice phone = platform.device(RCS_USER)) {
      send(URI, new JsonObject().put("messageId", "geo-1")
          .put("messageList", new JsonArray().add(
              item(TEXT, "geo:31.2304,121.4737;crs=gcj02;u=10;rcs-l=Pick-up%20point")))
          .put("destinationAddress", new JsonArray().add(RCS_USER)));
      JsonObject location = phone.next("message").getJsonObject("RCSMessage")
          .getJsonObject("geolocationPushMessage");
      send(URI, new JsonObject().put("messageId", "file-1")
          .put("messageList", new JsonArray().add(item(FILE, new JsonArray()
              .add(new JsonObject().put("type", "file").put("fileSize", 182044)
                  .put("fileName", "menu.pdf").put("contentType", "application/pdf")
                  .put("url", "https://cdn.example.com/menu.pdf")))))
          .put("destinationAddress", new JsonArray().add(RCS_USER)));
      JsonObject file = phone.next("message").getJsonObject("RCSMessage")
          .getJsonObject("fileMessage");

      assertThat(location.getString("pos")).isEqualTo("31.2304 121.4737");
      assertThat(location.getString("label")).isEqualTo("Pick-up point");
      assertThat(file.getString("fileUrl")).isEqualTo("https://cdn.example.com/menu.pdf");
      assertThat(file.getString("fileMIMEType")).isEqualTo("application/pdf");
      assertThat(file.getLong("fileSize")).isEqualTo(182044L);
      assertThat(file.getString("fileName")).isEqualTo("menu.pdf");
    }
  }

  @Test
  void smsOnlyPhone_getsTheSmsContent_andDeliveredToNetworkIsNotified() {
    JsonObject request = text("sms-1", "Your parcel is out for delivery", "13900000002")
        .put("smsSupported", true).put("smsContent", "Parcel out for delivery today");

    send(URI, request);
    List<InboxMessage> inbox = Eventually.until(
        () -> platform.platform.embeddedSmsc().orElseThrow().inbox(SMS_USER),
        list -> !list.isEmpty(), Duration.ofSeconds(5));
    CtcuNotifyServer.Notification network = notify.next("/status",
        body -> "deliveredToNetwork".equals(info(body).getString("status")));
    CtcuNotifyServer.Notification handset = notify.next("/status",
        body -> "deliveredAsSms".equals(info(body).getString("status")));

    assertThat(inbox.get(0).text()).isEqualTo("Parcel out for delivery today");
    assertThat(info(handset.body()).getString("messageId")).isEqualTo("sms-1");
    assertThat(info(network.body()).getString("messageId")).isEqualTo("sms-1");
    assertThat(info(network.body()).getString("destinationAddress")).isEqualTo("tel:" + SMS_USER);
  }

  @Test
  void smsOnlyPhone_getsACardWithChipsAFileAndALocation_asTheirSmsTexts() {
    JsonObject card = new JsonObject().put("message", new JsonObject().put("generalPurposeCard",
        new JsonObject().put("layout", new JsonObject().put("cardOrientation", "VERTICAL"))
            .put("content", new JsonObject().put("title", "Parcel 4711")
            .put("description", "Arrives today between 2 and 4 pm"))));
    JsonObject chips = new JsonObject().put("suggestions", new JsonArray().add(new JsonObject()
        .put("reply", new JsonObject().put("displayText", "Reschedule")
            .put("postback", new JsonObject().put("data", "reschedule")))));

    HttpResponse<Buffer> sent = send(URI, new JsonObject().put("messageId", "sms-card")
        .put("messageList", new JsonArray().add(item(CARD, card)).add(item(CHIPS, chips)))
        .put("destinationAddress", new JsonArray().add(SMS_USER)));
    assertThat(sent.statusCode()).as(sent.bodyAsString()).isEqualTo(200);
    send(URI, new JsonObject().put("messageId", "sms-file")
        .put("messageList", new JsonArray().add(item(FILE, new JsonArray()
            .add(new JsonObject().put("type", "file").put("fileSize", 182044)
                .put("fileName", "menu.pdf").put("contentType", "application/pdf")
                .put("url", "https://cdn.example.com/menu.pdf")))))
        .put("destinationAddress", new JsonArray().add(SMS_USER)));
    send(URI, new JsonObject().put("messageId", "sms-geo")
        .put("messageList", new JsonArray().add(
            item(TEXT, "geo:31.2304,121.4737;crs=gcj02;u=10;rcs-l=Pick-up%20point")))
        .put("destinationAddress", new JsonArray().add(SMS_USER)));
    List<String> texts = Eventually.until(
        () -> platform.platform.embeddedSmsc().orElseThrow().inbox(SMS_USER), list -> list
            .size() == 3, Duration.ofSeconds(5)).stream().map(InboxMessage::text).toList();
    Set<String> statuses = new HashSet<>();
    while (statuses.size() < 6) {
      JsonObject info = info(notify.next("/status", body -> true).body());
      statuses.add(info.getString("messageId") + " " + info.getString("status"));
    }

    assertThat(texts).anySatisfy(text -> assertThat(text).contains("Parcel 4711")
        .contains("Arrives today between 2 and 4 pm").contains("1) Reschedule"));
    assertThat(texts).anySatisfy(text -> assertThat(text)
        .contains("menu.pdf: https://cdn.example.com/menu.pdf"));
    assertThat(texts).anySatisfy(text -> assertThat(text)
        .contains("https://www.openstreetmap.org/?mlat=31.2304&mlon=121.4737"));
    assertThat(statuses).containsExactlyInAnyOrder(
        "sms-card deliveredToNetwork", "sms-card deliveredAsSms",
        "sms-file deliveredToNetwork", "sms-file deliveredAsSms",
        "sms-geo deliveredToNetwork", "sms-geo deliveredAsSms");
  }

  @Test
  void hundredRecipients_areOneSend_withAStatusPerRecipientUnderTheBotsMessageId() {
    JsonArray recipients = new JsonArray();
    for (int i = 0; i < 100; i++) {
      recipients.add(String.format("tel:+86139%08d", 10_000 + i));
    }
    JsonObject request = new JsonObject().put("messageId", "wave-1")
        .put("messageList", new JsonArray().add(item(TEXT, "Flash sale at noon")))
        .put("destinationAddress", recipients).put("smsSupported", true);

    HttpResponse<Buffer> sent = send(URI, request);
    Set<String> notified = new HashSet<>();
    while (notified.size() < 100) {
      JsonObject info = info(notify.next("/status",
          body -> "deliveredToNetwork".equals(info(body).getString("status"))).body());
      assertThat(info.getString("messageId")).isEqualTo("wave-1");
      notified.add(info.getString("destinationAddress"));
    }
    HttpResponse<Buffer> again = send(URI, request);

    assertThat(sent.bodyAsJsonObject().getString("messageId")).isEqualTo("wave-1");
    assertThat(notified).containsExactlyInAnyOrderElementsOf(recipients.getList().stream()
        .map(String.class::cast).toList());
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(platform.platform.embeddedSmsc().orElseThrow().inbox("+8613900010000"))
        .hasSize(1);
  }

  @Test
  void badContent_is400WithTheFieldsCode_andViolationsPointingIntoTheMessageList() {
    JsonObject card = new JsonObject(Fixtures.text("cards/valid/single-card.json"));
    card.getJsonObject("message").getJsonObject("generalPurposeCard").getJsonObject("content")
        .put("title", "x".repeat(201));
    HttpResponse<Buffer> tooLong = send(URI, new JsonObject().put("messageId", "bad-1")
        .put("messageList", new JsonArray().add(item(CARD, card)))
        .put("destinationAddress", new JsonArray().add(RCS_USER).add("not-a-number")));
    HttpResponse<Buffer> chipsAlone = send(URI, new JsonObject()
        .put("messageList", new JsonArray().add(item(CHIPS, new JsonObject()
            .put("suggestions", new JsonArray()))))
        .put("destinationAddress", RCS_USER));

    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.bodyAsJsonObject().getInteger("errorCode")).isEqualTo(40008);
    assertThat(paths(tooLong)).containsExactlyInAnyOrder("/destinationAddress/1",
        "/messageList/0/contentText/message/generalPurposeCard/content/title");
    assertThat(chipsAlone.statusCode()).isEqualTo(400);
    assertThat(paths(chipsAlone)).containsExactly("/messageList");
  }

  @Test
  void sameMessageId_withAnotherBody_is409InTheDialectsShape() {
    send(URI, text("dup-1", "first", RCS_USER));

    HttpResponse<Buffer> same = send(URI, text("dup-1", "first", RCS_USER));
    HttpResponse<Buffer> other = send(URI, text("dup-1", "second", RCS_USER));

    assertThat(same.statusCode()).isEqualTo(200);
    assertThat(other.statusCode()).isEqualTo(409);
    assertThat(other.bodyAsJsonObject().getInteger("errorCode")).isEqualTo(40009);
    assertThat(other.bodyAsJsonObject().getString("errorMessage")).contains("dup-1");
  }

  @Test
  void revoke_ofAnUndeliveredMessage_isRevokeOk_andOfADeliveredOne_revokeFail() {
    String offline = "+8613900000003";
    platform.request(HttpMethod.PUT, "/network/v1/devices/" + offline)
        .bearerTokenAuthentication(RunningPlatform.NETWORK_TOKEN)
        .sendJsonObject(new JsonObject()).await();
    try (TestDevice phone = platform.device(RCS_USER)) {
      send(URI, new JsonObject().put("messageId", "two-1")
          .put("messageList", new JsonArray().add(item(TEXT, "for two")))
          .put("destinationAddress", new JsonArray().add(offline).add(RCS_USER)));
      HttpResponse<Buffer> undelivered = revoke("two-1", "tel:" + offline);
      CtcuNotifyServer.Notification revokeOk = notify.next("/status",
          body -> "revokeOk".equals(info(body).getString("status")));
      JsonObject frame = phone.next("message");
      phone.send(new JsonObject().put("type", "delivered").put("msgId", frame.getString("msgId")));
      notify.next("/status", body -> "delivered".equals(info(body).getString("status")));

      HttpResponse<Buffer> tooLate = revoke("two-1", RCS_USER);
      CtcuNotifyServer.Notification revokeFail = notify.next("/status",
          body -> "revokeFail".equals(info(body).getString("status")));

      assertThat(undelivered.statusCode()).isEqualTo(200);
      assertThat(undelivered.bodyAsJsonObject().getInteger("errorCode")).isZero();
      assertThat(info(revokeOk.body()).getString("messageId")).isEqualTo("two-1");
      assertThat(info(revokeOk.body()).getString("destinationAddress"))
          .isEqualTo("tel:" + offline);
      assertThat(revokeOk.signed()).isTrue();
      assertThat(tooLate.statusCode()).isEqualTo(200);
      assertThat(info(revokeFail.body()).getString("destinationAddress"))
          .isEqualTo("tel:" + RCS_USER);
    }
    HttpResponse<Buffer> unknown = revoke("no-such-message", RCS_USER);

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.bodyAsJsonObject().getInteger("errorCode")).isEqualTo(40004);
  }

  @Test
  void notifyServerDownForAWhile_thenUp_getsEveryMessageInOrder() {
    notify.answer(503);
    try (TestDevice phone = platform.device(RCS_USER)) {
      for (int i = 0; i < 3; i++) {
        phone.send(new JsonObject().put("type", "message").put("to", "ctbot").put("id", i)
            .put("RCSMessage", new JsonObject().put("textMessage", "m" + i)));
        phone.next("ack");
      }
      // Refused and retried (the first message holds up the conversation's others), within
      // the test's 2-second retry window: not yet dead letters.
      Eventually.until(notify::refused, count -> count >= 3, Duration.ofSeconds(2));
      notify.answer(200);

      List<CtcuNotifyServer.Notification> received = new java.util.ArrayList<>();
      for (int i = 0; i < 3; i++) {
        received.add(notify.next("/messages", body -> true));
      }

      assertThat(received).extracting(n -> n.body().getJsonArray("messageList")
          .getJsonObject(0).getString("contentText")).containsExactly("m0", "m1", "m2");
      assertThat(received).allMatch(CtcuNotifyServer.Notification::signed);
    }
  }

  @Test
  void notifyServerDownPastTheRetries_leavesDeadLetters_thatAReplayDeliversInOrder() {
    // Verified before it goes down, as a deployed bot's URL is: else the newUser event, which
    // CT/CU has no notification for, waits for the verification and becomes a dead letter too.
    Eventually.until(() -> platform.admin(HttpMethod.GET, "/admin/v1/chatbots/ctbot").send()
        .await().bodyAsJsonObject().getBoolean("notifyVerified"), verified -> verified,
        Duration.ofSeconds(5));
    notify.answer(503);
    try (TestDevice phone = platform.device(RCS_USER)) {
      for (int i = 0; i < 2; i++) {
        phone.send(new JsonObject().put("type", "message").put("to", "ctbot").put("id", i)
            .put("RCSMessage", new JsonObject().put("textMessage", "late" + i)));
        phone.next("ack");
      }
    }
    // Refused, then past the retry window (5 minutes in the tests' settings).
    Eventually.until(notify::refused, count -> count >= 1, Duration.ofSeconds(5));
    clock.jump(Duration.ofMinutes(6));
    JsonArray dead = platform.deadLetters("ctbot", 2);
    notify.answer(200);

    JsonObject replayed = platform.replayDeadLetters("ctbot");
    List<CtcuNotifyServer.Notification> received = List.of(
        notify.next("/messages", body -> true), notify.next("/messages", body -> true));

    assertThat(dead).hasSize(2);
    assertThat(replayed.getInteger("replayed")).isEqualTo(2);
    assertThat(received).extracting(n -> n.body().getJsonArray("messageList")
        .getJsonObject(0).getString("contentText")).containsExactly("late0", "late1");
    assertThat(received).allMatch(CtcuNotifyServer.Notification::signed);
  }

  @Test
  void registration_withoutADialect_isGsma_andAnUnknownDialectIs400() {
    JsonObject plain = platform.register("plainbot", notify.url());
    HttpResponse<Buffer> unknown = platform.admin(HttpMethod.POST, "/admin/v1/chatbots")
        .sendJsonObject(new JsonObject().put("botId", "wechatbot").put("name", "W")
            .put("webhookUrl", notify.url()).put("dialect", "wechat"))
        .await();

    // A GSMA registration answers as it did before dialects: no dialect, no dialect credentials.
    assertThat(plain.getString("dialect", "gsma")).isEqualTo("gsma");
    assertThat(plain.containsKey("appKey")).isFalse();
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.bodyAsString()).contains("/dialect");
  }

  @Test
  void badInput_getsTheDialectsCodeAndStatus_andNothingIsStored() {
    JsonArray tooMany = new JsonArray();
    for (int i = 0; i < 101; i++) {
      tooMany.add(String.format("+86139%08d", 20_000 + i));
    }
    String entities = "<?xml version=\"1.0\"?>\n"
        + "<!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<r>&xxe;</r>";
    HttpResponse<Buffer> recipients = send(URI, new JsonObject().put("messageId", "bad-3")
        .put("messageList", new JsonArray().add(item(TEXT, "hi")))
        .put("destinationAddress", tooMany));
    HttpResponse<Buffer> unknownType = send(URI, new JsonObject().put("messageId", "bad-4")
        .put("messageList", new JsonArray().add(item("application/x-unknown", "hi")))
        .put("destinationAddress", RCS_USER));
    HttpResponse<Buffer> malformed = raw("application/json", "{\"messageId\":");
    HttpResponse<Buffer> doctype = raw("application/json", entities);
    HttpResponse<Buffer> xmlBody = raw("application/xml", entities);
    HttpResponse<Buffer> oversized = send(URI, new JsonObject().put("messageId", "bad-5")
        .put("messageList", new JsonArray().add(item(TEXT, "x".repeat(2_000_000))))
        .put("destinationAddress", RCS_USER));
    long storedAfterBadInput = stored("ctbot");
    HttpResponse<Buffer> good = send(URI, text("good-1", "hi", RCS_USER));

    assertThat(recipients.statusCode()).isEqualTo(400);
    assertThat(recipients.bodyAsJsonObject().getInteger("errorCode")).isEqualTo(40008);
    assertThat(paths(recipients)).containsExactly("/destinationAddress");
    assertThat(unknownType.statusCode()).isEqualTo(400);
    assertThat(unknownType.bodyAsJsonObject().getInteger("errorCode")).isEqualTo(40008);
    assertThat(paths(unknownType)).containsExactly("/messageList/0/contentType");
    for (HttpResponse<Buffer> notJson : List.of(malformed, doctype)) {
      assertThat(notJson.statusCode()).isEqualTo(400);
      assertThat(notJson.bodyAsJsonObject().getInteger("errorCode")).isEqualTo(20002);
    }
    assertThat(xmlBody.statusCode()).isEqualTo(415);
    assertThat(xmlBody.bodyAsJsonObject().getInteger("errorCode")).isEqualTo(20002);
    assertThat(oversized.statusCode()).isEqualTo(413);
    assertThat(oversized.bodyAsJsonObject().getInteger("errorCode")).isEqualTo(40013);
    assertThat(storedAfterBadInput).isZero();
    // The count above is of the store: the good send after the bad ones is in it.
    assertThat(good.statusCode()).isEqualTo(200);
    assertThat(stored("ctbot")).isEqualTo(1);
  }

  @Test
  void media_uploadedDownloadedAndDeleted_byTheirUrl() throws Exception {
    byte[] png = png();
    HttpResponse<Buffer> uploaded = platform.request(HttpMethod.POST, "/bot/v1/" + ENCODED_URI
            + "/medias/upload")
        .putHeader("Authorization", "accessToken " + token).putHeader("uploadMode", "perm")
        .sendMultipartForm(MultipartForm.create()
            .binaryFileUpload("file", "dot.png", Buffer.buffer(png), "image/png")
            .binaryFileUpload("thumbnail", "dot-small.png", Buffer.buffer(png), "image/png"))
        .await();
    JsonArray infos = uploaded.bodyAsJsonObject().getJsonArray("fileInfo");
    String url = infos.getJsonObject(0).getString("url");

    HttpResponse<Buffer> downloaded = platform.request(HttpMethod.GET, "/bot/v1/" + URI
        + "/medias/download").putHeader("Authorization", "accessToken " + token)
        .putHeader("url", url).send().await();
    HttpResponse<Buffer> badUrl = platform.request(HttpMethod.GET, "/bot/v1/" + URI
        + "/medias/download").putHeader("Authorization", "accessToken " + token)
        .putHeader("url", "https://elsewhere.example/x.png").send().await();
    HttpResponse<Buffer> deleted = platform.request(HttpMethod.DELETE, "/bot/v1/" + URI
        + "/medias/delete").putHeader("Authorization", "accessToken " + token)
        .putHeader("url", url).send().await();
    HttpResponse<Buffer> afterDelete = platform.request(HttpMethod.GET, "/bot/v1/" + URI
        + "/medias/download").putHeader("Authorization", "accessToken " + token)
        .putHeader("url", url).send().await();

    assertThat(uploaded.statusCode()).as(uploaded.bodyAsString()).isEqualTo(200);
    assertThat(uploaded.bodyAsJsonObject().getInteger("errorCode")).isZero();
    assertThat(infos.getJsonObject(0).getString("contentType")).isEqualTo("image/png");
    assertThat(infos.getJsonObject(0).getLong("fileSize")).isEqualTo((long) png.length);
    assertThat(infos.getJsonObject(0).getString("fileName")).isEqualTo("dot.png");
    assertThat(infos.getJsonObject(1).getString("type")).isEqualTo("thumbnail");
    assertThat(downloaded.statusCode()).isEqualTo(200);
    assertThat(downloaded.body().getBytes()).isEqualTo(png);
    assertThat(badUrl.statusCode()).isEqualTo(400);
    assertThat(badUrl.bodyAsJsonObject().getInteger("errorCode")).isEqualTo(40007);
    assertThat(deleted.statusCode()).isEqualTo(200);
    assertThat(deleted.bodyAsJsonObject().getInteger("errorCode")).isZero();
    assertThat(afterDelete.statusCode()).isEqualTo(404);
    assertThat(afterDelete.bodyAsJsonObject().getInteger("errorCode")).isEqualTo(40004);
  }

  @Test
  void chatbotInfo_optionalsAndMenu_setThroughTheDialect_showInItsInfoAndInBotinfo() {
    JsonObject menu = new JsonObject().put("menu", new JsonObject().put("entries", new JsonArray()
        .add(new JsonObject().put("reply", new JsonObject().put("displayText", "Track")
            .put("postback", new JsonObject().put("data", "track"))))));
    HttpResponse<Buffer> optionals = post("/update/chatBotInfo/optionals", new JsonObject()
        .put("serviceDescription", "Parcels, tracked").put("themeColour", "#112233")
        .put("serviceWebsite", "https://parcel.example").put("emailAddress", "hi@parcel.example")
        .put("TCPage", "https://parcel.example/terms").put("callBackNumber", "+8610086")
        .put("category", new JsonArray().add("logistics")));
    HttpResponse<Buffer> menuSet = post("/update/chatBotInfo/menu", menu);
    HttpResponse<Buffer> badColour = post("/update/chatBotInfo/optionals",
        new JsonObject().put("themeColour", "red"));
    HttpResponse<Buffer> badMenu = post("/update/chatBotInfo/menu", new JsonObject()
        .put("menu", new JsonObject().put("entries", new JsonArray())));

    JsonObject info = platform.request(HttpMethod.GET, "/bot/v1/" + URI + "/find/chatBotInfo")
        .putHeader("Authorization", "accessToken " + token).send().await().bodyAsJsonObject();
    JsonObject botinfo = platform.request(HttpMethod.GET, "/bot?id=" + ENCODED_URI)
        .send().await().bodyAsJsonObject();

    assertThat(optionals.bodyAsJsonObject().getInteger("errorCode")).isZero();
    assertThat(menuSet.bodyAsJsonObject().getInteger("errorCode")).isZero();
    assertThat(info.getString("serviceName")).isEqualTo("CT bot");
    assertThat(info.getString("serviceDescription")).isEqualTo("Parcels, tracked");
    assertThat(info.getString("themeColour")).isEqualTo("#112233");
    assertThat(info.getString("serviceWebsite")).isEqualTo("https://parcel.example");
    assertThat(info.getString("emailAddress")).isEqualTo("hi@parcel.example");
    assertThat(info.getString("TCPage")).isEqualTo("https://parcel.example/terms");
    assertThat(info.getString("callBackNumber")).isEqualTo("+8610086");
    assertThat(info.getJsonObject("menu")).isEqualTo(menu);
    assertThat(botinfo.getJsonObject("persistentMenu")).isEqualTo(menu);
    assertThat(badColour.statusCode()).isEqualTo(400);
    assertThat(badColour.bodyAsJsonObject().getInteger("errorCode")).isEqualTo(40008);
    assertThat(paths(badColour)).containsExactly("/themeColour");
    assertThat(badMenu.statusCode()).isEqualTo(400);
    assertThat(paths(badMenu)).containsExactly("/menu/entries");
  }

  @Test
  void notifyUrl_isVerifiedWithAnEchoStr_andNotificationsWaitUntilItPasses() {
    JsonObject echoLess = register("echoless", "sha256", notify.url() + "/echoless");
    notify.verifyWith(echoLess.getString("notifyToken"), "sha256");
    notify.echo(false);
    JsonObject refused = platform.admin(HttpMethod.POST,
        "/admin/v1/chatbots/echoless/notify:verify").send().await().bodyAsJsonObject();
    try (TestDevice phone = platform.device(RCS_USER)) {
      phone.send(new JsonObject().put("type", "message").put("to", "echoless").put("id", "q")
          .put("RCSMessage", new JsonObject().put("textMessage", "anyone there?")));
      phone.next("ack");
      vertx.timer(500).await();
      notify.echo(true);

      // Verified with the token the server checks (the first try came before it knew it).
      CtcuNotifyServer.Notification verification = notify.nextWhere(
          n -> n.path().endsWith("/echoless/notifyPath") && n.signed(), "a signed verification");
      CtcuNotifyServer.Notification message = notify.next(
          "/echoless/messageNotification/sip:echoless@test.local/messages", body -> true);
      JsonObject passed = platform.admin(HttpMethod.POST,
          "/admin/v1/chatbots/echoless/notify:verify").send().await().bodyAsJsonObject();
      JsonObject profile = platform.admin(HttpMethod.GET, "/admin/v1/chatbots/echoless")
          .send().await().bodyAsJsonObject();

      assertThat(refused.getBoolean("verified")).isFalse();
      assertThat(refused.getString("error")).contains("echoStr");
      assertThat(verification.signed()).isTrue();
      assertThat(verification.headers().get("echoStr")).isNotBlank();
      assertThat(verification.headers().get("chatbotId")).isEqualTo("sip:echoless@test.local");
      assertThat(verification.headers().get("appId")).isEqualTo(echoLess.getString("appId"));
      assertThat(message.body().getJsonArray("messageList").getJsonObject(0)
          .getString("contentText")).isEqualTo("anyone there?");
      assertThat(passed.getBoolean("verified")).isTrue();
      assertThat(profile.getBoolean("notifyVerified")).isTrue();
    }
  }

  @Test
  void reportRequest_decidesWhichStatusesTheBotIsToldOf() {
    HttpResponse<Buffer> unknown = send(URI, text("rr-0", "x", RCS_USER)
        .put("reportRequest", new JsonArray().add("delivered").add("read")));
    try (TestDevice phone = platform.device(RCS_USER)) {
      send(URI, text("rr-1", "only tell me it arrived", RCS_USER)
          .put("reportRequest", new JsonArray().add("delivered")));
      JsonObject frame = phone.next("message");
      phone.send(new JsonObject().put("type", "delivered").put("msgId", frame.getString("msgId")));
      CtcuNotifyServer.Notification delivered = notify.next("/status", body -> true);
      phone.send(new JsonObject().put("type", "displayed").put("msgId", frame.getString("msgId")));
      // The status, and its report if there is one, are stored together: once the status API
      // says displayed, a report of it would be queued before anything the user sends next.
      String gsmaToken = platform.token(registration);
      Eventually.until(() -> platform.request(HttpMethod.GET,
              "/bot/v1/ctbot/messages/rr-1/status").bearerTokenAuthentication(gsmaToken)
              .send().await().bodyAsJsonObject().getJsonObject("RCSMessage").getString("status"),
          "displayed"::equals, Duration.ofSeconds(5));
      phone.send(new JsonObject().put("type", "message").put("to", "ctbot").put("id", "after")
          .put("RCSMessage", new JsonObject().put("textMessage", "after the report")));
      phone.next("ack");

      List<String> statuses = new java.util.ArrayList<>();
      statuses.add(info(delivered.body()).getString("status"));
      notify.nextWhere(n -> {
        if (n.path().endsWith("/status")) {
          statuses.add(info(n.body()).getString("status"));
        }
        return n.path().endsWith("/messages");
      }, "the user's message");

      assertThat(statuses).containsExactly("delivered");
    }

    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(paths(unknown)).containsExactly("/reportRequest/1");
  }

  @Test
  void hmacScheme_signsNotificationsWithAnHmacOfTheNotifyToken() {
    JsonObject hmacBot = register("hmacbot", "hmac-sha256");
    notify.verifyWith(hmacBot.getString("notifyToken"), "hmac-sha256");
    try (TestDevice phone = platform.device(RCS_USER)) {
      phone.send(new JsonObject().put("type", "message").put("to", "hmacbot")
          .put("RCSMessage", new JsonObject().put("textMessage", "hello")));

      CtcuNotifyServer.Notification message = notify.next(
          "/notify/messageNotification/sip:hmacbot@test.local/messages", body -> true);

      assertThat(message.signed()).isTrue();
    }
  }

  @Test
  void aGsmaBotAndACtcuBot_talkToTheSamePhone_eachInItsOwnDialect() {
    FakeChatbot gsma = FakeChatbot.start(vertx);
    try (TestDevice phone = platform.device(RCS_USER)) {
      String gsmaToken = platform.token(platform.register("gsmabot", gsma.url()));
      platform.send("gsmabot", gsmaToken, ConversationTest.text(RCS_USER, "from GSMA"));
      send(URI, text("both-1", "from CT/CU", RCS_USER));
      Set<String> received = new HashSet<>();
      for (int i = 0; i < 2; i++) {
        JsonObject frame = phone.next("message");
        received.add(frame.getString("from") + ": "
            + frame.getJsonObject("RCSMessage").getString("textMessage"));
      }
      for (String bot : List.of("gsmabot", "ctbot")) {
        phone.send(new JsonObject().put("type", "message").put("to", bot)
            .put("RCSMessage", new JsonObject().put("textMessage", "hello " + bot)));
      }

      FakeChatbot.Received toGsma = gsma.next("message");
      CtcuNotifyServer.Notification toCtcu = notify.next(
          "/messageNotification/" + URI + "/messages", body -> true);

      assertThat(received).containsExactlyInAnyOrder("gsmabot: from GSMA", "ctbot: from CT/CU");
      assertThat(toGsma.event().getJsonObject("RCSMessage").getString("textMessage"))
          .isEqualTo("hello gsmabot");
      assertThat(toCtcu.body().getJsonArray("messageList").getJsonObject(0)
          .getString("contentText")).isEqualTo("hello ctbot");
    } finally {
      gsma.close();
    }
  }

  @Test
  void gsmaBot_isNotReachableAsACtcuChatbot() {
    platform.register("gsmabot", notify.url());

    HttpResponse<Buffer> answer = platform.request(HttpMethod.POST,
            "/bot/v1/sip:gsmabot@test.local/accessToken")
        .sendJsonObject(new JsonObject().put("appId", "x").put("appKey", "y")).await();

    assertThat(answer.statusCode()).isEqualTo(404);
    assertThat(answer.bodyAsJsonObject().getInteger("errorCode")).isEqualTo(40004);
  }

  private JsonObject register(String botId, String scheme) {
    return register(botId, scheme, notify.url());
  }

  private JsonObject register(String botId, String scheme, String notifyUrl) {
    HttpResponse<Buffer> registered = platform.admin(HttpMethod.POST, "/admin/v1/chatbots")
        .sendJsonObject(new JsonObject().put("botId", botId).put("name", "CT bot")
            .put("webhookUrl", notifyUrl).put("dialect", "ctcu")
            .put("signatureScheme", scheme))
        .await();
    assertThat(registered.statusCode()).as(registered.bodyAsString()).isEqualTo(201);
    return registered.bodyAsJsonObject();
  }

  private HttpResponse<Buffer> accessToken(String uri, JsonObject credentials) {
    return platform.request(HttpMethod.POST, "/bot/v1/" + uri + "/accessToken")
        .putHeader("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(
            ZonedDateTime.now(ZoneOffset.UTC)))
        .sendJsonObject(new JsonObject().put("appId", credentials.getString("appId"))
            .put("appKey", credentials.getString("appKey")))
        .await();
  }

  private HttpResponse<Buffer> send(String uri, JsonObject request) {
    HttpRequest<Buffer> post = platform.request(HttpMethod.POST, "/bot/v1/" + uri + "/messages")
        .putHeader("Authorization", "accessToken " + token);
    return post.sendJsonObject(request).await();
  }

  /** A send whose body is {@code body} as it is, labelled {@code contentType}. */
  private HttpResponse<Buffer> raw(String contentType, String body) {
    return platform.request(HttpMethod.POST, "/bot/v1/" + URI + "/messages")
        .putHeader("Authorization", "accessToken " + token)
        .putHeader("Content-Type", contentType).sendBuffer(Buffer.buffer(body)).await();
  }

  /** How many messages of {@code botId} to users the store holds (the admin API's insights). */
  private long stored(String botId) {
    Instant now = Instant.now();
    return platform.admin(HttpMethod.GET, "/admin/v1/insights?botId=" + botId
            + "&from=" + now.minus(Duration.ofHours(1)) + "&to=" + now.plus(Duration.ofHours(3)))
        .send().await().bodyAsJsonObject().getJsonObject("totals").getLong("sent");
  }

  private HttpResponse<Buffer> post(String path, JsonObject body) {
    return platform.request(HttpMethod.POST, "/bot/v1/" + URI + path)
        .putHeader("Authorization", "accessToken " + token).sendJsonObject(body).await();
  }

  private HttpResponse<Buffer> revoke(String messageId, String to) {
    return platform.request(HttpMethod.POST, "/bot/v1/" + URI + "/revoke")
        .putHeader("Authorization", "accessToken " + token)
        .sendJsonObject(new JsonObject().put("messageId", messageId)
            .put("destinationAddress", to).put("status", "RevokeRequested"))
        .await();
  }

  private static JsonObject text(String messageId, String text, String to) {
    return new JsonObject().put("messageId", messageId)
        .put("messageList", new JsonArray().add(item(TEXT, text)))
        .put("destinationAddress", new JsonArray().add(to))
        .put("senderAddress", URI);
  }

  private static byte[] png() throws java.io.IOException {
    java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(16, 16,
        java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  private static JsonObject item(String type, Object text) {
    return new JsonObject().put("contentType", type).put("contentEncoding", "utf8")
        .put("contentText", text);
  }

  private static JsonObject info(JsonObject body) {
    return body.getJsonArray("deliveryInfoList", new JsonArray().add(new JsonObject()))
        .getJsonObject(0);
  }

  private static List<String> paths(HttpResponse<Buffer> answer) {
    return answer.bodyAsJsonObject().getJsonArray("violations").stream()
        .map(v -> ((JsonObject) v).getString("path")).toList();
  }
}
