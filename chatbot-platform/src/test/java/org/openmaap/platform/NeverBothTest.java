package org.openmaap.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.platform.sms.SmscFaults;

/**
 * SMS.md's "never both" under load: 1,000 connected devices get 20,000 messages under a 1 s
 * fallback timeout; most report delivered at once, some just around the deadline. No message may
 * both have its delivered report acknowledged to the device and reach the SMSC. The full
 * size: {@code mvn -pl chatbot-platform verify -Dtest=NeverBothTest -DneverBoth.messages=100000}.
 */
class NeverBothTest {

  private static final int DEVICES = Integer.getInteger("neverBoth.devices", 1_000);
  private static final int MESSAGES = Integer.getInteger("neverBoth.messages", 20_000);
  private static final int SENDS_IN_FLIGHT = 64;
  /** One message in this many has its report sent around the fallback deadline. */
  private static final int LATE_ONE_IN = 40;
  private static final String BOT = "flood";

  @TempDir
  Path dataDir;

  private final Vertx vertx = Vertx.vertx();
  private RunningPlatform platform;
  private FakeChatbot bot;

  @AfterEach
  void stop() {
    if (platform != null) {
      platform.close();
    }
    if (bot != null) {
      bot.close();
    }
    vertx.close().await();
  }

  @Test
  @Timeout(value = 600, unit = TimeUnit.SECONDS)
  void flood_aDeliveredReportOnceAcknowledged_isNeverFollowedByTheSms() throws Exception {
    platform = RunningPlatform.start(vertx, RunningPlatform.config(dataDir).withSms(
        SmsConfig.defaults().withTimings(Duration.ofSeconds(1), Duration.ZERO)));
    bot = FakeChatbot.start(vertx);
    HttpResponse<Buffer> registered = platform.admin(HttpMethod.POST, "/admin/v1/chatbots")
        .sendJsonObject(new JsonObject().put("botId", BOT).put("name", "Flood")
            .put("webhookUrl", bot.url()).put("rateLimitPerSecond", 100_000))
        .await();
    assertThat(registered.statusCode()).as(registered.bodyAsString()).isEqualTo(201);
    String token = platform.token(registered.bodyAsJsonObject());
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxConnections(DEVICES));
    List<LatePhone> phones = new ArrayList<>();
    for (int i = 0; i < DEVICES; i++) {
      LatePhone phone = new LatePhone(client, "+86137%08d".formatted(i), i);
      phone.connect(platform.port(), RunningPlatform.NETWORK_TOKEN);
      phones.add(phone);
    }

    // Act: the flood, then time for every deadline and every SMS.
    AtomicInteger accepted = new AtomicInteger();
    List<Future<?>> window = new ArrayList<>();
    for (int i = 0; i < MESSAGES; i++) {
      int n = i;
      window.add(platform.request(HttpMethod.POST, "/bot/v1/" + BOT + "/messages")
          .bearerTokenAuthentication(token)
          .sendJsonObject(new JsonObject()
              .put("messageContact", new JsonObject().put("userContact",
                  phones.get(n % DEVICES).msisdn))
              .put("RCSMessage", new JsonObject().put("msgId", "m" + n)
                  .put("textMessage", "Never both " + n)))
          .map(answer -> answer.statusCode() == 202 ? accepted.incrementAndGet() : 0));
      if (window.size() == SENDS_IN_FLIGHT) {
        Future.join(window).await();
        window.clear();
      }
    }
    Future.join(window).await();
    SmscFaults smsc = SmscFaults.of(platform.platform.embeddedSmsc().orElseThrow());
    Eventually.until(() -> phones.stream().mapToInt(LatePhone::answered).sum(),
        answered -> answered == MESSAGES, Duration.ofSeconds(300));
    // Deadlines are 1 s; an SMS is on its way within a few more.
    Thread.sleep(5_000);

    // Assert.
    Set<String> acknowledged = new HashSet<>();
    int refused = 0;
    for (LatePhone phone : phones) {
      acknowledged.addAll(phone.acknowledged.keySet());
      refused += phone.refused.get();
    }
    Set<String> bySms = new HashSet<>();
    smsc.everySubmittedText().forEach(text -> bySms.add("m" + text.substring(
        text.lastIndexOf(' ') + 1).strip()));
    Set<String> both = new HashSet<>(acknowledged);
    both.retainAll(bySms);
    System.out.printf("never-both flood: %d devices, %d messages accepted, %d delivered reports "
        + "acknowledged, %d refused (the SMS had started), %d SMS submitted, %d both%n",
        DEVICES, accepted.get(), acknowledged.size(), refused, bySms.size(), both.size());

    phones.forEach(LatePhone::close);
    assertThat(accepted.get()).isEqualTo(MESSAGES);
    assertThat(bySms).as("some reports came too late: the race was run").isNotEmpty();
    assertThat(both).as("acknowledged as delivered and sent as SMS").isEmpty();
    assertThat(acknowledged.size() + refused).as("every report was answered")
        .isEqualTo(MESSAGES);
  }

  /**
   * A phone that reports each message delivered: at once, or (one in {@link #LATE_ONE_IN}) just
   * around the 1 s fallback deadline; it notes which reports were acknowledged and which refused.
   */
  private final class LatePhone {
    final String msisdn;
    final Set<String> seen = ConcurrentHashMap.newKeySet();
    final ConcurrentHashMap<String, Boolean> acknowledged = new ConcurrentHashMap<>();
    final AtomicInteger refused = new AtomicInteger();
    private final WebSocketClient client;
    private final SplittableRandom random;
    private ClientWebSocket socket;

    LatePhone(WebSocketClient client, String msisdn, int seed) {
      this.client = client;
      this.msisdn = msisdn;
      this.random = new SplittableRandom(seed);
    }

    void connect(int port, String networkToken) {
      ClientWebSocket next = client.webSocket();
      next.textMessageHandler(text -> receive(new JsonObject(text)));
      next.connect(new WebSocketConnectOptions().setHost("localhost").setPort(port)
              .setURI("/network/v1/devices/" + URLEncoder.encode(msisdn, StandardCharsets.UTF_8)
                  + "/ws?token=" + URLEncoder.encode(networkToken, StandardCharsets.UTF_8)))
          .await();
      socket = next;
    }

    int answered() {
      return acknowledged.size() + refused.get();
    }

    private void receive(JsonObject frame) {
      switch (frame.getString("type", "")) {
        case "message" -> {
          String msgId = frame.getString("msgId");
          if (!seen.add(msgId)) {
            return;
          }
          long delay;
          synchronized (random) {
            delay = random.nextInt(LATE_ONE_IN) == 0 ? random.nextLong(850, 1_250) : 0;
          }
          Runnable report = () -> socket.writeTextMessage(new JsonObject()
              .put("type", "delivered").put("msgId", msgId).put("id", msgId).encode());
          if (delay == 0) {
            report.run();
          } else {
            vertx.setTimer(delay, id -> report.run());
          }
        }
        case "ack" -> acknowledged.put(frame.getString("ref"), true);
        case "error" -> refused.incrementAndGet();
        default -> { }
      }
    }

    void close() {
      if (socket != null && !socket.isClosed()) {
        socket.close();
      }
    }
  }
}
