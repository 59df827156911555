package org.openmaap.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.card.Fixtures;

/**
 * A CMCC chatbot written against the JSON binding of OMA NetAPI messaging (DIALECTS.md: "a JSON
 * variant exists"; non-text bodies are base64), over real HTTP with the Basic digest: sends,
 * revokes and errors in JSON, and notifications in JSON for a bot registered with
 * {@code "notifyFormat": "json"}.
 */
class CmccJsonDialectTest {

  private static final String RCS_USER = "+8613900000021";
  private static final String URI = "sip:jsonbot@test.local";
  private static final String SEND = "/messaging/v1/outbound/" + URI + "/requests";
  private static final String GROUP = "/messaging/group/v1/outbound/" + URI + "/requests";
  private static final String CARD = "application/vnd.gsma.botmessage.v1.0+json";
  private static final String CHIPS = "application/vnd.gsma.botsuggestion.v1.0+json";
  private static final String RESPONSE = "application/vnd.gsma.botsuggestion.response.v1.0+json";
  private static final String DELIVERY = "/cmcc/DeliveryInfoNotification/" + URI;
  private static final String INBOUND = "/cmcc/InboundMessageNotification/" + URI;
  private static final String IM = "/outboundMessageRequest/outboundIMMessage";

  @TempDir Path dataDir;
  private Vertx vertx;
  private RunningPlatform platform;
  private CmccNotifyServer notify;
  private JsonObject registration;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    platform = RunningPlatform.start(vertx, RunningPlatform.config(dataDir));
    notify = CmccNotifyServer.start(vertx);
    HttpResponse<Buffer> registered = platform.admin(HttpMethod.POST, "/admin/v1/chatbots")
        .sendJsonObject(new JsonObject().put("botId", "jsonbot").put("name", "JSON bot")
            .put("webhookUrl", notify.url()).put("dialect", "cmcc").put("notifyFormat", "json"))
        .await();
    assertThat(registered.statusCode()).as(registered.bodyAsString()).isEqualTo(201);
    registration = registered.bodyAsJsonObject();
    notify.verifyWith(registration.getString("appId"), registration.getString("notifyToken"));
  }

  @AfterEach
  void stop() {
    platform.close();
    notify.close();
    vertx.close().await();
  }

  @Test
  void jsonText_andACardWithChips_reachThePhone_andDeliveredToTerminalIsNotifiedInJson() {
    JsonObject card = new JsonObject(Fixtures.text("cards/valid/single-card.json"));
    String multipart = "--next\r\n"
        + "Content-Type: " + CARD + "\r\n\r\n"
        + card.encode() + "\r\n"
        + "--next\r\n"
        + "Content-Type: " + CHIPS + "\r\n\r\n"
        + chips().encode() + "\r\n"
        + "--next--\r\n";
    try (TestDevice phone = platform.device(RCS_USER)) {
      HttpResponse<Buffer> text = send(SEND, request("j-text", "text/plain",
          "Your parcel is on its way", RCS_USER));
      JsonObject textFrame = phone.next("message");
      HttpResponse<Buffer> rich = send(SEND, request("j-card", "multipart/mixed; boundary=next",
          base64(multipart), "tel:" + RCS_USER));
      JsonObject cardFrame = phone.next("message");
      HttpResponse<Buffer> cardOnly = send(SEND, request("j-card-only", CARD,
          base64(card.encode()), RCS_USER));
      JsonObject cardOnlyFrame = phone.next("message");
      phone.send(new JsonObject().put("type", "delivered")
          .put("msgId", cardFrame.getString("msgId")));

      CmccNotifyServer.Notification delivered = notify.next(DELIVERY, n -> n.json() != null
          && "j-card".equals(info(n).getString("messageId"))
          && "DeliveredToTerminal".equals(info(n).getString("deliveryStatus")));

      assertThat(text.statusCode()).as(text.bodyAsString()).isEqualTo(201);
      assertThat(text.getHeader("Content-Type")).startsWith("application/json");
      assertThat(text.bodyAsJsonObject().getJsonObject("resourceReference")
          .getString("resourceURL")).endsWith("/requests/j-text")
          .isEqualTo(text.getHeader("Location"));
      assertThat(textFrame.getJsonObject("RCSMessage").getString("textMessage"))
          .isEqualTo("Your parcel is on its way");
      assertThat(rich.statusCode()).as(rich.bodyAsString()).isEqualTo(201);
      assertThat(cardFrame.getJsonObject("RCSMessage").getJsonObject("richcardMessage"))
          .isEqualTo(card);
      assertThat(cardFrame.getJsonObject("RCSMessage").getJsonObject("suggestedChipList"))
          .isEqualTo(chips());
      assertThat(cardOnly.statusCode()).as(cardOnly.bodyAsString()).isEqualTo(201);
      assertThat(cardOnlyFrame.getJsonObject("RCSMessage").getJsonObject("richcardMessage"))
          .isEqualTo(card);
      assertThat(delivered.signed()).isTrue();
      assertThat(delivered.headers().get("Content-Type")).startsWith("application/json");
      assertThat(info(delivered).getString("address")).isEqualTo("tel:" + RCS_USER);
    }
  }

  @Test
  void usersText_andAChipTap_arriveAsJsonInboundMessageNotifications() {
    try (TestDevice phone = platform.device(RCS_USER)) {
      phone.send(new JsonObject().put("type", "message").put("to", "jsonbot")
          .put("RCSMessage", new JsonObject().put("textMessage", "where is my parcel?")));
      JsonObject message = inbound(notify.next(INBOUND, n -> n.json() != null));
      phone.send(new JsonObject().put("type", "message").put("to", "jsonbot")
          .put("RCSMessage", new JsonObject().put("suggestedResponse", new JsonObject()
              .put("response", chips().getJsonArray("suggestions").getJsonObject(0)))));
      JsonObject tap = inbound(notify.next(INBOUND, n -> n.json() != null));

      assertThat(message.getString("contentType")).isEqualTo("text/plain");
      assertThat(message.getString("bodyText")).isEqualTo("where is my parcel?");
      assertThat(message.getString("senderAddress")).isEqualTo("tel:" + RCS_USER);
      assertThat(message.getString("destinationAddress")).isEqualTo(URI);
      assertThat(message.getString("messageId")).isNotBlank();
      assertThat(tap.getString("contentType")).isEqualTo(RESPONSE);
      // A body that is not plain text is base64 in the JSON binding.
      assertThat(new JsonObject(new String(Base64.getDecoder().decode(
          tap.getString("bodyText")), StandardCharsets.UTF_8)).getJsonObject("response")
          .getJsonObject("reply").getJsonObject("postback").getString("data")).isEqualTo("yes");
    }
  }

  @Test
  void revokeInJson_isAnsweredInJson_andItsOutcomeNotifiedInJson() {
    String offline = "+8613900000023";
    platform.request(HttpMethod.PUT, "/network/v1/devices/" + offline)
        .bearerTokenAuthentication(RunningPlatform.NETWORK_TOKEN)
        .sendJsonObject(new JsonObject()).await();
    HttpResponse<Buffer> sent = send(GROUP, request("j-two", "text/plain", "for two", offline,
        "+8613900000024"));

    HttpResponse<Buffer> revoked = call(HttpMethod.PUT, SEND + "/j-two/status",
        new JsonObject().put("messageStatusReport", new JsonObject()
            .put("status", "RevokeRequested").put("address", "tel:" + offline)).encode());
    CmccNotifyServer.Notification outcome = notify.next(DELIVERY, n -> n.json() != null
        && "Revoked".equals(info(n).getString("deliveryStatus")));
    HttpResponse<Buffer> wrongStatus = call(HttpMethod.PUT, SEND + "/j-two/status",
        new JsonObject().put("messageStatusReport", new JsonObject()
            .put("status", "Delivered").put("address", "tel:" + offline)).encode());

    assertThat(sent.statusCode()).as(sent.bodyAsString()).isEqualTo(201);
    assertThat(revoked.statusCode()).as(revoked.bodyAsString()).isEqualTo(200);
    assertThat(revoked.bodyAsJsonObject()).isEqualTo(new JsonObject().put("messageStatusReport",
        new JsonObject().put("status", "RevokeRequested").put("address", "tel:" + offline)));
    assertThat(info(outcome).getString("messageId")).isEqualTo("j-two");
    assertThat(info(outcome).getString("address")).isEqualTo("tel:" + offline);
    assertThat(outcome.signed()).isTrue();
    assertThat(wrongStatus.statusCode()).isEqualTo(400);
    assertThat(violations(wrongStatus).getJsonObject(0).getString("path"))
        .isEqualTo("/messageStatusReport/status");
  }

  @Test
  void badContent_isAJsonRequestError_withViolationsPointingIntoTheJsonRequest() {
    JsonObject card = new JsonObject(Fixtures.text("cards/valid/single-card.json"));
    card.getJsonObject("message").getJsonObject("generalPurposeCard").getJsonObject("content")
        .put("title", "x".repeat(201));
    JsonObject badReport = new JsonObject(request("j-bad-3", "text/plain", "hi", RCS_USER));
    badReport.getJsonObject("outboundMessageRequest").getJsonObject("outboundIMMessage")
        .put("reportRequest", new JsonArray().add("Delivered").add("Read"));

    HttpResponse<Buffer> longTitle = send(SEND, request("j-bad-1", CARD, base64(card.encode()),
        RCS_USER));
    HttpResponse<Buffer> badNumber = send(SEND, request("j-bad-2", "text/plain", "hi",
        RCS_USER, "not-a-number"));
    HttpResponse<Buffer> report = send(SEND, badReport.encode());
    HttpResponse<Buffer> notBase64 = send(SEND, request("j-bad-4", CARD, card.encode(),
        RCS_USER));

    assertThat(longTitle.statusCode()).isEqualTo(400);
    assertThat(longTitle.getHeader("Content-Type")).startsWith("application/json");
    JsonObject exception = longTitle.bodyAsJsonObject().getJsonObject("requestError")
        .getJsonObject("serviceException");
    assertThat(exception.getString("messageId")).isEqualTo("SVC0002");
    assertThat(exception.getJsonArray("variables")).containsExactly(IM
        + "/bodyText/message/generalPurposeCard/content/title");
    assertThat(violations(longTitle).getJsonObject(0).getString("code")).isEqualTo("too_long");
    assertThat(badNumber.statusCode()).isEqualTo(400);
    assertThat(badNumber.bodyAsJsonObject().getJsonObject("requestError")
        .getJsonObject("serviceException").getString("messageId")).isEqualTo("SVC0004");
    assertThat(violations(badNumber).getJsonObject(0).getString("path"))
        .isEqualTo("/outboundMessageRequest/address/1");
    assertThat(violations(report).getJsonObject(0).getString("path"))
        .isEqualTo(IM + "/reportRequest/1");
    assertThat(notBase64.statusCode()).isEqualTo(400);
    assertThat(violations(notBase64).getJsonObject(0).getString("path"))
        .isEqualTo(IM + "/bodyText");
    assertThat(violations(notBase64).getJsonObject(0).getString("message")).contains("base64");
    assertThat(stored()).isZero();
  }

  /** How many messages of this bot to users the store holds (the admin API's insights). */
  private long stored() {
    Instant now = Instant.now();
    return platform.admin(HttpMethod.GET, "/admin/v1/insights?botId=jsonbot"
            + "&from=" + now.minus(Duration.ofHours(1)) + "&to=" + now.plus(Duration.ofHours(1)))
        .send().await().bodyAsJsonObject().getJsonObject("totals").getLong("sent");
  }

  @Test
  void malformedTooDeepOrOversizedJson_andBadCredentials_areJsonRequestErrors_andNothingIsSent() {
    String deep = "{\"outboundMessageRequest\": " + "[".repeat(200) + "]".repeat(200) + "}";
    try (TestDevice phone = platform.device(RCS_USER)) {
      HttpResponse<Buffer> malformed = send(SEND, "{\"outboundMessageRequest\": {\"address\": ");
      HttpResponse<Buffer> tooDeep = send(SEND, deep);
      HttpResponse<Buffer> wrongRoot = send(SEND, "{\"outboundSMSMessageRequest\": {}}");
      HttpResponse<Buffer> oversized = send(SEND, request("j-big", "text/plain",
          "x".repeat(600 * 1024), RCS_USER));
      HttpResponse<Buffer> anonymous = platform.request(HttpMethod.POST, SEND)
          .putHeader("Content-Type", "application/json")
          .sendBuffer(Buffer.buffer(request("j-anon", "text/plain", "hi", RCS_USER))).await();
      HttpResponse<Buffer> badNotifyFormat = platform.admin(HttpMethod.POST, "/admin/v1/chatbots")
          .sendJsonObject(new JsonObject().put("botId", "yamlbot").put("name", "YAML bot")
              .put("webhookUrl", notify.url()).put("dialect", "cmcc")
              .put("notifyFormat", "yaml"))
          .await();

      for (HttpResponse<Buffer> refused : java.util.List.of(malformed, tooDeep, wrongRoot)) {
        assertThat(refused.statusCode()).as(refused.bodyAsString()).isEqualTo(400);
        assertThat(refused.bodyAsJsonObject().getJsonObject("requestError")
            .getJsonObject("serviceException").getString("messageId")).isEqualTo("SVC0002");
      }
      assertThat(oversized.statusCode()).isEqualTo(413);
      assertThat(oversized.bodyAsJsonObject().getJsonObject("requestError")
          .getJsonObject("policyException").getString("messageId")).isEqualTo("POL0001");
      assertThat(anonymous.statusCode()).isEqualTo(401);
      assertThat(anonymous.bodyAsJsonObject().getJsonObject("requestError")
          .getJsonObject("policyException").getString("messageId")).isEqualTo("POL0001");
      assertThat(badNotifyFormat.statusCode()).isEqualTo(400);
      assertThat(badNotifyFormat.bodyAsString()).contains("/notifyFormat");
      assertThat(phone.noneWithin("message", Duration.ofMillis(300))).isTrue();
      assertThat(stored()).isZero();
    }
  }

  @Test
  void xmlRequest_acceptingJson_isAnsweredInJson_withElementPaths() {
    String xml = "<msg:outboundMessageRequest xmlns:msg=\"urn:oma:xml:rest:netapi:messaging:1\">"
        + "<address>%s</address><outboundIMMessage><messageId>%s</messageId>"
        + "<bodyText>hi</bodyText></outboundIMMessage></msg:outboundMessageRequest>";

    HttpResponse<Buffer> sent = call(HttpMethod.POST, SEND, String.format(xml, RCS_USER, "x-1"),
        "application/xml", "application/json");
    HttpResponse<Buffer> refused = call(HttpMethod.POST, SEND, String.format(xml,
        "not-a-number", "x-2"), "application/xml", "application/json, application/xml;q=0.5");
    HttpResponse<Buffer> xmlPreferred = call(HttpMethod.POST, SEND, String.format(xml,
        RCS_USER, "x-3"), "application/xml", "application/xml, application/json");

    assertThat(sent.statusCode()).as(sent.bodyAsString()).isEqualTo(201);
    assertThat(sent.bodyAsJsonObject().getJsonObject("resourceReference")
        .getString("resourceURL")).endsWith("/requests/x-1");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(violations(refused).getJsonObject(0).getString("path"))
        .isEqualTo("/outboundMessageRequest/address[1]");
    assertThat(xmlPreferred.statusCode()).isEqualTo(201);
    assertThat(xmlPreferred.bodyAsString()).contains("<resourceURL>");
  }

  @Test
  void notifyFormat_isShown_andAPatchSwitchesItBackToXml() {
    HttpResponse<Buffer> patched = platform.admin(HttpMethod.PATCH, "/admin/v1/chatbots/jsonbot")
        .sendJsonObject(new JsonObject().put("notifyFormat", "xml")).await();

    try (TestDevice phone = platform.device(RCS_USER)) {
      phone.send(new JsonObject().put("type", "message").put("to", "jsonbot")
          .put("RCSMessage", new JsonObject().put("textMessage", "back to XML")));
      CmccNotifyServer.Notification message = notify.next(INBOUND, n -> true);

      assertThat(registration.getString("notifyFormat")).isEqualTo("json");
      assertThat(patched.statusCode()).as(patched.bodyAsString()).isEqualTo(200);
      assertThat(patched.bodyAsJsonObject().getString("notifyFormat")).isEqualTo("xml");
      assertThat(message.json()).isNull();
      assertThat(message.get("bodyText")).isEqualTo("back to XML");
    }
  }

  // ----- a CMCC client of the JSON binding ------------------------------------------------------

  /** An outboundMessageRequest in the JSON binding: every address in an array. */
  private static String request(String messageId, String contentType, String bodyText,
      String... to) {
    return new JsonObject().put("outboundMessageRequest", new JsonObject()
        .put("address", new JsonArray(java.util.List.of((Object[]) to)))
        .put("senderAddress", URI)
        .put("clientCorrelator", messageId + "-corr")
        .put("outboundIMMessage", new JsonObject()
            .put("contentType", contentType)
            .put("messageId", messageId)
            .put("bodyText", bodyText)
            .put("reportRequest", new JsonArray().add("Delivered").add("Displayed"))
            .put("serviceCapability", new JsonObject().put("capabilityId", "ChatbotSA")
                .put("version", "+g.gsma.rcs.botversion=\"#=1\""))))
        .encode();
  }

  private HttpResponse<Buffer> send(String path, String json) {
    return call(HttpMethod.POST, path, json);
  }

  private HttpResponse<Buffer> call(HttpMethod method, String path, String json) {
    return call(method, path, json, "application/json", null);
  }

  private HttpResponse<Buffer> call(HttpMethod method, String path, String body,
      String contentType, String accept) {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
    String digest = CmccNotifyServer.sha256Hex(CmccNotifyServer.sha256Hex(
        registration.getString("password")) + date);
    return platform.request(method, path)
        .putHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (registration.getString("appId") + ":" + digest).getBytes(StandardCharsets.UTF_8)))
        .putHeader("Date", date)
        .putHeader("Content-Type", contentType)
        .putHeader("Accept", accept == null ? "*/*" : accept)
        .sendBuffer(Buffer.buffer(body)).await();
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static JsonObject chips() {
    return new JsonObject().put("suggestions", new JsonArray().add(new JsonObject()
        .put("reply", new JsonObject().put("displayText", "Yes")
            .put("postback", new JsonObject().put("data", "yes")))));
  }

  private static JsonObject info(CmccNotifyServer.Notification n) {
    return n.json().getJsonObject("deliveryInfoNotification").getJsonObject("deliveryInfo");
  }

  private static JsonObject inbound(CmccNotifyServer.Notification n) {
    assertThat(n.signed()).isTrue();
    return n.json().getJsonObject("inboundMessageNotification").getJsonObject("inboundMessage");
  }

  private static JsonArray violations(HttpResponse<Buffer> answer) {
    JsonArray violations = answer.bodyAsJsonObject().getJsonObject("requestError")
        .getJsonArray("violations");
    assertThat(violations).as(answer.bodyAsString()).isNotNull();
    return violations;
  }
}
