package org.openmaap.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.platform.FakeChatbot.Answer;

/**
 * A chatbot written the way FNW.11 SDK users write them, talking to the running platform over
 * plain HTTP with the JDK's client: a token by form body, every optional member serialised as
 * null, the user addressed by the chatId of the webhook, errors read through {@code reason.text}.
 */
class SdkStyleBotTest {

  private static final String USER = "+8613800000131";

  @TempDir
  Path dataDir;

  private Vertx vertx;
  private RunningPlatform platform;
  private FakeChatbot webhook;
  private SdkClient sdk;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    platform = RunningPlatform.start(vertx, RunningPlatform.config(dataDir));
    webhook = FakeChatbot.start(vertx);
    JsonObject registration = platform.register("barista", webhook.url());
    sdk = new SdkClient("http://localhost:" + platform.port(), registration.getString("clientId"),
        registration.getString("clientSecret"));
  }

  @AfterEach
  void stop() {
    platform.close();
    webhook.close();
    vertx.close().await();
  }

  @Test
  @DisplayName("An SDK-style bot sends every kind of message by chatId, with nulls, and answers a tap")
  void sdkStyleBot_worksUnchanged() throws Exception {
    webhook.answer(event -> "response".equals(event.getString("event"))
        ? new Answer(200, new JsonObject("""
            {"RCSMessage": {"msgId": null, "textMessage": "One latte, coming up",
              "suggestedChipList": null, "expiry": null, "trafficType": null}}"""))
        : Answer.OK);
    sdk.token();

    try (TestDevice phone = platform.device(USER)) {
      phone.send(new JsonObject().put("type", "message").put("to", "barista")
          .put("RCSMessage", new JsonObject().put("textMessage", "menu please")));
      JsonObject contact = webhook.next("message").event().getJsonObject("messageContact");
      String chatId = contact.getString("chatId");
      // What the SDK's MessageContact class serialises: every member, the unset ones null.
      String to = "{\"userContact\": null, \"chatbotContact\": null, \"chatId\": \"" + chatId
          + "\"}";

      JsonObject text = sdk.send("""
          {"messageContact": %s, "RCSMessage": {"msgId": null, "trafficType": null,
            "expiry": null, "inReplyToContributionId": null, "textMessage": "What would you like?",
            "suggestedChipList": {"suggestions": [
              {"reply": {"displayText": "Latte", "postback": {"data": "latte"}}, "action": null},
              {"reply": {"displayText": "Tea", "postback": {"data": "tea"}}, "action": null}]}}}"""
          .formatted(to));
      JsonObject shown = phone.next("message");
      assertThat(shown.encode()).doesNotContain("null");
      assertThat(shown.getJsonObject("RCSMessage").getJsonObject("suggestedChipList")
          .getJsonArray("suggestions")).hasSize(2);

      sdk.send("""
          {"messageContact": %s, "RCSMessage": {"msgId": null, "expiry": null,
            "richcardMessage": {"message": {"generalPurposeCard": {
              "layout": {"cardOrientation": "VERTICAL", "imageAlignment": null,
                         "titleFontStyle": null, "descriptionFontStyle": null, "style": null},
              "content": {"media": {"mediaUrl": "https://cdn.example.com/latte.jpg",
                                    "mediaContentType": "image/jpeg", "mediaFileSize": 40000,
                                    "height": "MEDIUM_HEIGHT", "thumbnailUrl": null,
                                    "thumbnailContentType": null, "thumbnailFileSize": null,
                                    "contentDescription": null},
                          "title": "Latte", "description": null, "suggestions": null}}}}}}"""
          .formatted(to));
      assertThat(phone.next("message").getJsonObject("RCSMessage")
          .getJsonObject("richcardMessage").encode()).doesNotContain("null").contains("Latte");

      sdk.send("""
          {"messageContact": %s, "RCSMessage": {"msgId": null,
            "richcardMessage": {"message": {"generalPurposeCardCarousel": {
              "layout": {"cardWidth": "MEDIUM_WIDTH", "style": null},
              "content": [
                {"media": null, "title": "Latte", "description": "Hot", "suggestions": null},
                {"media": null, "title": "Tea", "description": null, "suggestions": [
                  {"reply": {"displayText": "Tea", "postback": {"data": "tea"}}}]}]}}}}}"""
          .formatted(to));
      assertThat(phone.next("message").getJsonObject("RCSMessage")
          .getJsonObject("richcardMessage").getJsonObject("message")
          .getJsonObject("generalPurposeCardCarousel").getJsonArray("content")).hasSize(2);

      sdk.send("""
          {"messageContact": %s, "RCSMessage": {"msgId": null, "fileMessage": {
            "fileUrl": "https://cdn.example.com/menu.pdf", "fileName": "menu.pdf",
            "fileMIMEType": "application/pdf", "fileSize": 52000, "thumbnailUrl": null,
            "thumbnailFileName": null, "thumbnailMIMEType": null, "thumbnailFileSize": null}}}"""
          .formatted(to));
      assertThat(phone.next("message").getJsonObject("RCSMessage").getJsonObject("fileMessage")
          .fieldNames()).containsExactlyInAnyOrder("fileUrl", "fileName", "fileMIMEType",
              "fileSize");

      sdk.send("""
          {"messageContact": %s, "RCSMessage": {"msgId": null, "geolocationPushMessage": {
            "pos": "31.2304 121.4737", "label": "Our shop", "timestamp": null, "expiry": null,
            "radius": null, "timeOffset": null}}}""".formatted(to));
      assertThat(phone.next("message").getJsonObject("RCSMessage")
          .getJsonObject("geolocationPushMessage").getString("label")).isEqualTo("Our shop");

      JsonObject typing = sdk.send("""
          {"messageContact": %s, "RCSMessage": {"msgId": null, "isTyping": "active"}}"""
          .formatted(to));
      assertThat(typing.getJsonObject("RCSMessage").getString("status")).isEqualTo("sent");
      assertThat(phone.next("isTyping").getString("state")).isEqualTo("active");

      String textId = text.getJsonObject("RCSMessage").getString("msgId");
      phone.send(new JsonObject().put("type", "delivered").put("msgId", textId));
      JsonObject status = webhook.next("messageStatus").event();
      assertThat(status.getJsonObject("messageContact").getString("chatId")).isEqualTo(chatId);
      assertThat(sdk.get("/bot/v1/barista/messages/" + textId + "/status").body()
          .getJsonObject("RCSMessage").getString("status")).isEqualTo("delivered");

      String oops = sdk.send("""
          {"messageContact": %s, "RCSMessage": {"msgId": null, "textMessage": "Oops"}}"""
          .formatted(to)).getJsonObject("RCSMessage").getString("msgId");
      phone.next("message");
      Reply revoked = sdk.put("/bot/v1/barista/messages/" + oops + "/status",
          "{\"RCSMessage\": {\"status\": \"canceled\", \"msgId\": null}}");
      assertThat(revoked.status()).isEqualTo(200);
      assertThat(phone.next("revoke").getString("msgId")).isEqualTo(oops);

      Reply capabilities = sdk.get("/bot/v1/barista/contactCapabilities?chatId="
          + URLEncoder.encode(chatId, StandardCharsets.UTF_8));
      assertThat(capabilities.status()).isEqualTo(200);
      assertThat(capabilities.body().getBoolean("rcs")).isTrue();

      phone.send(new JsonObject("""
          {"type": "message", "to": "barista", "RCSMessage": {"suggestedResponse": {"response":
            {"reply": {"displayText": "Latte", "postback": {"data": "latte"}}}}}}"""));
      assertThat(webhook.next("response").event().getJsonObject("RCSMessage")
          .getJsonObject("suggestedResponse").getJsonObject("response").getJsonObject("reply")
          .getJsonObject("postback").getString("data")).isEqualTo("latte");
      JsonObject answered = phone.next("message");
      assertThat(answered.getJsonObject("RCSMessage").getString("textMessage"))
          .isEqualTo("One latte, coming up");
      assertThat(answered.encode()).doesNotContain("null");

      Reply refused = sdk.post("/bot/v1/barista/messages", """
          {"messageContact": %s, "RCSMessage": {"msgId": null, "textMessage": ""}}"""
          .formatted(to));
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.body().getJsonObject("reason").getString("text"))
          .isEqualTo("the message has 1 problem(s); see violations");
    }
  }

  /** An answer as an SDK sees it: the status and the JSON body. */
  record Reply(int status, JsonObject body) {}

  /** The few calls an FNW.11 SDK makes, over the JDK's HTTP client, with JSON as text. */
  static final class SdkClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String clientId;
    private final String clientSecret;
    private String accessToken;

    SdkClient(String base, String clientId, String clientSecret) {
      this.base = base;
      this.clientId = clientId;
      this.clientSecret = clientSecret;
    }

    /** Client credentials in the form body (client_secret_post), as most SDKs send them. */
    void token() throws IOException, InterruptedException {
      String form = "grant_type=client_credentials&scope=botmessage&client_id="
          + URLEncoder.encode(clientId, StandardCharsets.UTF_8) + "&client_secret="
          + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
      Reply reply = call(HttpRequest.newBuilder(URI.create(base + "/oauth2/v1/token"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(BodyPublishers.ofString(form)));
      if (reply.status() != 200) {
        throw new AssertionError("token: " + reply.body().getJsonObject("reason").getString("text"));
      }
      accessToken = reply.body().getString("access_token");
    }

    /** Sends a message, failing with the platform's reason.text unless it is accepted. */
    JsonObject send(String json) throws IOException, InterruptedException {
      Reply reply = post("/bot/v1/barista/messages", json);
      if (reply.status() != 202) {
        throw new AssertionError("send: " + reply.body().getJsonObject("reason").getString("text")
            + " " + reply.body());
      }
      return reply.body();
    }

    Reply post(String path, String json) throws IOException, InterruptedException {
      return call(authorized(path).header("Content-Type", "application/json")
          .POST(BodyPublishers.ofString(json)));
    }

    Reply put(String path, String json) throws IOException, InterruptedException {
      return call(authorized(path).header("Content-Type", "application/json")
          .PUT(BodyPublishers.ofString(json)));
    }

    Reply get(String path) throws IOException, InterruptedException {
      return call(authorized(path).GET());
    }

    private HttpRequest.Builder authorized(String path) {
      return HttpRequest.newBuilder(URI.create(base + path))
          .header("Authorization", "Bearer " + accessToken);
    }

    private Reply call(HttpRequest.Builder request) throws IOException, InterruptedException {
      var response = http.send(request.build(), BodyHandlers.ofString());
      return new Reply(response.statusCode(), new JsonObject(response.body()));
    }
  }
}
