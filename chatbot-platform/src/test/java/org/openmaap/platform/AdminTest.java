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
import java.util.concurrent.atomic.AtomicBoolean;
import org.openmaap.platform.store.MessageRow;
import org.openmaap.platform.store.SqliteStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin API and the platform's protections, against a running platform and real peers. */
class AdminTest {

  private static final String USER = "+8613800000003";

  @TempDir
  Path dataDir;

  private Vertx vertx;
  private RunningPlatform platform;
  private FakeChatbot bot;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    PlatformConfig quick = RunningPlatform.config(dataDir);
    platform = RunningPlatform.start(vertx, new PlatformConfig(quick.port(), quick.dataDir(),
        quick.domain(), quick.adminToken(), quick.networkToken(), quick.maxBodyBytes(),
        quick.tokenTtl(), quick.secretGracePeriod(), quick.defaultRateLimitPerSecond(),
        quick.storeTtl(), quick.capabilityTtl(), quick.negativeCapabilityTtl(),
        Duration.ofSeconds(1), Duration.ofMillis(50), Duration.ofMillis(200),
        Duration.ofMillis(800), quick.webhookMaxInFlightPerBot(), quick.sms(), quick.files(),
        quick.store(), quick.sip()));
    bot = FakeChatbot.start(vertx);
  }

  @AfterEach
  void stop() {
    platform.close();
    bot.close();
    vertx.close().await();
  }

  @Test
  void chatbots_registerReadUpdateDelete() {
    JsonObject registration = platform.register("parcel", bot.url());
    String token = platform.token(registration);

    JsonObject read = platform.admin(HttpMethod.GET, "/admin/v1/chatbots/parcel").send().await()
        .bodyAsJsonObject();
    JsonObject updated = platform.admin(HttpMethod.PATCH, "/admin/v1/chatbots/parcel")
        .sendJsonObject(new JsonObject().put("name", "Parcel Pal").put("smsSignature", "-- PP"))
        .await().bodyAsJsonObject();
    JsonArray all = platform.admin(HttpMethod.GET, "/admin/v1/chatbots").send().await()
        .bodyAsJsonObject().getJsonArray("chatbots");
    int deleted = platform.admin(HttpMethod.DELETE, "/admin/v1/chatbots/parcel").send().await()
        .statusCode();
    int afterDelete = platform.send("parcel", token, ConversationTest.text(USER, "hi"))
        .statusCode();

    assertThat(registration.getString("serviceUri")).isEqualTo("sip:parcel@test.local");
    assertThat(registration.getString("clientSecret")).isNotBlank();
    assertThat(registration.getString("webhookSecret")).isNotBlank();
    assertThat(read.containsKey("clientSecret")).isFalse();
    assertThat(read.getString("color")).isEqualTo("#6F4E37");
    assertThat(updated.getString("name")).isEqualTo("Parcel Pal");
    assertThat(updated.getString("webhookUrl")).isEqualTo(bot.url());
    assertThat(all).hasSize(1);
    assertThat(deleted).isEqualTo(204);
    assertThat(afterDelete).isEqualTo(401);
  }

  @Test
  void registry_survivesARestart() {
    JsonObject registration = platform.register("parcel", bot.url());
    platform.close();

    platform = RunningPlatform.start(vertx, RunningPlatform.config(dataDir));

    assertThat(platform.token(registration)).isNotBlank();
  }

  @Test
  void pendingMessageForAUserWithoutRcs_failsRightAfterARestart() {
    platform.register("parcel", bot.url());
    platform.close();
    SqliteStore store = SqliteStore.open(vertx, dataDir).await();
    Instant now = Instant.now();
    store.insertMessage(new MessageRow("parcel", "before-crash", MessageRow.Direction.BOT_TO_USER,
        "+8613900000001", "c-1", "k-1", null, "{\"textMessage\":\"hi\"}", "h", "pending", "rcs",
        null, null, now, now)).await();
    store.close().await();

    platform = RunningPlatform.start(vertx, RunningPlatform.config(dataDir)
        .withSms(SmsConfig.defaults().withMode(SmsConfig.Mode.OFF)));
    FakeChatbot.Received failed = bot.next("messageStatus");

    assertThat(failed.event().getJsonObject("RCSMessage").getString("msgId"))
        .isEqualTo("before-crash");
    assertThat(failed.event().getJsonObject("RCSMessage").getJsonObject("error")
        .getString("reason")).isEqualTo("not_rcs_capable");
  }

  @Test
  void rotate_revokesOldTokens_andSignsWithBothSecretsDuringTheGracePeriod() {
    JsonObject registration = platform.register("parcel", bot.url());
    String oldToken = platform.token(registration);

    JsonObject rotated = platform.admin(HttpMethod.POST,
        "/admin/v1/chatbots/parcel/secrets:rotate").send().await().bodyAsJsonObject();

    assertThat(rotated.getString("clientSecret")).isNotEqualTo(
        registration.getString("clientSecret"));
    assertThat(platform.send("parcel", oldToken, ConversationTest.text(USER, "x")).statusCode())
        .isEqualTo(401);
    String newToken = platform.token(rotated.put("clientId", registration.getString("clientId")));
    try (TestDevice phone = platform.device(USER)) {
      phone.send(new JsonObject().put("type", "message").put("to", "parcel")
          .put("RCSMessage", new JsonObject().put("textMessage", "hi")));
      FakeChatbot.Received event = bot.next("message");

      assertThat(event.signature().split(",")).hasSize(2);
      assertThat(event.signedWith(rotated.getString("webhookSecret"))).isTrue();
      assertThat(event.signedWith(registration.getString("webhookSecret"))).isTrue();
    }
    assertThat(platform.send("parcel", newToken, ConversationTest.text(USER, "x")).statusCode())
        .isEqualTo(202);
  }

  @Test
  void webhookDown_eventsBecomeDeadLetters_andReplayDeliversThemInOrder() {
    platform.register("parcel", bot.url());
    AtomicBoolean down = new AtomicBoolean(true);
    bot.answer(event -> down.get() ? new FakeChatbot.Answer(503, null) : FakeChatbot.Answer.OK);
    try (TestDevice phone = platform.device(USER)) {
      for (int i = 0; i < 3; i++) {
        phone.send(new JsonObject().put("type", "message").put("to", "parcel").put("id", i)
            .put("RCSMessage", new JsonObject().put("textMessage", "m" + i)));
        phone.next("ack");
      }
    }
    JsonArray dead = platform.deadLetters("parcel", 4);
    down.set(false);

    JsonObject replayed = platform.replayDeadLetters("parcel");

    assertThat(dead.getJsonObject(0).getJsonObject("event").getString("event"))
        .isEqualTo("newUser");
    assertThat(replayed.getInteger("replayed")).isEqualTo(4);
    bot.next("newUser");
    List<String> texts = List.of(bot.next("message"), bot.next("message"), bot.next("message"))
        .stream().map(r -> r.event().getJsonObject("RCSMessage").getString("textMessage"))
        .toList();
    assertThat(texts).containsExactly("m0", "m1", "m2");
    assertThat(platform.deadLetters("parcel", 0)).isEmpty();
  }

  @Test
  void oneBotDown_neverDelaysAnother() {
    FakeChatbot healthy = FakeChatbot.start(vertx);
    try {
      platform.register("down", bot.url());
      platform.register("healthy", healthy.url());
      bot.answer(event -> new FakeChatbot.Answer(503, null));
      try (TestDevice phone = platform.device(USER)) {
        for (int i = 0; i < 20; i++) {
          phone.send(new JsonObject().put("type", "message").put("to", "down")
              .put("RCSMessage", new JsonObject().put("textMessage", "d" + i)));
        }
        Instant start = Instant.now();
        phone.send(new JsonObject().put("type", "message").put("to", "healthy")
            .put("RCSMessage", new JsonObject().put("textMessage", "h")));

        healthy.next(e -> "message".equals(e.getString("event")), Duration.ofSeconds(2));

        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofMillis(500));
      }
    } finally {
      healthy.close();
    }
  }

  @Test
  void rateLimit_answers429WithRetryAfter() {
    JsonObject registration = platform.admin(HttpMethod.POST, "/admin/v1/chatbots")
        .sendJsonObject(new JsonObject().put("botId", "slowpoke").put("name", "Slow")
            .put("webhookUrl", bot.url()).put("rateLimitPerSecond", 2))
        .await().bodyAsJsonObject();
    String token = platform.token(registration);

    List<HttpResponse<Buffer>> responses = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      responses.add(platform.send("slowpoke", token, ConversationTest.text(USER, "m" + i)));
    }

    assertThat(responses).extracting(HttpResponse::statusCode).contains(202, 429);
    HttpResponse<Buffer> limited = responses.stream().filter(r -> r.statusCode() == 429)
        .findFirst().orElseThrow();
    assertThat(limited.getHeader("Retry-After")).isEqualTo("1");
    assertThat(limited.bodyAsJsonObject().getJsonObject("error").getString("code"))
        .isEqualTo("rate_limited");
  }

  @Test
  void undeliveredMessage_withoutSms_expiresAndFails() {
    String token = platform.token(platform.register("parcel", bot.url()));
    platform.request(HttpMethod.PUT, "/network/v1/devices/" + USER)
        .bearerTokenAuthentication(RunningPlatform.NETWORK_TOKEN)
        .sendJsonObject(new JsonObject()).await();
    JsonObject request = ConversationTest.text(USER, "soon gone");
    request.getJsonObject("RCSMessage").put("expiry", Instant.now().plusMillis(300).toString());
    request.getJsonObject("RCSMessage").put("shortMessageSupported", false);

    String msgId = platform.send("parcel", token, request).bodyAsJsonObject()
        .getJsonObject("RCSMessage").getString("msgId");
    FakeChatbot.Received failed = bot.next("messageStatus");

    assertThat(failed.event().getJsonObject("RCSMessage").getString("msgId")).isEqualTo(msgId);
    assertThat(failed.event().getJsonObject("RCSMessage").getString("status"))
        .isEqualTo("failed");
    assertThat(failed.event().getJsonObject("RCSMessage").getJsonObject("error")
        .getString("reason")).isEqualTo("expired");
    try (TestDevice phone = platform.device(USER)) {
      assertThat(phone.noneWithin("message", Duration.ofMillis(300))).isTrue();
    }
  }

  @Test
  void metrics_countMessagesAndWebhooks() {
    String token = platform.token(platform.register("parcel", bot.url()));
    try (TestDevice phone = platform.device(USER)) {
      platform.send("parcel", token, ConversationTest.text(USER, "hello"));
      phone.next("message");
      phone.send(new JsonObject().put("type", "message").put("to", "parcel")
          .put("RCSMessage", new JsonObject().put("textMessage", "hi")));
      bot.next("message");

      // The user's message is counted once its write commits, which can be just after the
      // webhook has already carried it to the bot: scrape until the count shows.
      String toBot = "openmaap_messages_total{channel=\"rcs\",direction=\"user_to_bot\","
          + "node=\"embedded\",status=\"delivered\"} 1.0";
      String metrics = scrapeUntil(toBot);

      assertThat(metrics)
          .contains("openmaap_messages_total{channel=\"rcs\",direction=\"bot_to_user\","
              + "node=\"embedded\",status=\"pending\"} 1.0")
          .contains("openmaap_messages_total{channel=\"rcs\",direction=\"user_to_bot\","
              + "node=\"embedded\",status=\"delivered\"} 1.0")
          .contains("openmaap_webhook_delivered_total")
          .contains("openmaap_devices_connected{node=\"embedded\"} 1.0");
    }
  }

  private String scrapeUntil(String line) {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    String metrics;
    do {
      metrics = platform.http.get("/metrics").send().await().bodyAsString();
    } while (!metrics.contains(line) && System.nanoTime() < deadline);
    return metrics;
  }
}
