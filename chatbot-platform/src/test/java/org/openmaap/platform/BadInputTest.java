package org.openmaap.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input on every endpoint gets API.md's error body with the right status, never a 5xx, and
 * never a dropped connection for anyone else.
 */
class BadInputTest {

  private static final String USER = "+8613800000002";

  @TempDir
  static Path dataDir;

  private static Vertx vertx;
  private static RunningPlatform platform;
  private static FakeChatbot bot;
  private static String token;
  private static String otherToken;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    platform = RunningPlatform.start(vertx, RunningPlatform.config(dataDir));
    bot = FakeChatbot.start(vertx);
    token = platform.token(platform.register("parcel", bot.url()));
    otherToken = platform.token(platform.register("flight", bot.url()));
  }

  @AfterAll
  static void stop() {
    platform.close();
    bot.close();
    vertx.close().await();
  }

  record Case(String name, int status, String code, Supplier<HttpResponse<Buffer>> call) {}

  private static HttpRequest<Buffer> bot(HttpMethod method, String path, String bearer) {
    HttpRequest<Buffer> request = platform.request(method, path);
    return bearer == null ? request : request.bearerTokenAuthentication(bearer);
  }

  private static Buffer raw(String text) {
    return Buffer.buffer(text);
  }

  private static List<Case> cases() {
    String send = "/bot/v1/parcel/messages";
    JsonObject valid = ConversationTest.text(USER, "hi");
    return List.of(
        new Case("malformed JSON", 400, "invalid_message", () -> bot(HttpMethod.POST, send, token)
            .putHeader("Content-Type", "application/json").sendBuffer(raw("{\"RCSMessage\": "))
            .await()),
        new Case("wrong type", 400, "invalid_message", () -> bot(HttpMethod.POST, send, token)
            .sendJsonObject(new JsonObject().put("messageContact", new JsonObject()
                .put("userContact", USER)).put("RCSMessage", new JsonObject()
                .put("textMessage", 42))).await()),
        new Case("not JSON", 415, "unsupported_media_type", () -> bot(HttpMethod.POST, send, token)
            .putHeader("Content-Type", "text/plain").sendBuffer(raw("hello")).await()),
        new Case("huge body", 413, "too_large", () -> bot(HttpMethod.POST, send, token)
            .putHeader("Content-Type", "application/json")
            .sendBuffer(raw("{\"a\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}")).await()),
        new Case("not a phone number", 400, "invalid_message", () -> bot(HttpMethod.POST, send,
            token).sendJsonObject(ConversationTest.text("tel:call-me-maybe", "hi")).await()),
        new Case("longer than E.164", 400, "bad_phone", () -> bot(HttpMethod.POST, send, token)
            .sendJsonObject(ConversationTest.text("+8613800000000123456", "hi")).await()),
        new Case("no token", 401, "unauthorized", () -> bot(HttpMethod.POST, send, null)
            .sendJsonObject(valid).await()),
        new Case("bad token", 401, "unauthorized", () -> bot(HttpMethod.POST, send, "nope")
            .sendJsonObject(valid).await()),
        new Case("another bot's token", 403, "forbidden", () -> bot(HttpMethod.POST, send,
            otherToken).sendJsonObject(valid).await()),
        new Case("unknown bot", 403, "forbidden", () -> bot(HttpMethod.POST,
            "/bot/v1/nobody/messages", token).sendJsonObject(valid).await()),
        new Case("unknown message", 404, "not_found", () -> bot(HttpMethod.GET,
            "/bot/v1/parcel/messages/nope/status", token).send().await()),
        new Case("bad status value", 400, "bad_value", () -> bot(HttpMethod.PUT,
            "/bot/v1/parcel/messages/x/status", token).sendJsonObject(new JsonObject()
            .put("RCSMessage", new JsonObject().put("status", "exploded"))).await()),
        new Case("capabilities without a number", 400, "bad_phone", () -> bot(HttpMethod.GET,
            "/bot/v1/parcel/contactCapabilities", token).send().await()),
        new Case("token with a bad secret", 401, "unauthorized", () -> platform.http
            .post("/oauth2/v1/token").basicAuthentication("client-parcel-x", "wrong")
            .sendForm(io.vertx.core.MultiMap.caseInsensitiveMultiMap()
                .add("grant_type", "client_credentials")).await()),
        new Case("token with another grant", 400, "unsupported_grant_type", () -> platform.http
            .post("/oauth2/v1/token").basicAuthentication("a", "b")
            .sendForm(io.vertx.core.MultiMap.caseInsensitiveMultiMap()
                .add("grant_type", "password")).await()),
        new Case("token without credentials", 401, "unauthorized", () -> platform.http
            .post("/oauth2/v1/token").sendForm(io.vertx.core.MultiMap.caseInsensitiveMultiMap()
                .add("grant_type", "client_credentials")).await()),
        new Case("admin without token", 401, "unauthorized", () -> platform.http
            .get("/admin/v1/chatbots").send().await()),
        new Case("admin with a bot token", 401, "unauthorized", () -> platform.http
            .get("/admin/v1/chatbots").bearerTokenAuthentication(token).send().await()),
        new Case("register with bad fields", 400, "invalid_chatbot", () -> platform
            .admin(HttpMethod.POST, "/admin/v1/chatbots").sendJsonObject(new JsonObject()
                .put("botId", "A!").put("webhookUrl", "ftp://x").put("colour", "red")).await()),
        new Case("register twice", 409, "conflict", () -> platform
            .admin(HttpMethod.POST, "/admin/v1/chatbots").sendJsonObject(new JsonObject()
                .put("botId", "parcel").put("name", "P").put("webhookUrl", bot.url())).await()),
        new Case("unknown chatbot", 404, "not_found", () -> platform
            .admin(HttpMethod.GET, "/admin/v1/chatbots/nobody").send().await()),
        new Case("admin body not an object", 400, "invalid_json", () -> platform
            .admin(HttpMethod.POST, "/admin/v1/chatbots")
            .putHeader("Content-Type", "application/json").sendBuffer(raw("[1,2]")).await()),
        new Case("network without token", 401, "unauthorized", () -> platform.http
            .put("/network/v1/devices/" + USER).sendJsonObject(new JsonObject()).await()),
        new Case("provision a bad number", 400, "bad_phone", () -> platform
            .request(HttpMethod.PUT, "/network/v1/devices/abc")
            .bearerTokenAuthentication(RunningPlatform.NETWORK_TOKEN)
            .sendJsonObject(new JsonObject()).await()),
        new Case("provision with bad features", 400, "wrong_type", () -> platform
            .request(HttpMethod.PUT, "/network/v1/devices/" + USER)
            .bearerTokenAuthentication(RunningPlatform.NETWORK_TOKEN)
            .sendJsonObject(new JsonObject().put("features", "all")).await()),
        new Case("unknown path", 404, "not_found", () -> platform.http.get("/nowhere").send()
            .await()));
  }

  @Test
  void everyBadRequest_getsTheErrorBodyAndItsStatus() {
    for (Case c : cases()) {
      HttpResponse<Buffer> response = c.call().get();

      assertThat(response.statusCode()).as(c.name() + ": " + response.bodyAsString())
          .isEqualTo(c.status());
      JsonObject error = response.bodyAsJsonObject().getJsonObject("error");
      assertThat(error.getInteger("status")).as(c.name()).isEqualTo(c.status());
      assertThat(error.getString("code")).as(c.name()).isEqualTo(c.code());
      assertThat(error.getString("message")).as(c.name()).isNotBlank();
    }
  }

  @Test
  void invalidCard_listsItsViolationsWithPointers() {
    JsonObject request = ConversationTest.card(USER);
    request.getJsonObject("RCSMessage").getJsonObject("richcardMessage").getJsonObject("message")
        .getJsonObject("generalPurposeCard").getJsonObject("content").put("title", "x".repeat(231));

    HttpResponse<Buffer> response = platform.send("parcel", token, request);

    assertThat(response.statusCode()).isEqualTo(400);
    JsonObject violation = response.bodyAsJsonObject().getJsonObject("error")
        .getJsonArray("violations").getJsonObject(0);
    assertThat(violation.getString("path"))
        .isEqualTo("/RCSMessage/richcardMessage/message/generalPurposeCard/content/title");
    assertThat(violation.getString("code")).isEqualTo("too_long");
    assertThat(violation.getString("message")).isEqualTo(
        "title has 231 characters; the limit is 200");
  }

  @Test
  void garbageFrames_getErrorFramesAndTheConnectionStaysUp() {
    try (TestDevice phone = platform.device(USER)) {
      phone.sendRaw("not json at all");
      JsonObject notJson = phone.next("error");
      phone.sendRaw("[1, 2, 3]");
      JsonObject array = phone.next("error");
      phone.send(new JsonObject().put("type", "teleport").put("id", "f1"));
      JsonObject unknownType = phone.next("error");
      phone.send(new JsonObject().put("type", "message").put("id", "f2").put("to", "nobody")
          .put("RCSMessage", new JsonObject().put("textMessage", "hi")));
      JsonObject unknownBot = phone.next("error");
      phone.send(new JsonObject().put("type", "message").put("id", "f3").put("to", "parcel")
          .put("RCSMessage", new JsonObject().put("textMessage", "")));
      JsonObject invalid = phone.next("error");
      phone.send(new JsonObject().put("type", "delivered").put("id", "f4").put("msgId", "nope"));
      JsonObject unknownMessage = phone.next("error");

      assertThat(notJson.getJsonObject("error").getString("code")).isEqualTo("invalid_json");
      assertThat(array.getJsonObject("error").getString("code")).isEqualTo("invalid_json");
      assertThat(unknownType.getString("ref")).isEqualTo("f1");
      assertThat(unknownType.getJsonObject("error").getInteger("status")).isEqualTo(400);
      assertThat(unknownBot.getJsonObject("error").getInteger("status")).isEqualTo(404);
      assertThat(invalid.getJsonObject("error").getJsonArray("violations").getJsonObject(0)
          .getString("path")).isEqualTo("/RCSMessage/textMessage");
      assertThat(unknownMessage.getString("ref")).isEqualTo("f4");

      phone.send(new JsonObject().put("type", "message").put("id", "ok").put("to", "parcel")
          .put("RCSMessage", new JsonObject().put("textMessage", "still here")));
      assertThat(phone.next("ack").getString("ref")).isEqualTo("ok");
      assertThat(phone.isClosed()).isFalse();
    }
  }

  @Test
  void deviceWithoutToken_cannotConnect() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> TestDevice.connect(vertx, platform.port(), USER, "wrong"))
        .hasMessageContaining("401");
  }
}
