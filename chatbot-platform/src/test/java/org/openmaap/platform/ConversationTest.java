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

/** A user and a chatbot talking through the platform: real device socket, real webhook server. */
class ConversationTest {

  private static final String USER = "+8613800000001";

  @TempDir
  Path dataDir;

  private Vertx vertx;
  private RunningPlatform platform;
  private FakeChatbot bot;
  private JsonObject registration;
  private String token;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    platform = RunningPlatform.start(vertx, config(dataDir));
    bot = FakeChatbot.start(vertx);
    registration = platform.register("coffee", bot.url());
    token = platform.token(registration);
  }

  @AfterEach
  void stop() {
    platform.close();
    bot.close();
    vertx.close().await();
  }

  /** The platform's settings: the embedded store in {@code dataDir} here. */
  PlatformConfig config(Path dataDir) {
    return RunningPlatform.config(dataDir);
  }

  static JsonObject text(String user, String text) {
    return new JsonObject().put("messageContact", new JsonObject().put("userContact", user))
        .put("RCSMessage", new JsonObject().put("textMessage", text));
  }

  static JsonObject card(String user) {
    return new JsonObject("""
        {"messageContact": {"userContact": "%s"},
         "RCSMessage": {"richcardMessage": {"message": {"generalPurposeCard": {
           "layout": {"cardOrientation": "VERTICAL"},
           "content": {"title": "Latte", "suggestions": [
             {"reply": {"displayText": "Order", "postback": {"data": "order:latte"}}}]}}}}}}"""
        .formatted(user));
  }

  @Test
  void userMessage_reachesTheBotSigned_andTheBotsCardReachesTheDevice() {
    try (TestDevice phone = platform.device(USER)) {
      phone.send(new JsonObject().put("type", "message").put("id", 1).put("to", "coffee")
          .put("RCSMessage", new JsonObject().put("textMessage", "hi")));

      JsonObject ack = phone.next("ack");
      FakeChatbot.Received newUser = bot.next("newUser");
      FakeChatbot.Received message = bot.next("message");

      assertThat(ack.getInteger("ref")).isEqualTo(1);
      assertThat(newUser.event().getJsonObject("messageContact").getString("userContact"))
          .isEqualTo(USER);
      assertThat(message.signedWith(registration.getString("webhookSecret"))).isTrue();
      assertThat(message.eventId()).isNotBlank();
      assertThat(message.event().getJsonObject("RCSMessage").getString("textMessage"))
          .isEqualTo("hi");
      assertThat(message.event().getString("channel")).isEqualTo("rcs");
      assertThat(message.event().getString("conversationId"))
          .isEqualTo(newUser.event().getString("conversationId"));

      HttpResponse<Buffer> sent = platform.send("coffee", token, card(USER));

      assertThat(sent.statusCode()).isEqualTo(202);
      String msgId = sent.bodyAsJsonObject().getJsonObject("RCSMessage").getString("msgId");
      JsonObject frame = phone.next("message");
      assertThat(frame.getString("msgId")).isEqualTo(msgId);
      assertThat(frame.getString("from")).isEqualTo("coffee");
      assertThat(frame.getJsonObject("chatbot").getString("name")).isEqualTo("Bot coffee");
      assertThat(frame.getJsonObject("RCSMessage").getJsonObject("richcardMessage")).isNotNull();
      assertThat(frame.getString("conversationId"))
          .isEqualTo(message.event().getString("conversationId"));

      phone.send(new JsonObject().put("type", "delivered").put("msgId", msgId));
      FakeChatbot.Received delivered = bot.next("messageStatus");
      phone.send(new JsonObject().put("type", "displayed").put("msgId", msgId));
      FakeChatbot.Received displayed = bot.next("messageStatus");

      assertThat(delivered.event().getJsonObject("RCSMessage").getString("status"))
          .isEqualTo("delivered");
      assertThat(displayed.event().getJsonObject("RCSMessage").getString("status"))
          .isEqualTo("displayed");
      assertThat(delivered.signedWith(registration.getString("webhookSecret"))).isTrue();
    }
  }

  @Test
  void health_answersUpWithTheStoreAndConnectedDevices() {
    try (TestDevice phone = platform.device(USER)) {
      phone.send(new JsonObject().put("type", "isTyping").put("to", "coffee").put("state", "idle")
          .put("id", "t"));
      phone.next("ack");

      JsonObject health = platform.http.get("/admin/v1/health").send().await().bodyAsJsonObject();

      assertThat(health.getString("status")).isEqualTo("up");
      assertThat(health.getString("store")).isEqualTo("up");
      assertThat(health.getInteger("devicesConnected")).isEqualTo(1);
      assertThat(health.getString("node")).isNotBlank();
      assertThat(health.getJsonArray("nodes")).containsExactly(health.getString("node"));
      assertThat(health.getString("database")).isIn("sqlite", "postgresql");
    }
  }

  @Test
  void tappedChip_reachesTheBotAsAResponseWithThePostback() {
    try (TestDevice phone = platform.device(USER)) {
      phone.send(new JsonObject("""
          {"type": "message", "to": "coffee", "RCSMessage": {"suggestedResponse": {"response":
            {"reply": {"displayText": "Order", "postback": {"data": "order:latte"}}}}}}"""));

      FakeChatbot.Received response = bot.next("response");

      assertThat(response.event().getJsonObject("RCSMessage").getJsonObject("suggestedResponse")
          .getJsonObject("response").getJsonObject("reply").getJsonObject("postback")
          .getString("data")).isEqualTo("order:latte");
    }
  }

  @Test
  void webhookAnswerWithAnRcsMessage_isSentToTheUserAsASynchronousReply() {
    bot.answer(event -> "message".equals(event.getString("event"))
        ? new FakeChatbot.Answer(200, new JsonObject().put("RCSMessage",
            new JsonObject().put("textMessage", "Hello from the bot")))
        : FakeChatbot.Answer.OK);
    try (TestDevice phone = platform.device(USER)) {
      phone.send(new JsonObject().put("type", "message").put("to", "coffee")
          .put("RCSMessage", new JsonObject().put("textMessage", "hi")));

      JsonObject reply = phone.next("message");

      assertThat(reply.getJsonObject("RCSMessage").getString("textMessage"))
          .isEqualTo("Hello from the bot");
      assertThat(reply.getJsonObject("RCSMessage").getString("inReplyToContributionId"))
          .isEqualTo(bot.next("message").event().getString("contributionId"));
    }
  }

  @Test
  void webhookAnswerWithTyping_showsTheIndicatorOnTheDevice() {
    bot.answer(event -> "message".equals(event.getString("event"))
        ? new FakeChatbot.Answer(200, new JsonObject().put("RCSMessage",
            new JsonObject().put("isTyping", "active")))
        : FakeChatbot.Answer.OK);
    try (TestDevice phone = platform.device(USER)) {
      phone.send(new JsonObject().put("type", "message").put("to", "coffee")
          .put("RCSMessage", new JsonObject().put("textMessage", "hi")));

      assertThat(phone.next("isTyping").getString("state")).isEqualTo("active");
    }
  }

  @Test
  void typing_travelsBothWays() {
    try (TestDevice phone = platform.device(USER)) {
      phone.send(new JsonObject().put("type", "isTyping").put("to", "coffee")
          .put("state", "active"));
      assertThat(bot.next("isTyping").event().getJsonObject("RCSMessage").getString("isTyping"))
          .isEqualTo("active");

      HttpResponse<Buffer> sent = platform.send("coffee", token, new JsonObject()
          .put("messageContact", new JsonObject().put("userContact", USER))
          .put("RCSMessage", new JsonObject().put("isTyping", "active")));

      assertThat(sent.statusCode()).isEqualTo(202);
      JsonObject typing = phone.next("isTyping");
      assertThat(typing.getString("from")).isEqualTo("coffee");
      assertThat(typing.getString("state")).isEqualTo("active");
    }
  }

  @Test
  void readReport_fromTheBot_reachesTheDevice() {
    try (TestDevice phone = platform.device(USER)) {
      phone.send(new JsonObject().put("type", "message").put("to", "coffee")
          .put("RCSMessage", new JsonObject().put("textMessage", "hi")));
      String msgId = bot.next("message").event().getJsonObject("RCSMessage").getString("msgId");

      HttpResponse<Buffer> read = platform.http
          .put("/bot/v1/coffee/messages/" + msgId + "/status").bearerTokenAuthentication(token)
          .sendJsonObject(new JsonObject().put("RCSMessage",
              new JsonObject().put("status", "displayed")))
          .await();

      assertThat(read.statusCode()).isEqualTo(200);
      assertThat(phone.next("displayed").getString("msgId")).isEqualTo(msgId);
    }
  }

  @Test
  void offlineDevice_getsTheMessageWhenItConnects() {
    platform.request(HttpMethod.PUT, "/network/v1/devices/" + USER)
        .bearerTokenAuthentication(RunningPlatform.NETWORK_TOKEN)
        .sendJsonObject(new JsonObject()).await();

    HttpResponse<Buffer> sent = platform.send("coffee", token, text(USER, "stored for you"));
    String msgId = sent.bodyAsJsonObject().getJsonObject("RCSMessage").getString("msgId");

    assertThat(sent.statusCode()).isEqualTo(202);
    try (TestDevice phone = platform.device(USER)) {
      JsonObject frame = phone.next("message");
      assertThat(frame.getString("msgId")).isEqualTo(msgId);
    }
  }

  @Test
  void secondWebSocketOfANumber_replacesTheFirst_andTheFirstClosingLeavesTheSecond() {
    TestDevice first = platform.device(USER);
    try (TestDevice second = platform.device(USER)) {
      // An ack means the platform has attached the second socket.
      second.send(new JsonObject().put("type", "isTyping").put("id", "attached")
          .put("to", "coffee").put("state", "idle"));
      second.next("ack");

      String msgId = platform.send("coffee", token, text(USER, "to the newer socket"))
          .bodyAsJsonObject().getJsonObject("RCSMessage").getString("msgId");

      assertThat(second.next("message").getString("msgId")).isEqualTo(msgId);
      assertThat(first.noneWithin("message", Duration.ofMillis(500))).isTrue();
      first.close();
      String later = platform.send("coffee", token, text(USER, "still the newer socket"))
          .bodyAsJsonObject().getJsonObject("RCSMessage").getString("msgId");
      assertThat(second.next("message").getString("msgId")).isEqualTo(later);
    }
  }

  @Test
  void messageSentButNotReportedDelivered_isWrittenAgainOnReconnect_underTheSameMsgId() {
    String msgId;
    try (TestDevice phone = platform.device(USER)) {
      msgId = platform.send("coffee", token, text(USER, "did you get this?"))
          .bodyAsJsonObject().getJsonObject("RCSMessage").getString("msgId");
      phone.next("message");
      awaitStatus(msgId, "sent");
    }

    try (TestDevice phone = platform.device(USER)) {
      JsonObject again = phone.next("message");
      phone.send(new JsonObject().put("type", "delivered").put("msgId", msgId));

      assertThat(again.getString("msgId")).isEqualTo(msgId);
      FakeChatbot.Received delivered = bot.next("messageStatus");
      assertThat(delivered.event().getJsonObject("RCSMessage").getString("msgId"))
          .isEqualTo(msgId);
      assertThat(delivered.event().getJsonObject("RCSMessage").getString("status"))
          .isEqualTo("delivered");
    }
  }

  @Test
  void revoke_beforeDelivery_cancelsAndTheDeviceNeverGetsIt_afterDeliveryIsConflict() {
    platform.request(HttpMethod.PUT, "/network/v1/devices/" + USER)
        .bearerTokenAuthentication(RunningPlatform.NETWORK_TOKEN)
        .sendJsonObject(new JsonObject()).await();
    String first = platform.send("coffee", token, text(USER, "never mind"))
        .bodyAsJsonObject().getJsonObject("RCSMessage").getString("msgId");

    HttpResponse<Buffer> revoked = revoke(first);

    assertThat(revoked.statusCode()).isEqualTo(200);
    assertThat(revoked.bodyAsJsonObject().getJsonObject("RCSMessage").getString("status"))
        .isEqualTo("cancelled");
    try (TestDevice phone = platform.device(USER)) {
      String second = platform.send("coffee", token, text(USER, "this one"))
          .bodyAsJsonObject().getJsonObject("RCSMessage").getString("msgId");
      JsonObject frame = phone.next("message");
      assertThat(frame.getString("msgId")).isEqualTo(second);
      phone.send(new JsonObject().put("type", "delivered").put("msgId", second));
      bot.next("messageStatus");

      HttpResponse<Buffer> late = revoke(second);

      assertThat(late.statusCode()).isEqualTo(409);
      assertThat(late.bodyAsJsonObject().getJsonObject("error").getString("message"))
          .contains("delivered");
    }
  }

  @Test
  void revoke_afterTheDeviceGotItButBeforeDelivered_sendsARevokeFrame() {
    try (TestDevice phone = platform.device(USER)) {
      String msgId = platform.send("coffee", token, text(USER, "oops"))
          .bodyAsJsonObject().getJsonObject("RCSMessage").getString("msgId");
      phone.next("message");

      assertThat(revoke(msgId).statusCode()).isEqualTo(200);
      assertThat(phone.next("revoke").getString("msgId")).isEqualTo(msgId);
    }
  }

  @Test
  void resend_withTheSameMsgIdAndBody_answersTheOriginalAndDeliversOnce() {
    JsonObject request = text(USER, "once");
    request.getJsonObject("RCSMessage").put("msgId", "order-42");
    try (TestDevice phone = platform.device(USER)) {
      HttpResponse<Buffer> first = platform.send("coffee", token, request);
      HttpResponse<Buffer> again = platform.send("coffee", token, request);
      JsonObject other = request.copy();
      other.getJsonObject("RCSMessage").put("textMessage", "twice");
      HttpResponse<Buffer> conflicting = platform.send("coffee", token, other);

      assertThat(first.statusCode()).isEqualTo(202);
      assertThat(again.statusCode()).isEqualTo(200);
      assertThat(again.bodyAsJsonObject().getString("contributionId"))
          .isEqualTo(first.bodyAsJsonObject().getString("contributionId"));
      assertThat(conflicting.statusCode()).isEqualTo(409);
      assertThat(phone.next("message").getString("msgId")).isEqualTo("order-42");
      assertThat(phone.noneWithin("message", Duration.ofMillis(500))).isTrue();
    }
  }

  @Test
  void status_showsTheHistory() {
    try (TestDevice phone = platform.device(USER)) {
      String msgId = platform.send("coffee", token, text(USER, "track me"))
          .bodyAsJsonObject().getJsonObject("RCSMessage").getString("msgId");
      phone.next("message");
      phone.send(new JsonObject().put("type", "delivered").put("msgId", msgId));
      bot.next("messageStatus");

      JsonObject status = platform.http.get("/bot/v1/coffee/messages/" + msgId + "/status")
          .bearerTokenAuthentication(token).send().await().bodyAsJsonObject();

      assertThat(status.getJsonObject("RCSMessage").getString("status")).isEqualTo("delivered");
      assertThat(status.getString("channel")).isEqualTo("rcs");
      assertThat(status.getJsonArray("history").stream()
          .map(h -> ((JsonObject) h).getString("status")))
          .containsSubsequence("pending", "delivered");
    }
  }

  @Test
  void userWithoutRcs_andNoSmsAllowed_failsWithNotRcsCapable() {
    JsonObject request = text("+8613900000009", "hello?");
    request.getJsonObject("RCSMessage").put("shortMessageSupported", false);
    String msgId = platform.send("coffee", token, request)
        .bodyAsJsonObject().getJsonObject("RCSMessage").getString("msgId");

    FakeChatbot.Received failed = bot.next("messageStatus");

    assertThat(failed.event().getJsonObject("RCSMessage").getString("msgId")).isEqualTo(msgId);
    assertThat(failed.event().getJsonObject("RCSMessage").getString("status"))
        .isEqualTo("failed");
    assertThat(failed.event().getJsonObject("RCSMessage").getJsonObject("error")
        .getString("reason")).isEqualTo("not_rcs_capable");
  }

  @Test
  void capabilities_areCachedAndRefreshed() {
    JsonObject before = capabilities(USER, false);
    platform.request(HttpMethod.PUT, "/network/v1/devices/" + USER)
        .bearerTokenAuthentication(RunningPlatform.NETWORK_TOKEN)
        .sendJsonObject(new JsonObject().put("features", new io.vertx.core.json.JsonArray()
            .add("chatbot").add("richcard"))).await();
    JsonObject after = capabilities(USER, false);
    JsonObject cached = capabilities(USER, false);

    assertThat(before.getBoolean("rcs")).isFalse();
    assertThat(before.getBoolean("cached")).isFalse();
    assertThat(after.getBoolean("rcs")).isTrue();
    assertThat(after.getJsonArray("features").getList()).containsExactly("chatbot", "richcard");
    assertThat(cached.getBoolean("cached")).isTrue();
    assertThat(capabilities(USER, true).getBoolean("cached")).isFalse();
  }

  private JsonObject capabilities(String user, boolean refresh) {
    return platform.http.get("/bot/v1/coffee/contactCapabilities")
        .addQueryParam("userContact", user)
        .addQueryParam("refresh", String.valueOf(refresh))
        .bearerTokenAuthentication(token).send().await().bodyAsJsonObject();
  }

  private void awaitStatus(String msgId, String status) {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    String current = null;
    while (System.nanoTime() < deadline) {
      current = platform.http.get("/bot/v1/coffee/messages/" + msgId + "/status")
          .bearerTokenAuthentication(token).send().await().bodyAsJsonObject()
          .getJsonObject("RCSMessage").getString("status");
      if (status.equals(current)) {
        return;
      }
    }
    throw new AssertionError("message " + msgId + " is " + current + ", not " + status);
  }

  private HttpResponse<Buffer> revoke(String msgId) {
    return platform.http.put("/bot/v1/coffee/messages/" + msgId + "/status")
        .bearerTokenAuthentication(token)
        .sendJsonObject(new JsonObject().put("RCSMessage",
            new JsonObject().put("status", "cancelled")))
        .await();
  }
}
