package org.openmaap.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.multipart.MultipartForm;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.card.Fixtures;
import org.openmaap.card.network.FtHttp;
import org.openmaap.platform.delivery.JumpingClock;
import org.openmaap.platform.sms.EmbeddedSmsc.InboxMessage;
import org.w3c.dom.Element;

/**
 * A CMCC chatbot, written from DIALECTS.md against real HTTP: the Basic digest over the Date,
 * outboundMessageRequests of text, cards with chips (multipart/mixed), files and locations to RCS
 * phones (WebSocket devices) and SMS-only ones (the embedded SMSC), revokes, and the
 * notifications its notify server gets.
 */
class CmccDialectTest {

  private static final String RCS_USER = "+8613900000011";
  private static final String SMS_USER = "+8613900000012";
  private static final String URI = "sip:cmbot@test.local";
  private static final String ENCODED_URI = "sip%3Acmbot%40test.local";
  private static final String SEND = "/messaging/v1/outbound/" + URI + "/requests";
  private static final String GROUP = "/messaging/group/v1/outbound/" + URI + "/requests";
  private static final String CARD = "application/vnd.gsma.botmessage.v1.0+json";
  private static final String CHIPS = "application/vnd.gsma.botsuggestion.v1.0+json";
  private static final String RESPONSE = "application/vnd.gsma.botsuggestion.response.v1.0+json";
  private static final String DELIVERY = "/cmcc/DeliveryInfoNotification/" + URI;
  private static final String INBOUND = "/cmcc/InboundMessageNotification/" + URI;
  private static final long MAX_FILE = 256 * 1024;

  @TempDir Path dataDir;
  private final JumpingClock clock = new JumpingClock();
  private Vertx vertx;
  private RunningPlatform platform;
  private CmccNotifyServer notify;
  private String appId;
  private String password;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    PlatformConfig config = RunningPlatform.config(dataDir);
    platform = RunningPlatform.start(vertx, config.withFiles(config.files()
        .withLimits(MAX_FILE, 16 * MAX_FILE)).withSms(
        SmsConfig.defaults().withTimings(Duration.ofSeconds(1), Duration.ofMillis(300))),
        clock);
    notify = CmccNotifyServer.start(vertx);
    JsonObject registration = register("cmbot");
    appId = registration.getString("appId");
    password = registration.getString("password");
    notify.verifyWith(appId, registration.getString("notifyToken"));
  }

  @AfterEach
  void stop() {
    platform.close();
    notify.close();
    vertx.close().await();
  }

  @Test
  void digestOverTheDate_opensTheApi_andAWrongPasswordOrStaleDateIsRefused() {
    ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
    String xml = request("auth-1", null, "text/plain", "hi", "tel:" + RCS_USER);

    HttpResponse<Buffer> good = post(SEND, xml, appId, password, rfc1123(now));
    HttpResponse<Buffer> encoded = post("/messaging/v1/outbound/" + ENCODED_URI + "/requests",
        request("auth-2", null, "text/plain", "hi", RCS_USER), appId, password, rfc1123(now));
    // Beijing wall-clock time labelled GMT, as deployed clients in China write it.
    HttpResponse<Buffer> beijing = post(SEND, request("auth-3", null, "text/plain", "hi",
        RCS_USER), appId, password, rfc1123(now.plusHours(8)));
    HttpResponse<Buffer> wrongPassword = post(SEND, request("auth-4", null, "text/plain", "hi",
        RCS_USER), appId, "wrong", rfc1123(now));
    HttpResponse<Buffer> stale = post(SEND, request("auth-5", null, "text/plain", "hi",
        RCS_USER), appId, password, rfc1123(now.minusMinutes(10)));
    HttpResponse<Buffer> ahead = post(SEND, request("auth-6", null, "text/plain", "hi",
        RCS_USER), appId, password, rfc1123(now.plusMinutes(10)));
    // The right digest of another Date than the one sent.
    String date = rfc1123(now);
    HttpResponse<Buffer> otherDate = platform.request(HttpMethod.POST, SEND)
        .putHeader("Authorization", basic(appId, password, rfc1123(now.minusSeconds(30))))
        .putHeader("Date", date).putHeader("Content-Type", "application/xml")
        .sendBuffer(Buffer.buffer(request("auth-7", null, "text/plain", "hi", RCS_USER)))
        .await();
    JsonObject other = register("otherbot");
    HttpResponse<Buffer> othersAppId = post(SEND, request("auth-8", null, "text/plain", "hi",
        RCS_USER), other.getString("appId"), other.getString("password"), rfc1123(now));
    HttpResponse<Buffer> none = platform.request(HttpMethod.POST, SEND)
        .putHeader("Content-Type", "application/xml")
        .sendBuffer(Buffer.buffer(request("auth-9", null, "text/plain", "hi", RCS_USER))).await();

    assertThat(good.statusCode()).as(good.bodyAsString()).isEqualTo(201);
    assertThat(text(good, "resourceURL")).endsWith("/requests/auth-1");
    assertThat(good.getHeader("Location")).isEqualTo(text(good, "resourceURL"));
    assertThat(encoded.statusCode()).isEqualTo(201);
    assertThat(beijing.statusCode()).as(beijing.bodyAsString()).isEqualTo(201);
    for (HttpResponse<Buffer> refused : List.of(wrongPassword, stale, ahead, otherDate, none)) {
      assertThat(refused.statusCode()).isEqualTo(401);
      assertThat(root(refused).getLocalName()).isEqualTo("requestError");
      assertThat(text(refused, "messageId")).isEqualTo("POL0001");
    }
    assertThat(text(stale, "text")).contains("Date");
    assertThat(text(ahead, "text")).contains("Date");
    assertThat(text(otherDate, "text")).contains("digest");
    assertThat(othersAppId.statusCode()).isEqualTo(403);
    assertThat(text(othersAppId, "messageId")).isEqualTo("POL0001");
    // Only the three good sends were stored.
    assertThat(stored("cmbot")).isEqualTo(3);
    assertThat(stored("otherbot")).isZero();
  }

  @Test
  void text_andACardWithChips_reachTheRcsPhone_andDeliveredToTerminalIsNotified() {
    JsonObject card = new JsonObject(Fixtures.text("cards/valid/single-card.json"));
    JsonObject chips = chips();
    String multipart = "--next\r\n"
        + "Content-Type: " + CARD + "\r\n"
        + "Content-Disposition: inline; filename=\"Message\"\r\n"
        + "Content-Length: [content length]\r\n\r\n"
        + card.encodePrettily() + "\r\n"
        + "--next\r\n"
        + "Content-Type: " + CHIPS + "\r\n\r\n"
        + chips.encode() + "\r\n"
        + "--next--\r\n";
    try (TestDevice phone = platform.device(RCS_USER)) {
      HttpResponse<Buffer> text = send(SEND, request("t-1", null, "text/plain",
          "Your parcel is on its way", "tel:" + RCS_USER));
      JsonObject textFrame = phone.next("message");
      HttpResponse<Buffer> rich = send(SEND, request("card-1", null,
          "multipart/mixed; boundary=\"next\"", cdata(multipart), RCS_USER));
      JsonObject cardFrame = phone.next("message");
      phone.send(new JsonObject().put("type", "delivered")
          .put("msgId", cardFrame.getString("msgId")));

      CmccNotifyServer.Notification delivered = notify.next(DELIVERY,
          n -> "DeliveredToTerminal".equals(n.get("deliveryStatus")));

      assertThat(text.statusCode()).isEqualTo(201);
      assertThat(textFrame.getJsonObject("RCSMessage").getString("textMessage"))
          .isEqualTo("Your parcel is on its way");
      assertThat(rich.statusCode()).as(rich.bodyAsString()).isEqualTo(201);
      assertThat(cardFrame.getJsonObject("RCSMessage").getJsonObject("richcardMessage"))
          .isEqualTo(card);
      assertThat(cardFrame.getJsonObject("RCSMessage").getJsonObject("suggestedChipList"))
          .isEqualTo(chips);
      assertThat(delivered.signed()).isTrue();
      assertThat(delivered.root().getLocalName()).isEqualTo("deliveryInfoNotification");
      assertThat(delivered.get("messageId")).isEqualTo("card-1");
      assertThat(delivered.get("address")).isEqualTo("tel:" + RCS_USER);
    }
  }

  @Test
  void fileAndPushLocation_becomeWhatThePhoneShows() {
    String file = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<file xmlns=\"urn:gsma:params:xml:ns:rcs:rcs:fthttp\">\n"
        + "  <file-info type=\"file\">\n"
        + "    <file-size>182044</file-size>\n"
        + "    <file-name>menu.pdf</file-name>\n"
        + "    <content-type>application/pdf</content-type>\n"
        + "    <data url=\"https://cdn.example.com/menu.pdf\" until=\"2030-01-01T00:00:00Z\"/>\n"
        + "  </file-info>\n"
        + "</file>\n";
    try (TestDevice phone = platform.device(RCS_USER)) {
      send(SEND, request("file-1", null, "application/vnd.gsma.rcs-ft-http+xml", cdata(file),
          RCS_USER));
      JsonObject shownFile = phone.next("message").getJsonObject("RCSMessage")
          .getJsonObject("fileMessage");
      send(SEND, request("geo-1", null, "text/plain",
          "geo:31.2304,121.4737;crs=gcj02;u=10;rcs-l=Pick-up%20point", RCS_USER));
      JsonObject location = phone.next("message").getJsonObject("RCSMessage")
          .getJsonObject("geolocationPushMessage");

      assertThat(shownFile.getString("fileUrl")).isEqualTo("https://cdn.example.com/menu.pdf");
      assertThat(shownFile.getLong("fileSize")).isEqualTo(182044L);
      assertThat(shownFile.getString("fileName")).isEqualTo("menu.pdf");
      assertThat(location.getString("pos")).isEqualTo("31.2304 121.4737");
      assertThat(location.getString("label")).isEqualTo("Pick-up point");
    }
  }

  @Test
  void pushLocationXmlWithChips_asMultipartParts_reachesThePhone() {
    String multipart = "--loc\n"
        + "Content-Type: application/vnd.gsma.rcspushlocation+xml\n\n"
        + Fixtures.text("network/pushlocation.xml") + "\n"
        + "--loc\n"
        + "Content-Type: " + CHIPS + "\n"
        + "Content-Transfer-Encoding: base64\n\n"
        + Base64.getMimeEncoder().encodeToString(chips().encode()
            .getBytes(StandardCharsets.UTF_8)) + "\n"
        + "--loc--\n";
    try (TestDevice phone = platform.device(RCS_USER)) {
      HttpResponse<Buffer> sent = send(SEND, request("loc-1", null,
          "multipart/mixed; boundary=loc", cdata(multipart), RCS_USER));
      JsonObject shown = phone.next("message").getJsonObject("RCSMessage");

      assertThat(sent.statusCode()).as(sent.bodyAsString()).isEqualTo(201);
      assertThat(shown.getJsonObject("geolocationPushMessage").getString("pos"))
          .isEqualTo("31.2304 121.4737");
      assertThat(shown.getJsonObject("geolocationPushMessage").getString("label"))
          .isEqualTo("Pick-up point");
      assertThat(shown.getJsonObject("suggestedChipList")).isEqualTo(chips());
    }
  }

  @Test
  void smsOnlyPhone_getsTheSmsBodyText_andDeliveredToNetworkIsNotified() {
    String xml = request("sms-1", null, "text/plain", "Your parcel is out for delivery",
        "13900000012").replace("</outboundIMMessage>",
        "<shortMessageSupported>true</shortMessageSupported>"
            + "<smsBodyText>Parcel out for delivery today</smsBodyText></outboundIMMessage>");

    HttpResponse<Buffer> sent = send(SEND, xml);
    List<InboxMessage> inbox = Eventually.until(
        () -> platform.platform.embeddedSmsc().orElseThrow().inbox(SMS_USER),
        list -> !list.isEmpty(), Duration.ofSeconds(5));
    CmccNotifyServer.Notification network = notify.next(DELIVERY,
        n -> "DeliveredToNetwork".equals(n.get("deliveryStatus")));
    CmccNotifyServer.Notification handset = notify.next(DELIVERY,
        n -> "DeliveredToTerminal".equals(n.get("deliveryStatus")));

    assertThat(sent.statusCode()).isEqualTo(201);
    assertThat(inbox.get(0).text()).isEqualTo("Parcel out for delivery today");
    assertThat(network.get("messageId")).isEqualTo("sms-1");
    assertThat(network.get("address")).isEqualTo("tel:" + SMS_USER);
    assertThat(network.signed()).isTrue();
    assertThat(handset.get("messageId")).isEqualTo("sms-1");
    assertThat(handset.get("description")).containsIgnoringCase("SMS");
  }

  @Test
  void smsOnlyPhone_getsACardWithChipsAFileAndALocation_asTheirSmsTexts() {
    JsonObject card = new JsonObject().put("message", new JsonObject().put("generalPurposeCard",
        new JsonObject().put("layout", new JsonObject().put("cardOrientation", "VERTICAL"))
            .put("content", new JsonObject().put("title", "Parcel 4711")
                .put("description", "Arrives today between 2 and 4 pm"))));
    String multipart = "--next\r\n"
        + "Content-Type: " + CARD + "\r\n\r\n"
        + card.encode() + "\r\n"
        + "--next\r\n"
        + "Content-Type: " + CHIPS + "\r\n\r\n"
        + chips().encode() + "\r\n"
        + "--next--\r\n";
    String file = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<file xmlns=\"urn:gsma:params:xml:ns:rcs:rcs:fthttp\">\n"
        + "  <file-info type=\"file\">\n"
        + "    <file-size>182044</file-size>\n"
        + "    <file-name>menu.pdf</file-name>\n"
        + "    <content-type>application/pdf</content-type>\n"
        + "    <data url=\"https://cdn.example.com/menu.pdf\" until=\"2030-01-01T00:00:00Z\"/>\n"
        + "  </file-info>\n"
        + "</file>\n";

    List<HttpResponse<Buffer>> sent = List.of(
        send(SEND, request("sms-card", null, "multipart/mixed; boundary=\"next\"",
            cdata(multipart), SMS_USER)),
        send(SEND, request("sms-file", null, "application/vnd.gsma.rcs-ft-http+xml",
            cdata(file), SMS_USER)),
        send(SEND, request("sms-geo", null, "text/plain",
            "geo:31.2304,121.4737;crs=gcj02;u=10;rcs-l=Pick-up%20point", SMS_USER)));
    List<String> texts = Eventually.until(
        () -> platform.platform.embeddedSmsc().orElseThrow().inbox(SMS_USER), list -> list
            .size() == 3, Duration.ofSeconds(5)).stream().map(InboxMessage::text).toList();
    Set<String> statuses = new HashSet<>();
    while (statuses.size() < 6) {
      CmccNotifyServer.Notification n = notify.next(DELIVERY, m -> true);
      statuses.add(n.get("messageId") + " " + n.get("deliveryStatus"));
    }

    assertThat(sent).allSatisfy(answer -> assertThat(answer.statusCode())
        .as(answer.bodyAsString()).isEqualTo(201));
    assertThat(texts).anySatisfy(text -> assertThat(text).contains("Parcel 4711")
        .contains("Arrives today between 2 and 4 pm").contains("1) Yes"));
    assertThat(texts).anySatisfy(text -> assertThat(text)
        .contains("menu.pdf: https://cdn.example.com/menu.pdf"));
    assertThat(texts).anySatisfy(text -> assertThat(text)
        .contains("https://www.openstreetmap.org/?mlat=31.2304&mlon=121.4737"));
    assertThat(statuses).containsExactlyInAnyOrder(
        "sms-card DeliveredToNetwork", "sms-card DeliveredToTerminal",
        "sms-file DeliveredToNetwork", "sms-file DeliveredToTerminal",
        "sms-geo DeliveredToNetwork", "sms-geo DeliveredToTerminal");
  }

  @Test
  void reportRequest_decidesWhichStatusesTheBotIsToldOf() {
    String xml = request("sms-2", null, "text/plain", "Only tell me it arrived",
        "13900000012").replace("<reportRequest>DeliveredToNetwork</reportRequest>", "")
        .replace("</outboundIMMessage>", "<shortMessageSupported>true</shortMessageSupported>"
            + "</outboundIMMessage>");
    String bad = request("sms-3", null, "text/plain", "x", "13900000012")
        .replace("<reportRequest>Displayed</reportRequest>", "<reportRequest>Read</reportRequest>");

    send(SEND, xml);
    // The first report the bot gets of it is the handset's receipt, not the SMSC's acceptance.
    CmccNotifyServer.Notification first = notify.next(DELIVERY,
        n -> "sms-2".equals(n.get("messageId")));
    HttpResponse<Buffer> refused = send(SEND, bad);

    assertThat(first.get("deliveryStatus")).isEqualTo("DeliveredToTerminal");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.bodyAsString()).contains("reportRequest[2]");
  }

  @Test
  void groupSend_isOneRequest_withAStatusPerRecipientUnderTheRequestsMessageId() {
    List<String> recipients = List.of("+8613900020001", "+8613900020002", "+8613900020003");
    String xml = request("wave-1", "wave-corr", "text/plain", "Flash sale at noon",
        recipients.toArray(String[]::new)).replace("</outboundIMMessage>",
        "<shortMessageSupported>true</shortMessageSupported></outboundIMMessage>");

    HttpResponse<Buffer> sent = send(GROUP, xml);
    Set<String> notified = new HashSet<>();
    while (notified.size() < recipients.size()) {
      CmccNotifyServer.Notification n = notify.next(DELIVERY,
          m -> "DeliveredToNetwork".equals(m.get("deliveryStatus")));
      assertThat(n.get("messageId")).isEqualTo("wave-1");
      notified.add(n.get("address"));
    }

    assertThat(sent.statusCode()).as(sent.bodyAsString()).isEqualTo(201);
    assertThat(text(sent, "resourceURL")).endsWith("/group/v1/outbound/" + URI
        + "/requests/wave-1");
    assertThat(notified).containsExactlyInAnyOrderElementsOf(
        recipients.stream().map(r -> "tel:" + r).toList());
  }

  @Test
  void sameClientCorrelator_sendsOnce_andWithAnotherBodyIs409() {
    String xml = request(null, "corr-7", "text/plain", "One SMS only", SMS_USER)
        .replace("</outboundIMMessage>",
            "<shortMessageSupported>true</shortMessageSupported></outboundIMMessage>");

    HttpResponse<Buffer> first = send(SEND, xml);
    HttpResponse<Buffer> again = send(SEND, xml);
    HttpResponse<Buffer> other = send(SEND, xml.replace("One SMS only", "Another text"));
    notify.next(DELIVERY, n -> "DeliveredToNetwork".equals(n.get("deliveryStatus")));

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(again.statusCode()).isEqualTo(201);
    assertThat(text(again, "resourceURL")).isEqualTo(text(first, "resourceURL"));
    assertThat(other.statusCode()).isEqualTo(409);
    assertThat(text(other, "messageId")).isEqualTo("SVC0005");
    assertThat(platform.platform.embeddedSmsc().orElseThrow().inbox(SMS_USER)).hasSize(1);
  }

  @Test
  void revoke_ofAnUndeliveredMessage_isRevoked_andOfADeliveredOne_revokeFailed() {
    String offline = "+8613900000013";
    platform.request(HttpMethod.PUT, "/network/v1/devices/" + offline)
        .bearerTokenAuthentication(RunningPlatform.NETWORK_TOKEN)
        .sendJsonObject(new JsonObject()).await();
    try (TestDevice phone = platform.device(RCS_USER)) {
      send(GROUP, request("two-1", null, "text/plain", "for two", offline, RCS_USER));
      HttpResponse<Buffer> undelivered = revoke("two-1", "tel:" + offline);
      CmccNotifyServer.Notification revoked = notify.next(DELIVERY,
          n -> "Revoked".equals(n.get("deliveryStatus")));
      JsonObject frame = phone.next("message");
      phone.send(new JsonObject().put("type", "delivered").put("msgId", frame.getString("msgId")));
      notify.next(DELIVERY, n -> "DeliveredToTerminal".equals(n.get("deliveryStatus")));

      HttpResponse<Buffer> tooLate = revoke("two-1", RCS_USER);
      CmccNotifyServer.Notification failed = notify.next(DELIVERY,
          n -> "RevokeFailed".equals(n.get("deliveryStatus")));

      assertThat(undelivered.statusCode()).as(undelivered.bodyAsString()).isEqualTo(200);
      assertThat(text(undelivered, "status")).isEqualTo("RevokeRequested");
      assertThat(revoked.get("messageId")).isEqualTo("two-1");
      assertThat(revoked.get("address")).isEqualTo("tel:" + offline);
      assertThat(revoked.signed()).isTrue();
      assertThat(tooLate.statusCode()).isEqualTo(200);
      assertThat(failed.get("address")).isEqualTo("tel:" + RCS_USER);
    }
    HttpResponse<Buffer> unknown = revoke("no-such-message", RCS_USER);
    HttpResponse<Buffer> badUri = platform.request(HttpMethod.POST,
            "/messaging/v1/outbound/sip%ZZbot/requests")
        .putHeader("Content-Type", "application/xml").sendBuffer(Buffer.buffer("<a/>")).await();
    HttpResponse<Buffer> otherUser = revoke("two-1", "+8613900000099");

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(root(unknown).getLocalName()).isEqualTo("requestError");
    assertThat(otherUser.statusCode()).isEqualTo(404);
    assertThat(badUri.statusCode()).isEqualTo(400);
  }

  @Test
  void usersText_andAChipTap_arriveAtInboundMessageNotification() {
    try (TestDevice phone = platform.device(RCS_USER)) {
      phone.send(new JsonObject().put("type", "message").put("to", "cmbot")
          .put("RCSMessage", new JsonObject().put("textMessage", "where is my parcel?")));
      CmccNotifyServer.Notification message = notify.next(INBOUND, n -> true);
      phone.send(new JsonObject().put("type", "message").put("to", "cmbot")
          .put("RCSMessage", new JsonObject().put("suggestedResponse", new JsonObject()
              .put("response", chips().getJsonArray("suggestions").getJsonObject(0)))));
      CmccNotifyServer.Notification tap = notify.next(INBOUND, n -> true);

      assertThat(message.signed()).isTrue();
      assertThat(message.root().getLocalName()).isEqualTo("inboundMessageNotification");
      assertThat(message.root().getNamespaceURI())
          .isEqualTo("urn:oma:xml:rest:netapi:messaging:1");
      assertThat(message.get("contentType")).isEqualTo("text/plain");
      assertThat(message.get("bodyText")).isEqualTo("where is my parcel?");
      assertThat(message.get("senderAddress")).isEqualTo("tel:" + RCS_USER);
      assertThat(message.get("destinationAddress")).isEqualTo(URI);
      assertThat(message.get("messageId")).isNotBlank();
      assertThat(message.get("conversationID")).isNotBlank();
      assertThat(message.get("dateTime")).isNotBlank();
      assertThat(tap.get("contentType")).isEqualTo(RESPONSE);
      assertThat(new JsonObject(tap.get("bodyText")).getJsonObject("response")
          .getJsonObject("reply").getJsonObject("postback").getString("data")).isEqualTo("yes");
    }
  }

  @Test
  void notifyServerDownForAWhile_thenUp_getsEveryMessageInOrder() {
    notify.answer(503);
    try (TestDevice phone = platform.device(RCS_USER)) {
      for (String text : List.of("one", "two", "three")) {
        phone.send(new JsonObject().put("type", "message").put("to", "cmbot")
            .put("RCSMessage", new JsonObject().put("textMessage", text)));
      }
      // Refused, then retried (the first message holds up the conversation's others).
      Eventually.until(notify::refused, count -> count >= 3, Duration.ofSeconds(5));
      notify.answer(204);

      List<String> received = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        received.add(notify.next(INBOUND, n -> true).get("bodyText"));
      }

      assertThat(received).containsExactly("one", "two", "three");
    }
  }

  @Test
  void notifyServerDownPastTheRetries_leavesDeadLetters_thatAReplayDeliversInOrder() {
    notify.answer(503);
    try (TestDevice phone = platform.device(RCS_USER)) {
      for (String text : List.of("late one", "late two")) {
        phone.send(new JsonObject().put("type", "message").put("to", "cmbot").put("id", text)
            .put("RCSMessage", new JsonObject().put("textMessage", text)));
        phone.next("ack");
      }
    }
    // Refused, then past the retry window (5 minutes in the tests' settings).
    Eventually.until(notify::refused, count -> count >= 1, Duration.ofSeconds(5));
    clock.jump(Duration.ofMinutes(6));
    JsonArray dead = platform.deadLetters("cmbot", 2);
    notify.answer(204);

    JsonObject replayed = platform.replayDeadLetters("cmbot");
    List<CmccNotifyServer.Notification> received = List.of(notify.next(INBOUND, n -> true),
        notify.next(INBOUND, n -> true));

    assertThat(dead).hasSize(2);
    assertThat(replayed.getInteger("replayed")).isEqualTo(2);
    assertThat(received).extracting(n -> n.get("bodyText"))
        .containsExactly("late one", "late two");
    assertThat(received).allMatch(CmccNotifyServer.Notification::signed);
  }

  @Test
  void gsmaCtcuAndCmccBots_talkToTheSamePhone_eachInItsOwnDialect() {
    FakeChatbot gsmaWebhook = FakeChatbot.start(vertx);
    CtcuNotifyServer ctcuNotify = CtcuNotifyServer.start(vertx);
    try (TestDevice phone = platform.device(RCS_USER)) {
      JsonObject gsma = platform.register("gsmabot", gsmaWebhook.url());
      JsonObject ctcu = platform.admin(HttpMethod.POST, "/admin/v1/chatbots")
          .sendJsonObject(new JsonObject().put("botId", "ctbot").put("name", "CT bot")
              .put("webhookUrl", ctcuNotify.url()).put("dialect", "ctcu"))
          .await().bodyAsJsonObject();
      ctcuNotify.verifyWith(ctcu.getString("notifyToken"), "sha256");
      String ctcuToken = platform.request(HttpMethod.POST,
              "/bot/v1/sip:ctbot@test.local/accessToken")
          .sendJsonObject(new JsonObject().put("appId", ctcu.getString("appId"))
              .put("appKey", ctcu.getString("appKey")))
          .await().bodyAsJsonObject().getString("accessToken");

      platform.send("gsmabot", platform.token(gsma), new JsonObject()
          .put("messageContact", new JsonObject().put("userContact", RCS_USER))
          .put("RCSMessage", new JsonObject().put("textMessage", "from GSMA")));
      JsonObject first = phone.next("message");
      platform.request(HttpMethod.POST, "/bot/v1/sip:ctbot@test.local/messages")
          .putHeader("Authorization", "accessToken " + ctcuToken)
          .sendJsonObject(new JsonObject().put("messageId", "ct-1")
              .put("messageList", new JsonArray().add(new JsonObject()
                  .put("contentType", "text/plain").put("contentText", "from CT/CU")))
              .put("destinationAddress", new JsonArray().add(RCS_USER)))
          .await();
      JsonObject second = phone.next("message");
      send(SEND, request("cm-1", null, "text/plain", "from CMCC", RCS_USER));
      JsonObject third = phone.next("message");
      for (String bot : List.of("gsmabot", "ctbot", "cmbot")) {
        phone.send(new JsonObject().put("type", "message").put("to", bot)
            .put("RCSMessage", new JsonObject().put("textMessage", "hello " + bot)));
      }
      FakeChatbot.Received toGsma = gsmaWebhook.next("message");
      CtcuNotifyServer.Notification toCtcu = ctcuNotify.next(
          "/messageNotification/sip:ctbot@test.local/messages", body -> true);
      CmccNotifyServer.Notification toCmcc = notify.next(INBOUND, n -> true);

      assertThat(List.of(first, second, third)).extracting(f -> f.getString("from"))
          .containsExactly("gsmabot", "ctbot", "cmbot");
      assertThat(List.of(first, second, third))
          .extracting(f -> f.getJsonObject("RCSMessage").getString("textMessage"))
          .containsExactly("from GSMA", "from CT/CU", "from CMCC");
      assertThat(toGsma.event().getJsonObject("RCSMessage").getString("textMessage"))
          .isEqualTo("hello gsmabot");
      assertThat(toCtcu.signed()).isTrue();
      assertThat(toCtcu.body().getJsonArray("messageList").getJsonObject(0)
          .getString("contentText")).isEqualTo("hello ctbot");
      assertThat(toCtcu.body().getString("senderAddress")).isEqualTo("tel:" + RCS_USER);
      assertThat(toCmcc.signed()).isTrue();
      assertThat(toCmcc.get("bodyText")).isEqualTo("hello cmbot");
      assertThat(toCmcc.get("senderAddress")).isEqualTo("tel:" + RCS_USER);
    } finally {
      gsmaWebhook.close();
      ctcuNotify.close();
    }
  }

  @Test
  void hostileXml_isRefusedWithARequestError_andNothingIsSent() {
    String billionLaughs = "<?xml version=\"1.0\"?>\n"
        + "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>\n"
        + request("x-1", null, "text/plain", "&lol2;", RCS_USER).replaceFirst("<\\?xml[^>]*>",
            "");
    String external = "<?xml version=\"1.0\"?>\n"
        + "<!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
        + request("x-2", null, "text/plain", "&xxe;", RCS_USER).replaceFirst("<\\?xml[^>]*>",
            "");
    try (TestDevice phone = platform.device(RCS_USER)) {
      HttpResponse<Buffer> laughs = send(SEND, billionLaughs);
      HttpResponse<Buffer> xxe = send(SEND, external);
      HttpResponse<Buffer> malformed = send(SEND, "<msg:outboundMessageRequest");
      HttpResponse<Buffer> oversized = send(SEND, request("x-3", null, "text/plain",
          "x".repeat(600 * 1024), RCS_USER));
      HttpResponse<Buffer> notXml = post(SEND, "hello", appId, password,
          rfc1123(ZonedDateTime.now(ZoneOffset.UTC)), "text/plain");

      for (HttpResponse<Buffer> refused : List.of(laughs, xxe, malformed, notXml)) {
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(text(refused, "messageId")).isEqualTo("SVC0002");
      }
      assertThat(text(laughs, "text")).contains("DOCTYPE");
      assertThat(text(xxe, "text")).contains("DOCTYPE");
      assertThat(oversized.statusCode()).isEqualTo(413);
      assertThat(root(oversized).getLocalName()).isEqualTo("requestError");
      assertThat(text(oversized, "messageId")).isEqualTo("POL0001");
      assertThat(phone.noneWithin("message", Duration.ofMillis(300))).isTrue();
      assertThat(stored("cmbot")).isZero();
    }
  }

  @Test
  void unknownElements_areIgnored() {
    String xml = request("extra-1", "c-extra", "text/plain", "hello", RCS_USER)
        .replace("<outboundIMMessage>", "<outboundIMMessage><subject>hi from us</subject>"
            + "<imFormat>IM</imFormat><somethingNew a=\"1\"><deeper/></somethingNew>")
        .replace("<clientCorrelator>", "<Address>tel:" + RCS_USER + "</Address>"
            + "<senderName>Brand</senderName><clientCorrelator>");
    try (TestDevice phone = platform.device(RCS_USER)) {
      HttpResponse<Buffer> sent = send(SEND, xml);

      assertThat(sent.statusCode()).as(sent.bodyAsString()).isEqualTo(201);
      assertThat(phone.next("message").getJsonObject("RCSMessage").getString("textMessage"))
          .isEqualTo("hello");
    }
  }

  @Test
  void badContent_is400WithOurViolations_pointingIntoTheRequest() {
    JsonObject card = new JsonObject(Fixtures.text("cards/valid/single-card.json"));
    card.getJsonObject("message").getJsonObject("generalPurposeCard").getJsonObject("content")
        .put("title", "x".repeat(201));
    String multipart = "--b1\n"
        + "Content-Type: " + CARD + "\n\n"
        + card.encode() + "\n"
        + "--b1--\n";
    List<String> tooMany = new ArrayList<>();
    for (int i = 0; i < 501; i++) {
      tooMany.add(String.format("+86139%08d", 30_000 + i));
    }

    HttpResponse<Buffer> longTitle = send(SEND, request("bad-1", null,
        "multipart/mixed;boundary=b1", cdata(multipart), RCS_USER));
    HttpResponse<Buffer> badNumber = send(SEND, request("bad-2", null, "text/plain", "hi",
        "not-a-number"));
    HttpResponse<Buffer> crowd = send(GROUP, request("bad-3", null, "text/plain", "hi",
        tooMany.toArray(String[]::new)));
    HttpResponse<Buffer> unknownType = send(SEND, request("bad-4", null, "application/json",
        "{}", RCS_USER));
    HttpResponse<Buffer> noBoundary = send(SEND, request("bad-5", null, "multipart/mixed",
        "--x\n\nhi\n--x--", RCS_USER));
    HttpResponse<Buffer> chipsAlone = send(SEND, request("bad-6", null, CHIPS,
        chips().encode(), RCS_USER));
    long storedAfterBadContent = stored("cmbot");

    assertThat(longTitle.statusCode()).isEqualTo(400);
    assertThat(text(longTitle, "messageId")).isEqualTo("SVC0002");
    assertThat(text(longTitle, "path")).isEqualTo("/outboundMessageRequest/outboundIMMessage"
        + "/bodyText/part[1]/message/generalPurposeCard/content/title");
    assertThat(text(longTitle, "code")).isEqualTo("too_long");
    assertThat(badNumber.statusCode()).isEqualTo(400);
    assertThat(text(badNumber, "messageId")).isEqualTo("SVC0004");
    assertThat(text(badNumber, "path")).isEqualTo("/outboundMessageRequest/destinationAddress[1]");
    assertThat(crowd.statusCode()).isEqualTo(400);
    assertThat(text(crowd, "messageId")).isEqualTo("POL0003");
    assertThat(unknownType.statusCode()).isEqualTo(400);
    assertThat(text(unknownType, "messageId")).isEqualTo("SVC0002");
    assertThat(text(unknownType, "path"))
        .isEqualTo("/outboundMessageRequest/outboundIMMessage/contentType");
    assertThat(noBoundary.statusCode()).isEqualTo(400);
    assertThat(text(noBoundary, "path"))
        .isEqualTo("/outboundMessageRequest/outboundIMMessage/contentType");
    assertThat(chipsAlone.statusCode()).isEqualTo(400);
    assertThat(text(chipsAlone, "path"))
        .isEqualTo("/outboundMessageRequest/outboundIMMessage/bodyText");
    assertThat(storedAfterBadContent).isZero();
  }

  @Test
  void chatbotInfoAndMenu_ofACmccBot_areTheOnesEveryClientReadsAtGetBot() {
    // DIALECTS.md gives CMCC no chatbot-information API: the operator keeps the profile and the
    // menu (admin API), and phones read them where they read every chatbot's (GET /bot).
    JsonObject menu = new JsonObject().put("menu", new JsonObject().put("entries", new JsonArray()
        .add(new JsonObject().put("reply", new JsonObject().put("displayText", "Track")
            .put("postback", new JsonObject().put("data", "track"))))));
    HttpResponse<Buffer> patched = platform.admin(HttpMethod.PATCH, "/admin/v1/chatbots/cmbot")
        .sendJsonObject(new JsonObject().put("description", "Parcels, tracked")
            .put("persistentMenu", menu)).await();

    JsonObject info = platform.request(HttpMethod.GET, "/bot?id=" + ENCODED_URI).send().await()
        .bodyAsJsonObject();

    assertThat(patched.statusCode()).as(patched.bodyAsString()).isEqualTo(200);
    assertThat(info.getJsonObject("persistentMenu")).isEqualTo(menu);
    assertThat(info.encode()).contains("Parcels, tracked");
  }

  @Test
  void gsmaBot_isNotReachableAsACmccChatbot() {
    JsonObject gsma = platform.register("gsmabot", notify.url());

    HttpResponse<Buffer> answer = post("/messaging/v1/outbound/sip:gsmabot@test.local/requests",
        request("g-1", null, "text/plain", "hi", RCS_USER), gsma.getString("clientId"),
        gsma.getString("clientSecret"), rfc1123(ZonedDateTime.now(ZoneOffset.UTC)));

    assertThat(answer.statusCode()).isEqualTo(404);
    assertThat(root(answer).getLocalName()).isEqualTo("requestError");
  }

  @Test
  void fileUploadedToContent_answersItsFtHttpXml_thatSentAsBodyTextReachesThePhone()
      throws Exception {
    byte[] png = png();
    try (TestDevice phone = platform.device(RCS_USER)) {
      HttpResponse<Buffer> uploaded = upload(MultipartForm.create()
          .binaryFileUpload("File", "dot.png", Buffer.buffer(png), "image/png")
          .binaryFileUpload("Thumbnail", "dot-small.png", Buffer.buffer(png), "image/png"));
      FtHttp descriptor = FtHttp.read(uploaded.body().getBytes());
      HttpResponse<Buffer> sent = send(SEND, request("upload-1", null, FtHttp.CONTENT_TYPE,
          cdata(uploaded.bodyAsString()), RCS_USER));
      JsonObject shown = phone.next("message").getJsonObject("RCSMessage")
          .getJsonObject("fileMessage");
      HttpResponse<Buffer> downloaded = platform.request(HttpMethod.GET,
          java.net.URI.create(shown.getString("fileUrl")).getPath()).send().await();

      assertThat(uploaded.statusCode()).as(uploaded.bodyAsString()).isEqualTo(200);
      assertThat(uploaded.getHeader("Content-Type")).isEqualTo(FtHttp.CONTENT_TYPE);
      assertThat(descriptor.file().fileName()).isEqualTo("dot.png");
      assertThat(descriptor.file().fileMIMEType()).isEqualTo("image/png");
      assertThat(descriptor.file().fileSize()).isEqualTo((long) png.length);
      assertThat(descriptor.file().thumbnailUrl()).isNotNull();
      assertThat(descriptor.until()).isNotNull();
      assertThat(sent.statusCode()).as(sent.bodyAsString()).isEqualTo(201);
      assertThat(shown.getString("fileUrl")).isEqualTo(descriptor.file().fileUrl());
      assertThat(shown.getString("thumbnailUrl")).isEqualTo(descriptor.file().thumbnailUrl());
      assertThat(downloaded.statusCode()).isEqualTo(200);
      assertThat(downloaded.body().getBytes()).isEqualTo(png);
    }
  }

  @Test
  void fileDeletedAtContent_byItsTidOrUrl_isGone_andOnlyItsOwnerMayDeleteIt() throws Exception {
    byte[] png = png();
    HttpResponse<Buffer> first = upload(MultipartForm.create()
        .binaryFileUpload("File", "dot.png", Buffer.buffer(png), "image/png"));
    HttpResponse<Buffer> second = upload(MultipartForm.create()
        .binaryFileUpload("File", "dot2.png", Buffer.buffer(png), "image/png"));
    String firstUrl = FtHttp.read(first.body().getBytes()).file().fileUrl();
    String secondUrl = FtHttp.read(second.body().getBytes()).file().fileUrl();
    JsonObject other = register("otherbot");

    HttpResponse<Buffer> downloaded = get(firstUrl);
    HttpResponse<Buffer> byOther = deleteContent(first.getHeader("tid"),
        other.getString("appId"), other.getString("password"));
    HttpResponse<Buffer> byTid = deleteContent(first.getHeader("tid"), appId, password);
    HttpResponse<Buffer> byUrl = deleteContent(secondUrl, appId, password);
    HttpResponse<Buffer> again = deleteContent(first.getHeader("tid"), appId, password);
    HttpResponse<Buffer> noTid = deleteContent(null, appId, password);
    HttpResponse<Buffer> elsewhere = deleteContent("https://elsewhere.example/x.png", appId,
        password);
    HttpResponse<Buffer> anonymous = platform.request(HttpMethod.DELETE, "/Content")
        .putHeader("tid", second.getHeader("tid")).send().await();

    assertThat(first.getHeader("tid")).isNotBlank();
    assertThat(firstUrl).endsWith("/" + first.getHeader("tid"));
    assertThat(downloaded.statusCode()).isEqualTo(200);
    assertThat(downloaded.body().getBytes()).isEqualTo(png);
    assertThat(byOther.statusCode()).isEqualTo(404);
    assertThat(text(byOther, "messageId")).isEqualTo("SVC0001");
    assertThat(byTid.statusCode()).as(byTid.bodyAsString()).isEqualTo(204);
    assertThat(byUrl.statusCode()).as(byUrl.bodyAsString()).isEqualTo(204);
    assertThat(get(firstUrl).statusCode()).isEqualTo(404);
    assertThat(get(secondUrl).statusCode()).isEqualTo(404);
    assertThat(again.statusCode()).isEqualTo(404);
    assertThat(noTid.statusCode()).isEqualTo(400);
    assertThat(text(noTid, "messageId")).isEqualTo("SVC0002");
    assertThat(text(noTid, "text")).contains("tid");
    assertThat(elsewhere.statusCode()).isEqualTo(400);
    assertThat(text(elsewhere, "messageId")).isEqualTo("SVC0002");
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(text(anonymous, "messageId")).isEqualTo("POL0001");
  }

  @Test
  void contentUpload_ofARefusedTypeOrTooLarge_orWithoutTheDigest_isARequestError() {
    HttpResponse<Buffer> page = upload(MultipartForm.create().binaryFileUpload("File",
        "page.html", Buffer.buffer("<html><p>hi</p></html>"), "text/html"));
    HttpResponse<Buffer> huge = upload(MultipartForm.create().binaryFileUpload("File",
        "film.mp4", Buffer.buffer(new byte[(int) MAX_FILE * 2]), "video/mp4"));
    HttpResponse<Buffer> noFile = upload(MultipartForm.create().attribute("note", "none"));
    HttpResponse<Buffer> anonymous = platform.request(HttpMethod.POST, "/Content")
        .sendMultipartForm(MultipartForm.create().binaryFileUpload("File", "dot.png",
            Buffer.buffer(new byte[] {1}), "image/png")).await();

    assertThat(page.statusCode()).as(page.bodyAsString()).isEqualTo(415);
    assertThat(root(page).getLocalName()).isEqualTo("requestError");
    assertThat(text(page, "messageId")).isEqualTo("SVC0002");
    assertThat(text(page, "text")).contains("text/html");
    assertThat(huge.statusCode()).as(huge.bodyAsString()).isEqualTo(413);
    assertThat(text(huge, "messageId")).isEqualTo("POL0001");
    assertThat(noFile.statusCode()).as(noFile.bodyAsString()).isEqualTo(400);
    assertThat(text(noFile, "text")).contains("File");
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(text(anonymous, "messageId")).isEqualTo("POL0001");
  }

  // ----- a CMCC client, from DIALECTS.md --------------------------------------------------------

  private JsonObject register(String botId) {
    HttpResponse<Buffer> registered = platform.admin(HttpMethod.POST, "/admin/v1/chatbots")
        .sendJsonObject(new JsonObject().put("botId", botId).put("name", "CM bot")
            .put("webhookUrl", notify.url()).put("dialect", "cmcc"))
        .await();
    assertThat(registered.statusCode()).as(registered.bodyAsString()).isEqualTo(201);
    JsonObject answer = registered.bodyAsJsonObject();
    assertThat(answer.getString("dialect")).isEqualTo("cmcc");
    assertThat(answer.getString("appId")).isEqualTo(answer.getString("clientId"));
    assertThat(answer.getString("password")).isEqualTo(answer.getString("clientSecret"));
    assertThat(answer.getString("notifyToken")).isEqualTo(answer.getString("webhookSecret"));
    return answer;
  }

  /** How many messages of {@code botId} to users the store holds (the admin API's insights). */
  private long stored(String botId) {
    Instant now = Instant.now();
    return platform.admin(HttpMethod.GET, "/admin/v1/insights?botId=" + botId
            + "&from=" + now.minus(Duration.ofHours(1)) + "&to=" + now.plus(Duration.ofHours(1)))
        .send().await().bodyAsJsonObject().getJsonObject("totals").getLong("sent");
  }

  private HttpResponse<Buffer> send(String path, String xml) {
    return post(path, xml, appId, password, rfc1123(ZonedDateTime.now(ZoneOffset.UTC)));
  }

  private HttpResponse<Buffer> post(String path, String body, String id, String secret,
      String date) {
    return post(path, body, id, secret, date, "application/xml");
  }

  private HttpResponse<Buffer> post(String path, String body, String id, String secret,
      String date, String contentType) {
    return platform.request(HttpMethod.POST, path)
        .putHeader("Authorization", basic(id, secret, date))
        .putHeader("Date", date)
        .putHeader("Address", "tel:" + RCS_USER)
        .putHeader("Content-Type", contentType)
        .sendBuffer(Buffer.buffer(body)).await();
  }

  /** POST /Content with the Basic digest, as China Mobile's content server takes it. */
  private HttpResponse<Buffer> upload(MultipartForm form) {
    String date = rfc1123(ZonedDateTime.now(ZoneOffset.UTC));
    return platform.request(HttpMethod.POST, "/Content")
        .putHeader("Authorization", basic(appId, password, date))
        .putHeader("Date", date)
        .sendMultipartForm(form).await();
  }

  /** DELETE /Content naming the file in a tid header (none when null), with the digest. */
  private HttpResponse<Buffer> deleteContent(String tid, String id, String secret) {
    String date = rfc1123(ZonedDateTime.now(ZoneOffset.UTC));
    var request = platform.request(HttpMethod.DELETE, "/Content")
        .putHeader("Authorization", basic(id, secret, date))
        .putHeader("Date", date);
    if (tid != null) {
      request.putHeader("tid", tid);
    }
    return request.send().await();
  }

  /** A GET of a file's URL, as a phone fetches it (no credentials). */
  private HttpResponse<Buffer> get(String url) {
    return platform.request(HttpMethod.GET, java.net.URI.create(url).getPath()).send().await();
  }

  private static byte[] png() throws java.io.IOException {
    java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(16, 16,
        java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  private HttpResponse<Buffer> revoke(String messageId, String address) {
    String date = rfc1123(ZonedDateTime.now(ZoneOffset.UTC));
    return platform.request(HttpMethod.PUT, SEND + "/" + messageId + "/status")
        .putHeader("Authorization", basic(appId, password, date))
        .putHeader("Date", date)
        .putHeader("Content-Type", "application/xml")
        .sendBuffer(Buffer.buffer("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<msg:messageStatusReport xmlns:msg=\"urn:oma:xml:rest:netapi:messaging:1\">\n"
            + "  <status>RevokeRequested</status>\n"
            + "  <address>" + address + "</address>\n"
            + "</msg:messageStatusReport>"))
        .await();
  }

  /** Basic base64(appId:sha256hex(sha256hex(password) + Date)). */
  private static String basic(String id, String secret, String date) {
    String digest = CmccNotifyServer.sha256Hex(CmccNotifyServer.sha256Hex(secret) + date);
    return "Basic " + Base64.getEncoder().encodeToString((id + ":" + digest)
        .getBytes(StandardCharsets.UTF_8));
  }

  private static String rfc1123(ZonedDateTime at) {
    // Labelled GMT whatever the zone, as deployed clients write it.
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(at.withZoneSameLocal(ZoneOffset.UTC));
  }

  private static String request(String messageId, String correlator, String contentType,
      String bodyText, String... to) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<msg:outboundMessageRequest xmlns:msg=\"urn:oma:xml:rest:netapi:messaging:1\">\n");
    for (String number : to) {
      xml.append("  <destinationAddress>").append(number).append("</destinationAddress>\n");
    }
    xml.append("  <senderAddress>").append(URI).append("</senderAddress>\n")
        .append("  <outboundIMMessage>\n")
        .append("    <contentType>").append(contentType).append("</contentType>\n")
        .append("    <conversationID>4f4a1c6e-conv</conversationID>\n")
        .append("    <contributionID>4f4a1c6e-contrib</contributionID>\n")
        .append("    <serviceCapability><capabilityId>ChatbotSA</capabilityId>")
        .append("<version>+g.gsma.rcs.botversion=&quot;#=1&quot;</version>")
        .append("</serviceCapability>\n");
    if (messageId != null) {
      xml.append("    <messageId>").append(messageId).append("</messageId>\n");
    }
    xml.append("    <bodyText>").append(bodyText).append("</bodyText>\n")
        .append("    <reportRequest>Delivered</reportRequest>\n")
        .append("    <reportRequest>Displayed</reportRequest>\n")
        .append("    <reportRequest>DeliveredToNetwork</reportRequest>\n")
        .append("  </outboundIMMessage>\n");
    if (correlator != null) {
      xml.append("  <clientCorrelator>").append(correlator).append("</clientCorrelator>\n");
    } else {
      xml.append("  <clientCorrelator></clientCorrelator>\n");
    }
    return xml.append("</msg:outboundMessageRequest>\n").toString();
  }

  private static String cdata(String text) {
    return "\n      <![CDATA[" + text + "]]>\n    ";
  }

  private static JsonObject chips() {
    return new JsonObject().put("suggestions", new JsonArray().add(new JsonObject()
        .put("reply", new JsonObject().put("displayText", "Yes")
            .put("postback", new JsonObject().put("data", "yes")))));
  }

  private static Element root(HttpResponse<Buffer> answer) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
      factory.setNamespaceAware(true);
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(
          answer.body().getBytes())).getDocumentElement();
    } catch (Exception e) {
      throw new AssertionError("not XML: " + answer.bodyAsString(), e);
    }
  }

  private static String text(HttpResponse<Buffer> answer, String name) {
    String found = CmccNotifyServer.text(root(answer), name);
    assertThat(found).as("%s in %s", name, answer.bodyAsString()).isNotNull();
    return found;
  }
}
