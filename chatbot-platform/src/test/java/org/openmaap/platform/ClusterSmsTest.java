package org.openmaap.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.platform.cluster.Nodes;
import org.openmaap.platform.fallback.FallbackSettings;
import org.openmaap.platform.sms.EmbeddedSmsc;
import org.openmaap.platform.sms.SmppSettings;
import org.openmaap.platform.sms.SmscFaults;
import org.openmaap.platform.store.DatabaseUrl;
import org.openmaap.platform.store.TestPostgres;

/**
 * Three platform nodes on one PostgreSQL database (a new schema of the test server; skipped
 * without one, unless CI=true), each bound to one SMSC with a session of its own: the SMSC's
 * throughput is one budget for the cluster, a receipt is matched whichever node gets it, and a
 * user's SMS is taken once whichever nodes its parts and copies reach.
 */
class ClusterSmsTest {

  private static final int THROUGHPUT = 20;
  private static final int TEXTS = 60;
  private static final String SENDER = SmppSettings.DEFAULT_SOURCE_ADDRESS;
  private static final String LONG_TEXT =
      "Please leave the parcel with the neighbour at number 12, thanks. ".repeat(4);

  @TempDir Path dir;

  private String schema;
  private final List<Vertx> vertxes = new ArrayList<>();
  private final List<RunningPlatform> nodes = new ArrayList<>();
  private EmbeddedSmsc smsc;
  private FakeChatbot bot;

  @BeforeEach
  void start() {
    schema = TestPostgres.freshSchema();
    Vertx smscVertx = Vertx.vertx();
    vertxes.add(smscVertx);
    smsc = new EmbeddedSmsc(smscVertx, EmbeddedSmsc.Settings.defaults());
    smsc.start().await();
    SmppSettings smpp = SmppSettings.defaults().withServer("127.0.0.1", smsc.port())
        .withFlow(SmppSettings.defaults().windowSize(), THROUGHPUT);
    for (int i = 1; i <= 3; i++) {
      Vertx vertx = Vertx.vertx();
      vertxes.add(vertx);
      PlatformConfig config = RunningPlatform.config(dir.resolve("node" + i))
          .withSms(new SmsConfig(SmsConfig.Mode.EXTERNAL, smpp, FallbackSettings.defaults()))
          .withStore(new StoreConfig(DatabaseUrl.parse(schema), 4, "node" + i,
              StoreConfig.DEFAULT_LEASE));
      RunningPlatform node = RunningPlatform.start(vertx, config);
      nodes.add(node);
      // Bound one after the other: the SMSC's deliver_sm go to node 1's session, the first.
      Eventually.until(() -> node.request(HttpMethod.GET, "/admin/v1/health").send().await()
          .bodyAsJsonObject().getJsonObject("smsc").getBoolean("bound"), bound -> bound,
          Duration.ofSeconds(10));
    }
    bot = FakeChatbot.start(smscVertx);
  }

  @AfterEach
  void stop() {
    nodes.stream().filter(node -> node != null).forEach(RunningPlatform::close);
    if (bot != null) {
      bot.close();
    }
    if (smsc != null) {
      smsc.stop().await();
    }
    vertxes.forEach(vertx -> vertx.close().await());
    TestPostgres.drop(schema);
  }

  @Test
  void smsSentThroughEveryNode_takeTheSmscsThroughputOnce_andEveryReceiptIsMatched()
      throws InterruptedException {
    String token = registerAndGreet();
    // Each node's next heartbeat counts the three nodes.
    Thread.sleep(Nodes.HEARTBEAT.toMillis() + 500);

    // All sent at once, a third through each node: far more than the SMSC's throughput.
    List<Future<HttpResponse<Buffer>>> sends = IntStream.range(0, TEXTS)
        .mapToObj(i -> nodes.get(i % 3).http.post("/bot/v1/parcel/messages")
            .bearerTokenAuthentication(token)
            .sendJsonObject(ConversationTest.text(user(1 + i % 6), "text " + i)))
        .toList();
    Future.all(sends).await();
    assertThat(sends).allSatisfy(send -> assertThat(send.result().statusCode()).isEqualTo(202));
    List<String> msgIds = sends.stream().map(send -> send.result().bodyAsJsonObject()
        .getJsonObject("RCSMessage").getString("msgId")).toList();

    List<Instant> submitted = Eventually.until(() -> IntStream.rangeClosed(1, 6)
            .mapToObj(u -> smsc.inbox(user(u))).flatMap(List::stream)
            .map(EmbeddedSmsc.InboxMessage::receivedAt).sorted().toList(),
        all -> all.size() == TEXTS, Duration.ofSeconds(30));
    double seconds = Duration.between(submitted.get(0), submitted.get(TEXTS - 1)).toMillis()
        / 1000.0;
    assertThat((TEXTS - 1) / seconds).as("submit_sm a second, all nodes together")
        .isLessThanOrEqualTo(THROUGHPUT * 1.1);
    // The SMSC sends every receipt on one session, so most reach a node that did not submit.
    for (String msgId : msgIds) {
      Eventually.until(() -> status(token, msgId), "deliveredAsSms"::equals,
          Duration.ofSeconds(10));
    }
  }

  @Test
  void aUsersSmsWhosePartsReachTwoNodes_isJoined_andATextSentAgainToAnotherNode_isTakenOnce() {
    registerAndGreet();
    SmscFaults faults = SmscFaults.of(smsc);

    // Part 1 reaches node 1; node 1 goes, so part 2 reaches node 2.
    faults.deliverParts(user(0), SENDER, LONG_TEXT, 7, 1).await();
    stop(1);
    faults.deliverParts(user(0), SENDER, LONG_TEXT, 7, 2).await();
    String joined = text(bot.next("message"));
    // Node 2 takes a text; node 2 goes, and the SMSC sends the text again to node 3.
    smsc.deliver(user(0), SENDER, "Thanks!").await();
    String taken = text(bot.next("message"));
    stop(2);
    smsc.deliver(user(0), SENDER, "Thanks!").await();
    // Sent after the copy was answered, so the bot gets it after anything the copy could give.
    smsc.deliver(user(0), SENDER, "See you").await();

    assertThat(joined).isEqualTo(LONG_TEXT);
    assertThat(taken).isEqualTo("Thanks!");
    assertThat(text(bot.next("message"))).isEqualTo("See you");
  }

  /**
   * Registers the chatbot and sends its SMS to user 0 through each node (so the user's answers go
   * to it); answers its token once every node knows it and the SMSC has the three texts.
   */
  private String registerAndGreet() {
    JsonObject registration = nodes.get(0).admin(HttpMethod.POST, "/admin/v1/chatbots")
        .sendJsonObject(new JsonObject().put("botId", "parcel").put("name", "Parcel")
            .put("webhookUrl", bot.url()).put("rateLimitPerSecond", 10_000))
        .await().bodyAsJsonObject();
    String token = nodes.get(0).token(registration);
    nodes.forEach(node -> Eventually.until(() -> node.send("parcel", token,
        ConversationTest.text(user(0), "hello from " + node.port())).statusCode(),
        status -> status == 202, Duration.ofSeconds(1)));
    Eventually.until(() -> smsc.inbox(user(0)).size(), n -> n == 3, Duration.ofSeconds(5));
    return token;
  }

  /** Stops node {@code number}: its SMSC session goes, so the SMSC sends to the next one. */
  private void stop(int number) {
    nodes.get(number - 1).close();
    nodes.set(number - 1, null);
  }

  private static String text(FakeChatbot.Received message) {
    return message.event().getJsonObject("RCSMessage").getString("textMessage");
  }

  private String status(String token, String msgId) {
    HttpResponse<Buffer> answer = nodes.get(1).request(HttpMethod.GET,
        "/bot/v1/parcel/messages/" + msgId + "/status").bearerTokenAuthentication(token).send()
        .await();
    return answer.bodyAsJsonObject().getJsonObject("RCSMessage").getString("status");
  }

  private static String user(int i) {
    return "+861370000%04d".formatted(i);
  }
}
