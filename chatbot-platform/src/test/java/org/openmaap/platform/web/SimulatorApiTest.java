package org.openmaap.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.card.Fixtures;
import org.openmaap.card.html.HtmlPreview;
import org.openmaap.card.validation.Validator;
import org.openmaap.platform.FakeChatbot;
import org.openmaap.platform.RunningPlatform;
import org.openmaap.platform.TestDevice;

/** The simulator's network-side endpoints: the chatbot list and the HTML of received messages. */
class SimulatorApiTest {

  private static final String PHONE = "+8613800000042";

  @TempDir
  static Path dataDir;

  private static Vertx vertx;
  private static RunningPlatform platform;
  private static FakeChatbot bot;
  private static String token;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    platform = RunningPlatform.start(vertx, RunningPlatform.config(dataDir));
    bot = FakeChatbot.start(vertx);
    token = platform.token(platform.register("coffee", bot.url()));
  }

  @AfterAll
  static void stop() {
    bot.close();
    platform.close();
    vertx.close().await();
  }

  @Test
  void chatbots_listsWhatAPhoneShowsOfEachBot() {
    JsonObject answer = platform.http.get("/network/v1/chatbots")
        .bearerTokenAuthentication(RunningPlatform.NETWORK_TOKEN).send().await()
        .bodyAsJsonObject();

    assertThat(answer.getJsonArray("chatbots")).containsExactly(new JsonObject()
        .put("botId", "coffee").put("name", "Bot coffee").put("color", "#6F4E37"));
  }

  @Test
  void chatbots_withoutTheNetworkToken_isUnauthorized() {
    HttpResponse<Buffer> response = platform.http.get("/network/v1/chatbots").send().await();

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.bodyAsJsonObject().getJsonObject("error").getString("code"))
        .isEqualTo("unauthorized");
  }

  @Test
  void render_aMessageAsTheDeviceReceivedIt_isTheRenderersHtml() {
    JsonObject request = new JsonObject()
        .put("messageContact", new JsonObject().put("userContact", PHONE))
        .put("RCSMessage", new JsonObject().put("richcardMessage",
            new JsonObject(Fixtures.text("cards/valid/single-card.json"))));
    try (TestDevice device = platform.device(PHONE)) {
      assertThat(platform.send("coffee", token, request).statusCode()).isEqualTo(202);
      JsonObject frame = device.next("message");

      HttpResponse<Buffer> response = platform.http.post("/network/v1/render")
          .bearerTokenAuthentication(RunningPlatform.NETWORK_TOKEN)
          .sendJsonObject(new JsonObject().put("RCSMessage", frame.getJsonObject("RCSMessage")))
          .await();

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.bodyAsJsonObject().getString("html")).isEqualTo(
          HtmlPreview.render(Validator.validate(request.encode()).document()));
    }
  }

  @Test
  void render_anInvalidMessage_listsItsViolations() {
    HttpResponse<Buffer> response = platform.http.post("/network/v1/render")
        .bearerTokenAuthentication(RunningPlatform.NETWORK_TOKEN)
        .sendJsonObject(new JsonObject().put("RCSMessage", new JsonObject().put("textMessage", 7)))
        .await();

    assertThat(response.statusCode()).isEqualTo(400);
    JsonObject error = response.bodyAsJsonObject().getJsonObject("error");
    assertThat(error.getString("code")).isEqualTo("invalid_card");
    assertThat(error.getJsonArray("violations")).isNotEmpty();
  }

  @Test
  void render_withoutTheNetworkToken_isUnauthorized() {
    assertThat(platform.http.post("/network/v1/render")
        .sendJsonObject(new JsonObject().put("RCSMessage", new JsonObject()
            .put("textMessage", "hi")))
        .await().statusCode()).isEqualTo(401);
  }
}
