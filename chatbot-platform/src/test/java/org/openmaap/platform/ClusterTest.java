package org.openmaap.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.multipart.MultipartForm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.platform.cluster.Nodes;
import org.openmaap.platform.store.DatabaseUrl;
import org.openmaap.platform.store.TestPostgres;

/**
 * Three platform nodes on one PostgreSQL database (a new schema of the test server; skipped
 * without one, unless CI=true), each with its own Vert.x, as three processes would be: what one
 * node is told, every node acts on.
 */
class ClusterTest {

  private static final String USER = "+8613800000001";
  private static final Duration ONE_SECOND = Duration.ofSeconds(1);

  @TempDir Path dir;

  private String schema;
  private final List<Vertx> vertxes = new ArrayList<>();
  private final List<RunningPlatform> nodes = new ArrayList<>();
  private FakeChatbot bot;

  @BeforeEach
  void start() {
    schema = TestPostgres.freshSchema();
    for (int i = 1; i <= 3; i++) {
      Vertx vertx = Vertx.vertx();
      vertxes.add(vertx);
      PlatformConfig config = RunningPlatform.config(dir.resolve("node" + i))
          .withSms(SmsConfig.defaults().withMode(SmsConfig.Mode.OFF))
          .withStore(new StoreConfig(DatabaseUrl.parse(schema), 4, "node" + i,
              StoreConfig.DEFAULT_LEASE));
      config = config.withFiles(config.files().withDirectory(dir.resolve("shared-files")));
      nodes.add(RunningPlatform.start(vertx, config));
    }
    bot = FakeChatbot.start(vertxes.get(0));
  }

  @AfterEach
  void stop() {
    nodes.forEach(RunningPlatform::close);
    if (bot != null) {
      bot.close();
    }
    vertxes.forEach(vertx -> vertx.close().await());
    TestPostgres.drop(schema);
  }

  private RunningPlatform node(int number) {
    return nodes.get(number - 1);
  }

  @Test
  void botRegisteredOnOneNode_tokenFromAnother_messageThroughTheThird_reachesTheDeviceOnTheFirst() {
    JsonObject registration = node(1).register("coffee", bot.url());
    // Node 2 learns of the bot from node 1's signal: within a second.
    String token = Eventually.until(() -> token(node(2), registration), t -> t != null,
        ONE_SECOND);

    // Node 3 (once it knows the bot) has never seen the number: it answers SMS, and caches that.
    assertThat(Eventually.until(() -> rcs(node(3), token), rcs -> rcs != null, ONE_SECOND))
        .isFalse();
    try (TestDevice phone = node(1).device(USER)) {
      // The phone's first connection, on node 1, makes every node look again.
      Eventually.until(() -> rcs(node(3), token), Boolean.TRUE::equals, ONE_SECOND);
      HttpResponse<Buffer> accepted = Eventually.until(
          () -> node(3).send("coffee", token, ConversationTest.text(USER, "your latte")),
          response -> response.statusCode() != 401, ONE_SECOND);

      assertThat(accepted.statusCode()).isEqualTo(202);
      String msgId = accepted.bodyAsJsonObject().getJsonObject("RCSMessage").getString("msgId");
      JsonObject frame = phone.next("message");
      assertThat(frame.getString("msgId")).isEqualTo(msgId);
      assertThat(frame.getJsonObject("RCSMessage").getString("textMessage"))
          .isEqualTo("your latte");
      phone.send(new JsonObject().put("type", "delivered").put("msgId", msgId));
      FakeChatbot.Received delivered = bot.next("messageStatus");
      assertThat(delivered.event().getJsonObject("RCSMessage").getString("status"))
          .isEqualTo("delivered");

      phone.send(new JsonObject().put("type", "message").put("id", 7).put("to", "coffee")
          .put("RCSMessage", new JsonObject().put("textMessage", "thanks")));
      FakeChatbot.Received reply = bot.next(event -> "message".equals(event.getString("event"))
          && "thanks".equals(event.getJsonObject("RCSMessage").getString("textMessage")),
          Duration.ofSeconds(10));
      assertThat(reply.event().getJsonObject("messageContact").getString("userContact"))
          .isEqualTo(USER);
      assertThat(bot.noneWithin(event -> "message".equals(event.getString("event")),
          Duration.ofMillis(500))).as("the user's message reaches the bot once").isTrue();
    }
  }

  @Test
  void messagesSentThroughOneNode_reachADeviceOnAnother_inMilliseconds() {
    JsonObject registration = node(1).register("coffee", bot.url());
    String token = Eventually.until(() -> token(node(3), registration), t -> t != null,
        ONE_SECOND);
    try (TestDevice phone = node(1).device(USER)) {
      Eventually.until(() -> rcs(node(3), token), Boolean.TRUE::equals, ONE_SECOND);

      List<Long> millis = new ArrayList<>();
      for (int i = 0; i < 11; i++) {
        long start = System.nanoTime();
        assertThat(node(3).send("coffee", token, ConversationTest.text(USER, "m" + i))
            .statusCode()).isEqualTo(202);
        phone.next("message");
        millis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
      }

      // From the send to the frame on the phone, node 3 to node 1 over the database's signals:
      // 8 to 115 ms, median 14, on this machine; the bound leaves room for a busy one.
      assertThat(millis.stream().sorted().toList().get(millis.size() / 2))
          .as("median ms of " + millis).isLessThan(200);
    }
  }

  @Test
  void secretsRotatedOnOneNode_revokeTheOldTokenOnEveryNode_withinASecond() {
    JsonObject registration = node(1).register("coffee", bot.url());
    String token = Eventually.until(() -> token(node(2), registration), t -> t != null,
        ONE_SECOND);
    Eventually.until(() -> node(3).send("coffee", token, ConversationTest.text(USER, "one"))
        .statusCode(), status -> status == 202, ONE_SECOND);

    JsonObject rotated = node(2).admin(HttpMethod.POST,
        "/admin/v1/chatbots/coffee/secrets:rotate").send().await().bodyAsJsonObject();

    for (int i = 1; i <= 3; i++) {
      RunningPlatform each = node(i);
      Eventually.until(() -> each.send("coffee", token, ConversationTest.text(USER, "two"))
          .statusCode(), status -> status == 401, ONE_SECOND);
    }
    String fresh = Eventually.until(() -> token(node(3), registration.copy()
        .put("clientSecret", rotated.getString("clientSecret"))), t -> t != null, ONE_SECOND);
    assertThat(node(1).send("coffee", fresh, ConversationTest.text(USER, "three")).statusCode())
        .isEqualTo(202);
  }

  @Test
  void botDeletedOnOneNode_isGoneFromEveryNode_withinASecond() {
    JsonObject registration = node(1).register("coffee", bot.url());
    Eventually.until(() -> token(node(3), registration), t -> t != null, ONE_SECOND);

    assertThat(node(2).admin(HttpMethod.DELETE, "/admin/v1/chatbots/coffee")
        .send().await().statusCode()).isEqualTo(204);

    Eventually.until(() -> token(node(3), registration), t -> t == null, ONE_SECOND);
    Eventually.until(() -> node(1).admin(HttpMethod.GET,
        "/admin/v1/chatbots/coffee").send().await().statusCode(), s -> s == 404, ONE_SECOND);
  }

  @Test
  void persistentMenuSetThroughOneNode_isInEveryNodesBotInfo_withinASecond() {
    JsonObject registration = node(1).register("coffee", bot.url());
    String token = Eventually.until(() -> token(node(2), registration), t -> t != null,
        ONE_SECOND);
    JsonObject menu = BotInfoTest.menu(BotInfoTest.reply("Order", "order"));

    assertThat(node(2).request(HttpMethod.PUT, "/bot/v1/coffee/persistentMenu")
        .bearerTokenAuthentication(token).sendJsonObject(menu).await().statusCode())
        .isEqualTo(200);

    HttpResponse<Buffer> onTwo = botInfo(node(2));
    HttpResponse<Buffer> onThree = Eventually.until(() -> botInfo(node(3)),
        r -> menu.equals(r.bodyAsJsonObject().getJsonObject("persistentMenu")), ONE_SECOND);
    assertThat(onThree.getHeader("ETag")).isEqualTo(onTwo.getHeader("ETag"));
    assertThat(node(3).request(HttpMethod.DELETE, "/bot/v1/coffee/persistentMenu")
        .bearerTokenAuthentication(token).send().await().statusCode()).isEqualTo(204);
    Eventually.until(() -> botInfo(node(1)),
        r -> !r.bodyAsJsonObject().containsKey("persistentMenu"), ONE_SECOND);
  }

  @Test
  void fileUploadedThroughOneNode_isServedByAnother_fromTheSharedDirectory() {
    JsonObject registration = node(1).register("coffee", bot.url());
    String token = token(node(1), registration);
    HttpResponse<Buffer> uploaded = node(1).http.post("/bot/v1/coffee/files")
        .bearerTokenAuthentication(token)
        .sendMultipartForm(MultipartForm.create().binaryFileUpload("fileContent", "menu.txt",
            Buffer.buffer("latte, flat white"), "text/plain"))
        .await();
    assertThat(uploaded.statusCode()).isEqualTo(201);
    String fileId = uploaded.bodyAsJsonObject().getString("fileId");

    HttpResponse<Buffer> served = node(2).request(HttpMethod.GET, "/files/v1/" + fileId).send()
        .await();

    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.bodyAsString()).isEqualTo("latte, flat white");
  }

  @Test
  void rateLimit_isSharedByTheNodes() throws InterruptedException {
    // Node 1 started alone; its next heartbeat counts the three nodes.
    Thread.sleep(Nodes.HEARTBEAT.toMillis() + 500);
    JsonObject registration = node(1).admin(HttpMethod.POST, "/admin/v1/chatbots")
        .sendJsonObject(new JsonObject().put("botId", "slowpoke").put("name", "Slow")
            .put("webhookUrl", bot.url()).put("rateLimitPerSecond", 6))
        .await().bodyAsJsonObject();
    String token = token(node(1), registration);

    long accepted = IntStream.range(0, 6)
        .map(i -> node(1).send("slowpoke", token, ConversationTest.text(USER, "m" + i))
            .statusCode())
        .filter(status -> status == 202).count();

    // Alone, a node takes a burst of 6 (a second's worth); one of three takes its share, 2.
    assertThat(accepted).isBetween(2L, 3L);
  }

  @Test
  void rateLimit_requestsSpreadOverTheNodes_holdTheChatbotsLimitForTheCluster_within10Percent()
      throws InterruptedException {
    int limit = 30;
    JsonObject registration = node(1).admin(HttpMethod.POST, "/admin/v1/chatbots")
        .sendJsonObject(new JsonObject().put("botId", "coffee").put("name", "Coffee")
            .put("webhookUrl", bot.url()).put("rateLimitPerSecond", limit))
        .await().bodyAsJsonObject();
    String token = token(node(1), registration);
    for (int i = 1; i <= 3; i++) {
      RunningPlatform each = node(i);
      Eventually.until(() -> rcs(each, token), rcs -> rcs != null, ONE_SECOND);
    }
    // Each node's next heartbeat counts the three nodes; its bucket fills up again meanwhile.
    Thread.sleep(Nodes.HEARTBEAT.toMillis() + 500);

    // About 100 requests a second to each node, ten times its share, for four seconds.
    long accepted = 0;
    long start = System.nanoTime();
    long lastRound = start;
    for (int round = 1; lastRound - start < TimeUnit.SECONDS.toNanos(4); round++) {
      for (int i = 1; i <= 3; i++) {
        accepted += rcs(node(i), token) != null ? 1 : 0;
      }
      lastRound = System.nanoTime();
      long pause = start + round * TimeUnit.MILLISECONDS.toNanos(10) - lastRound;
      if (pause > 0) {
        TimeUnit.NANOSECONDS.sleep(pause);
      }
    }

    // The buckets start full (a second's worth between them), then refill at the limit.
    double allowed = limit + limit * (lastRound - start) / 1e9;
    assertThat((double) accepted).as("requests the cluster took of a chatbot limited to "
        + limit + " a second").isCloseTo(allowed, withinPercentage(10));
  }

  @Test
  void botChangedOnOneNode_isChangedOnEveryNode_withinASecond() {
    node(1).register("coffee", bot.url());
    Eventually.until(() -> chatbot(node(2)), found -> found != null, ONE_SECOND);

    assertThat(node(2).admin(HttpMethod.PATCH, "/admin/v1/chatbots/coffee")
        .sendJsonObject(new JsonObject().put("name", "Coffee Corner").put("rateLimitPerSecond", 7))
        .await().statusCode()).isEqualTo(200);

    for (int i : new int[] {1, 3}) {
      RunningPlatform each = node(i);
      JsonObject seen = Eventually.until(() -> chatbot(each),
          found -> found != null && "Coffee Corner".equals(found.getString("name")),
          ONE_SECOND);
      assertThat(seen.getInteger("rateLimitPerSecond")).as("on node " + i).isEqualTo(7);
    }
  }

  @Test
  void health_showsTheNodeItsDatabaseAndEveryNodeAlive() {
    JsonObject health = node(2).admin(HttpMethod.GET, "/admin/v1/health").send().await()
        .bodyAsJsonObject();

    assertThat(health.getString("node")).isEqualTo("node2");
    assertThat(health.getString("database")).isEqualTo("postgresql");
    assertThat(health.getJsonArray("nodes")).containsExactly("node1", "node2", "node3");
  }

  /**
   * Whether the node says the user can get RCS (its cached answer, as a chatbot would ask); null
   * while the node does not take the token.
   */
  private static Boolean rcs(RunningPlatform node, String token) {
    HttpResponse<Buffer> answer = node.request(HttpMethod.GET,
            "/bot/v1/coffee/contactCapabilities?userContact=" + USER.replace("+", "%2B"))
        .bearerTokenAuthentication(token).send().await();
    return answer.statusCode() == 200 ? answer.bodyAsJsonObject().getBoolean("rcs") : null;
  }

  /** The chatbot as the node's admin API shows it, or null while the node does not know it. */
  private static JsonObject chatbot(RunningPlatform node) {
    HttpResponse<Buffer> answer = node.admin(HttpMethod.GET, "/admin/v1/chatbots/coffee").send()
        .await();
    return answer.statusCode() == 200 ? answer.bodyAsJsonObject() : null;
  }

  private static HttpResponse<Buffer> botInfo(RunningPlatform node) {
    return node.request(HttpMethod.GET, "/bot?id=sip:coffee@test.local").send().await();
  }

  /** A token from the node, or null when it refuses the credentials. */
  private static String token(RunningPlatform node, JsonObject registration) {
    String basic = Base64.getEncoder().encodeToString((registration.getString("clientId") + ":"
        + registration.getString("clientSecret")).getBytes(StandardCharsets.UTF_8));
    HttpResponse<Buffer> response = node.request(HttpMethod.POST,
            "/oauth2/v1/token")
        .putHeader("Authorization", "Basic " + basic)
        .sendForm(MultiMap.caseInsensitiveMultiMap().add("grant_type", "client_credentials"))
        .await();
    return response.statusCode() == 200
        ? response.bodyAsJsonObject().getString("access_token") : null;
  }
}
