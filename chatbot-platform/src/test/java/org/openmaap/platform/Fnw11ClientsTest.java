package org.openmaap.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.platform.FakeChatbot.Answer;

/**
 * Issue 13: existing GSMA chatbot code works unchanged. Each test sends what real FNW.11 client
 * SDKs send, byte for byte, through the running platform, and checks what the device and the
 * webhook then see.
 */
class Fnw11ClientsTest {

  private static final String USER = "+8613800000013";
  private static final String OTHER_USER = "+8613800000014";

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
    platform = RunningPlatform.start(vertx, RunningPlatform.config(dataDir));
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

  // --- 1. token by client_secret_post ---------------------------------------------------------

  @Test
  void token_clientCredentialsInTheFormBody_issuesATokenThatSends() {
    String form = "grant_type=client_credentials&client_id=" + registration.getString("clientId")
        + "&client_secret=" + registration.getString("clientSecret") + "&scope=botmessage";

    HttpResponse<Buffer> answer = platform.http.post("/oauth2/v1/token")
        .putHeader("Content-Type", "application/x-www-form-urlencoded")
        .sendBuffer(Buffer.buffer(form)).await();

    assertThat(answer.statusCode()).isEqualTo(200);
    JsonObject issued = answer.bodyAsJsonObject();
    assertThat(issued.getString("token_type")).isEqualTo("Bearer");
    assertThat(issued.getLong("expires_in")).isPositive();
    try (TestDevice phone = platform.device(USER)) {
      assertThat(post(issued.getString("access_token"), "/bot/v1/coffee/messages", """
          {"messageContact": {"userContact": "%s"}, "RCSMessage": {"textMessage": "hi"}}"""
          .formatted(USER)).statusCode()).isEqualTo(202);
      assertThat(phone.next("message").getJsonObject("RCSMessage").getString("textMessage"))
          .isEqualTo("hi");
    }
  }

  @Test
  void token_basicHeaderAndFormCredentialsAtOnce_is400() {
    String basic = Base64.getEncoder().encodeToString((registration.getString("clientId") + ":"
        + registration.getString("clientSecret")).getBytes(StandardCharsets.UTF_8));
    String form = "grant_type=client_credentials&client_id=" + registration.getString("clientId")
        + "&client_secret=" + registration.getString("clientSecret");

    HttpResponse<Buffer> answer = platform.http.post("/oauth2/v1/token")
        .putHeader("Authorization", "Basic " + basic)
        .putHeader("Content-Type", "application/x-www-form-urlencoded")
        .sendBuffer(Buffer.buffer(form)).await();

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(reason(answer).getString("code")).isEqualTo("invalid_request");
    assertThat(reason(answer).getString("text")).contains("not both");
  }

  @Test
  void token_wrongSecretInTheFormBody_is401() {
    String form = "grant_type=client_credentials&client_id=" + registration.getString("clientId")
        + "&client_secret=wrong&scope=botmessage";

    HttpResponse<Buffer> answer = platform.http.post("/oauth2/v1/token")
        .putHeader("Content-Type", "application/x-www-form-urlencoded")
        .sendBuffer(Buffer.buffer(form)).await();

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(reason(answer).getString("code")).isEqualTo("unauthorized");
  }

  // --- 2. explicit nulls ----------------------------------------------------------------------

  @Test
  void send_fileMessageWithEveryOptionalMemberNull_reachesTheDeviceWithoutNulls() {
    try (TestDevice phone = platform.device(USER)) {
      HttpResponse<Buffer> sent = post(token, "/bot/v1/coffee/messages", """
          {"messageContact": {"userContact": "%s", "chatId": null},
           "RCSMessage": {"msgId": null, "trafficType": null, "expiry": null,
             "inReplyToContributionId": null, "suggestedChipList": null,
             "fileMessage": {"fileUrl": "https://cdn.example.com/menu.pdf",
               "fileName": "menu.pdf", "fileMIMEType": "application/pdf", "fileSize": 52000,
               "thumbnailUrl": null, "thumbnailFileName": null, "thumbnailMIMEType": null,
               "thumbnailFileSize": null}}}""".formatted(USER));

      assertThat(sent.statusCode()).as(sent.bodyAsString()).isEqualTo(202);
      JsonObject frame = phone.next("message");
      assertThat(frame.encode()).doesNotContain("null");
      assertThat(frame.getJsonObject("RCSMessage").getJsonObject("fileMessage")).isEqualTo(
          new JsonObject("""
              {"fileUrl": "https://cdn.example.com/menu.pdf", "fileName": "menu.pdf",
               "fileMIMEType": "application/pdf", "fileSize": 52000}"""));
    }
  }

  @Test
  void send_geolocationPushWithNullTimestampExpiryAndRadius_isAccepted() {
    try (TestDevice phone = platform.device(USER)) {
      HttpResponse<Buffer> sent = post(token, "/bot/v1/coffee/messages", """
          {"messageContact": {"userContact": "%s", "chatId": null},
           "RCSMessage": {"geolocationPushMessage": {"pos": "31.2304 121.4737",
             "label": "Shop", "timestamp": null, "expiry": null, "radius": null}}}"""
          .formatted(USER));

      assertThat(sent.statusCode()).as(sent.bodyAsString()).isEqualTo(202);
      assertThat(phone.next("message").getJsonObject("RCSMessage")
          .getJsonObject("geolocationPushMessage")).isEqualTo(new JsonObject(
              "{\"pos\": \"31.2304 121.4737\", \"label\": \"Shop\"}"));
    }
  }

  @Test
  void deviceMessageWithNulls_reachesTheWebhookWithoutNulls() {
    try (TestDevice phone = platform.device(USER)) {
      phone.send(new JsonObject("""
          {"type": "message", "id": 1, "to": "coffee", "RCSMessage": {
            "geolocationPushMessage": {"pos": "31.2304 121.4737", "label": null,
              "timestamp": null, "expiry": null, "radius": null}}}"""));

      assertThat(phone.next("ack").getInteger("ref")).isEqualTo(1);
      FakeChatbot.Received message = bot.next("message");
      assertThat(message.rawBody()).doesNotContain("null");
      assertThat(message.event().getJsonObject("RCSMessage")
          .getJsonObject("geolocationPushMessage"))
          .isEqualTo(new JsonObject("{\"pos\": \"31.2304 121.4737\"}"));
    }
  }

  @Test
  void send_nullOnARequiredMember_isRequiredNotWrongType() {
    HttpResponse<Buffer> sent = post(token, "/bot/v1/coffee/messages", """
        {"messageContact": {"userContact": "%s"},
         "RCSMessage": {"fileMessage": {"fileUrl": null, "fileMIMEType": "application/pdf",
           "fileSize": 52000}}}""".formatted(USER));

    assertThat(sent.statusCode()).isEqualTo(400);
    JsonObject violation = sent.bodyAsJsonObject().getJsonObject("error")
        .getJsonArray("violations").getJsonObject(0);
    assertThat(violation.getString("path")).isEqualTo("/RCSMessage/fileMessage/fileUrl");
    assertThat(violation.getString("code")).isEqualTo("required");
  }

  // --- 3. chatId ------------------------------------------------------------------------------

  @Test
  void webhooks_nameTheUserByOneStableChatId_thatSendsAndLooksUpCapabilities() {
    try (TestDevice phone = platform.device(USER)) {
      phone.send(userText("hi"));
      JsonObject newUser = bot.next("newUser").event().getJsonObject("messageContact");
      JsonObject message = bot.next("message").event().getJsonObject("messageContact");
      String chatId = message.getString("chatId");

      assertThat(chatId).isNotBlank().doesNotContain(USER.substring(1));
      assertThat(newUser.getString("chatId")).isEqualTo(chatId);
      assertThat(message.getString("userContact")).isEqualTo(USER);

      HttpResponse<Buffer> byChatId = post(token, "/bot/v1/coffee/messages", """
          {"messageContact": {"chatId": "%s"}, "RCSMessage": {"textMessage": "by chatId"}}"""
          .formatted(chatId));
      HttpResponse<Buffer> beside = post(token, "/bot/v1/coffee/messages", """
          {"messageContact": {"userContact": "%s", "chatId": "%s"},
           "RCSMessage": {"textMessage": "beside"}}""".formatted(USER, chatId));

      assertThat(byChatId.statusCode()).as(byChatId.bodyAsString()).isEqualTo(202);
      assertThat(beside.statusCode()).as(beside.bodyAsString()).isEqualTo(202);
      JsonObject first = phone.next("message");
      assertThat(first.getJsonObject("RCSMessage").getString("textMessage"))
          .isEqualTo("by chatId");
      assertThat(phone.next("message").getJsonObject("RCSMessage").getString("textMessage"))
          .isEqualTo("beside");

      phone.send(new JsonObject().put("type", "delivered").put("msgId", first.getString("msgId")));
      assertThat(bot.next("messageStatus").event().getJsonObject("messageContact")
          .getString("chatId")).isEqualTo(chatId);

      HttpResponse<Buffer> capabilities = platform.http
          .get("/bot/v1/coffee/contactCapabilities?chatId=" + chatId)
          .bearerTokenAuthentication(token).send().await();
      assertThat(capabilities.statusCode()).isEqualTo(200);
      assertThat(capabilities.bodyAsJsonObject().getBoolean("rcs")).isTrue();
      assertThat(capabilities.bodyAsJsonObject().getString("chatId")).isEqualTo(chatId);
    }
  }

  @Test
  void chatId_unknownOrOfAnotherBot_is404NamingIt() {
    String chatIdForTea;
    try (FakeChatbot teaWebhook = FakeChatbot.start(vertx)) {
      platform.register("tea", teaWebhook.url());
      chatIdForTea = chatIdOf("tea", teaWebhook, USER);
    }

    HttpResponse<Buffer> madeUp = post(token, "/bot/v1/coffee/messages", """
        {"messageContact": {"chatId": "no-such-chat"}, "RCSMessage": {"textMessage": "hi"}}""");
    HttpResponse<Buffer> ofTea = platform.http
        .get("/bot/v1/coffee/contactCapabilities?chatId=" + chatIdForTea)
        .bearerTokenAuthentication(token).send().await();

    assertThat(madeUp.statusCode()).isEqualTo(404);
    assertThat(reason(madeUp).getString("text")).contains("'no-such-chat'");
    assertThat(ofTea.statusCode()).isEqualTo(404);
    assertThat(reason(ofTea).getString("text")).contains(chatIdForTea);
  }

  @Test
  void chatId_besideAnotherUsersNumber_is400() {
    String chatId = chatIdOf("coffee", bot, USER);

    HttpResponse<Buffer> sent = post(token, "/bot/v1/coffee/messages", """
        {"messageContact": {"userContact": "%s", "chatId": "%s"},
         "RCSMessage": {"textMessage": "hi"}}""".formatted(OTHER_USER, chatId));

    assertThat(sent.statusCode()).isEqualTo(400);
    assertThat(reason(sent).getString("text")).contains("different users");
  }

  @Test
  void chatId_isTheSameAfterARestart() {
    String before = chatIdOf("coffee", bot, USER);
    platform.close();

    platform = RunningPlatform.start(vertx, RunningPlatform.config(dataDir));
    token = platform.token(registration);

    assertThat(chatIdOf("coffee", bot, USER)).isEqualTo(before);
    HttpResponse<Buffer> sent = post(token, "/bot/v1/coffee/messages", """
        {"messageContact": {"chatId": "%s"}, "RCSMessage": {"textMessage": "still you"}}"""
        .formatted(before));
    assertThat(sent.statusCode()).as(sent.bodyAsString()).isEqualTo(202);
  }

  // --- 4. a bare string messageContact --------------------------------------------------------

  @Test
  void send_messageContactAsABareString_isReadAsUserContact() {
    try (TestDevice phone = platform.device(USER)) {
      HttpResponse<Buffer> sent = post(token, "/bot/v1/coffee/messages", """
          {"messageContact": "%s", "RCSMessage": {"textMessage": "bare"}}""".formatted(USER));

      assertThat(sent.statusCode()).as(sent.bodyAsString()).isEqualTo(202);
      assertThat(phone.next("message").getJsonObject("RCSMessage").getString("textMessage"))
          .isEqualTo("bare");
    }
  }

  // --- 5. FNW.11 members we did not know, and "canceled" --------------------------------------

  @Test
  void send_fnw11MembersWithoutRendering_reachTheDevice() {
    try (TestDevice phone = platform.device(USER)) {
      HttpResponse<Buffer> file = post(token, "/bot/v1/coffee/messages", """
          {"messageContact": {"userContact": "%s"},
           "RCSMessage": {"fileMessage": {"fileUrl": "https://cdn.example.com/latte.jpg",
             "fileName": "latte.jpg", "fileMIMEType": "image/jpeg", "fileSize": 52000,
             "thumbnailUrl": "https://cdn.example.com/latte-t.jpg",
             "thumbnailFileName": "latte-t.jpg", "thumbnailMIMEType": "image/jpg",
             "thumbnailFileSize": 3000}}}""".formatted(USER));
      HttpResponse<Buffer> audio = post(token, "/bot/v1/coffee/messages", """
          {"messageContact": {"userContact": "%s"},
           "RCSMessage": {"audioMessage": {"fileUrl": "https://cdn.example.com/hello.m4a",
             "fileName": "hello.m4a", "fileMIMEType": "audio/mp4", "fileSize": 9000,
             "playingLength": 3}}}""".formatted(USER));
      HttpResponse<Buffer> location = post(token, "/bot/v1/coffee/messages", """
          {"messageContact": {"userContact": "%s"},
           "RCSMessage": {"geolocationPushMessage": {"pos": "31.2304 121.4737",
             "timeOffset": 480}}}""".formatted(USER));

      assertThat(file.statusCode()).as(file.bodyAsString()).isEqualTo(202);
      assertThat(audio.statusCode()).as(audio.bodyAsString()).isEqualTo(202);
      assertThat(location.statusCode()).as(location.bodyAsString()).isEqualTo(202);
      JsonObject fileMessage = phone.next("message").getJsonObject("RCSMessage")
          .getJsonObject("fileMessage");
      assertThat(fileMessage.getString("thumbnailFileName")).isEqualTo("latte-t.jpg");
      assertThat(phone.next("message").getJsonObject("RCSMessage").getJsonObject("audioMessage")
          .getString("fileName")).isEqualTo("hello.m4a");
      assertThat(phone.next("message").getJsonObject("RCSMessage")
          .getJsonObject("geolocationPushMessage").getInteger("timeOffset")).isEqualTo(480);
    }
  }

  @Test
  void send_unknownMemberFnw11DoesNotDefine_isStillRefused() {
    HttpResponse<Buffer> sent = post(token, "/bot/v1/coffee/messages", """
        {"messageContact": {"userContact": "%s"},
         "RCSMessage": {"textMessage": "hi", "textMesage": null}}""".formatted(USER));

    assertThat(sent.statusCode()).isEqualTo(400);
    assertThat(sent.bodyAsJsonObject().getJsonObject("error").getJsonArray("violations")
        .getJsonObject(0).getString("code")).isEqualTo("unknown_field");
  }

  @Test
  void revoke_withAmericanCanceled_cancelsTheMessage() {
    provision(USER);
    String msgId = post(token, "/bot/v1/coffee/messages", """
        {"messageContact": {"userContact": "%s"}, "RCSMessage": {"textMessage": "oops"}}"""
        .formatted(USER)).bodyAsJsonObject().getJsonObject("RCSMessage").getString("msgId");

    HttpResponse<Buffer> revoked = platform.http
        .put("/bot/v1/coffee/messages/" + msgId + "/status").bearerTokenAuthentication(token)
        .putHeader("Content-Type", "application/json")
        .sendBuffer(Buffer.buffer("{\"RCSMessage\": {\"status\": \"canceled\"}}")).await();

    assertThat(revoked.statusCode()).as(revoked.bodyAsString()).isEqualTo(200);
    assertThat(revoked.bodyAsJsonObject().getJsonObject("RCSMessage").getString("status"))
        .isEqualTo("cancelled");
  }

  // --- 6. error bodies SDKs read --------------------------------------------------------------

  @Test
  void errors_onEverySurface_carryReasonWithCodeAndText() {
    HttpResponse<Buffer> chatbotApi = post(token, "/bot/v1/coffee/messages", "{\"RCSMessage\": 1}");
    HttpResponse<Buffer> unauthorized = post("wrong", "/bot/v1/coffee/messages", "{}");
    HttpResponse<Buffer> tokenEndpoint = platform.http.post("/oauth2/v1/token")
        .putHeader("Content-Type", "application/x-www-form-urlencoded")
        .sendBuffer(Buffer.buffer("grant_type=password")).await();
    HttpResponse<Buffer> admin = platform.http.get("/admin/v1/chatbots").send().await();
    HttpResponse<Buffer> network = platform.http.put("/network/v1/devices/" + USER)
        .sendJsonObject(new JsonObject()).await();
    HttpResponse<Buffer> webTools = platform.http.get("/preview/v1/render").send().await();
    HttpResponse<Buffer> nowhere = platform.http.get("/no/such/page").send().await();

    for (HttpResponse<Buffer> answer : java.util.List.of(chatbotApi, unauthorized, tokenEndpoint,
        admin, network, webTools, nowhere)) {
      assertThat(answer.statusCode()).isBetween(400, 499);
      JsonObject error = answer.bodyAsJsonObject().getJsonObject("error");
      assertThat(reason(answer)).as(answer.bodyAsString()).isEqualTo(new JsonObject()
          .put("code", error.getString("code")).put("text", error.getString("message")));
    }
  }

  // --- 7. webhook answers ---------------------------------------------------------------------

  @Test
  void webhookAnswers_statusOkOrOkOrOtherJson_acknowledgeAndAreNoReply() {
    bot.answer(event -> switch (event.getString("event")) {
      case "newUser" -> Answer.text(200, "\"ok\"");
      case "message" -> Answer.text(200, "{\"status\": \"ok\"}");
      case "isTyping" -> Answer.text(200, "ok");
      default -> Answer.text(200, "{\"RCSMessage\": null}");
    });
    try (TestDevice phone = platform.device(USER)) {
      sendAndWait(phone, userText("hi"));
      sendAndWait(phone, typing("idle"));
      sendAndWait(phone, userText("again"));

      String newUser = bot.next("newUser").eventId();
      String first = bot.next("message").eventId();
      bot.next("isTyping");
      bot.next("message");

      assertThat(phone.noneWithin("message", Duration.ofMillis(800))).isTrue();
      assertThat(bot.all()).extracting(FakeChatbot.Received::eventId)
          .containsOnlyOnce(newUser, first);
    }
  }

  @Test
  void webhookMessageContact_ofEveryEvent_isAcceptedBackByMessages() {
    try (TestDevice phone = platform.device(USER)) {
      sendAndWait(phone, userText("hi"));
      sendAndWait(phone, typing("active"));
      sendAndWait(phone, new JsonObject("""
          {"type": "message", "id": "tap", "to": "coffee", "RCSMessage": {"suggestedResponse":
            {"response": {"reply": {"displayText": "Yes", "postback": {"data": "yes"}}}}}}"""));
      String sentId = post(token, "/bot/v1/coffee/messages", """
          {"messageContact": {"userContact": "%s"}, "RCSMessage": {"textMessage": "ping"}}"""
          .formatted(USER)).bodyAsJsonObject().getJsonObject("RCSMessage").getString("msgId");
      // A phone reports what it has been given: the report follows the message's frame.
      phone.next(frame -> "message".equals(frame.getString("type"))
          && sentId.equals(frame.getString("msgId")));
      phone.send(new JsonObject().put("type", "delivered").put("msgId", sentId));

      for (String type : new String[] {"newUser", "message", "isTyping", "response",
          "messageStatus"}) {
        JsonObject contact = bot.next(type).event().getJsonObject("messageContact");
        assertThat(contact.fieldNames()).containsExactlyInAnyOrder("userContact", "chatId");

        HttpResponse<Buffer> reply = post(token, "/bot/v1/coffee/messages", new JsonObject()
            .put("messageContact", contact)
            .put("RCSMessage", new JsonObject().put("textMessage", "re " + type)).encode());

        assertThat(reply.statusCode()).as(type + ": " + reply.bodyAsString()).isEqualTo(202);
      }
    }
  }

  // --- 8. the device WebSocket with the JDK's client ------------------------------------------

  @Test
  void deviceWebSocket_jdkHttpClient_connectsAndTalks() throws Exception {
    LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
    HttpClient client = HttpClient.newHttpClient();
    WebSocket socket = client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
        .buildAsync(URI.create("ws://localhost:" + platform.port() + "/network/v1/devices/"
            + USER + "/ws?token=" + RunningPlatform.NETWORK_TOKEN), new WebSocket.Listener() {
              private final StringBuilder text = new StringBuilder();

              @Override
              public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                  frames.add(text.toString());
                  text.setLength(0);
                }
                ws.request(1);
                return CompletableFuture.completedFuture(null);
              }
            })
        .get(10, TimeUnit.SECONDS);
    try {
      socket.sendText(userText("from the JDK").encode(), true).get(5, TimeUnit.SECONDS);

      assertThat(new JsonObject(frames.poll(10, TimeUnit.SECONDS)).getString("type"))
          .isEqualTo("ack");
      assertThat(bot.next("message").event().getJsonObject("RCSMessage")
          .getString("textMessage")).isEqualTo("from the JDK");
    } finally {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void deviceWebSocketPath_plainGet_is400NotAServerError() {
    HttpResponse<Buffer> answer = platform.http.get("/network/v1/devices/" + USER + "/ws")
        .bearerTokenAuthentication(RunningPlatform.NETWORK_TOKEN).send().await();

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(reason(answer).getString("code")).isEqualTo("not_a_websocket");
  }

  // --- helpers --------------------------------------------------------------------------------

  private HttpResponse<Buffer> post(String bearer, String path, String json) {
    return platform.http.post(path).bearerTokenAuthentication(bearer)
        .putHeader("Content-Type", "application/json")
        .sendBuffer(Buffer.buffer(json)).await();
  }

  private static JsonObject reason(HttpResponse<Buffer> answer) {
    return answer.bodyAsJsonObject().getJsonObject("reason");
  }

  /** Sends a frame with an id and waits for its ack, so that frames reach the bot in order. */
  private static void sendAndWait(TestDevice phone, JsonObject frame) {
    phone.send(frame);
    phone.next(ack -> "ack".equals(ack.getString("type"))
        && frame.getValue("id").equals(ack.getValue("ref")));
  }

  private static JsonObject typing(String state) {
    return new JsonObject().put("type", "isTyping").put("id", "typing-" + state)
        .put("to", "coffee").put("state", state);
  }

  private static JsonObject userText(String text) {
    return new JsonObject().put("type", "message").put("id", text).put("to", "coffee")
        .put("RCSMessage", new JsonObject().put("textMessage", text));
  }

  /** The chatId by which a bot's webhook names the user, after a message from the user. */
  private String chatIdOf(String botId, FakeChatbot webhook, String user) {
    try (TestDevice phone = platform.device(user)) {
      phone.send(userText("hello").put("to", botId));
      return webhook.next("message").event().getJsonObject("messageContact").getString("chatId");
    }
  }

  private void provision(String user) {
    HttpResponse<Buffer> answer = platform.request(HttpMethod.PUT, "/network/v1/devices/" + user)
        .bearerTokenAuthentication(RunningPlatform.NETWORK_TOKEN)
        .sendJsonObject(new JsonObject().put("features", new io.vertx.core.json.JsonArray()
            .add("chatbot"))).await();
    assertThat(answer.statusCode()).as(answer.bodyAsString()).isIn(200, 204);
  }
}
