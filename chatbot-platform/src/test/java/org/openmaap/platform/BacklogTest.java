package org.openmaap.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.lang.management.ManagementFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.platform.store.EventRow;
import org.openmaap.platform.store.MessageRow;
import org.openmaap.platform.store.SqliteStore;
import org.openmaap.platform.store.Store;
import org.openmaap.platform.store.WorkRow;

/**
 * A backlog lives in the store, not in memory: 100,000 messages waiting for offline provisioned
 * devices and 100,000 events for a bot that is down cost the restarted platform little heap and
 * no thread per item, it is ready at once, and everything arrives exactly once when the devices
 * connect and the bot is back (about a minute; a smaller run: {@code -Dbacklog.items=20000}).
 */
class BacklogTest {

  private static final int ITEMS = Integer.getInteger("backlog.items", 100_000);
  private static final int DEVICES = 1_000;
  private static final String BOT = "backlog";
  private static final long MB = 1024 * 1024;

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
  void backlog_inTheStore_costsNoHeapPerItem_readyAtOnce_thenEachDeliveredOnce()
      throws Exception {
    platform = RunningPlatform.start(vertx, RunningPlatform.config(dataDir));
    platform.register(BOT, "http://localhost:" + unusedPort() + "/down");
    for (int d = 0; d < DEVICES; d++) {
      HttpResponse<Buffer> provisioned = platform.request(HttpMethod.PUT,
              "/network/v1/devices/" + user(d))
          .bearerTokenAuthentication(RunningPlatform.NETWORK_TOKEN)
          .sendJsonObject(new JsonObject()).await();
      assertThat(provisioned.statusCode()).isBetween(200, 204);
    }
    long idleHeap = heapAfterGc();
    int idleThreads = Thread.activeCount();
    platform.close();
    platform = null;
    seed();

    long restart = System.nanoTime();
    platform = RunningPlatform.start(vertx, RunningPlatform.config(dataDir));
    HttpResponse<Buffer> health = platform.admin(HttpMethod.GET, "/admin/v1/health").send()
        .await();
    Duration ready = Duration.ofNanos(System.nanoTime() - restart);
    // The worker takes the events for the bot that is down, fails and schedules retries.
    Thread.sleep(3_000);
    long backlogHeap = heapAfterGc();
    int backlogThreads = Thread.activeCount();
    System.out.printf("backlog of %,d messages + %,d events: ready in %d ms, heap %d MB idle,"
        + " %d MB with the backlog; threads %d idle, %d with the backlog%n", ITEMS, ITEMS,
        ready.toMillis(), idleHeap / MB, backlogHeap / MB, idleThreads, backlogThreads);

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(ready).isLessThan(Duration.ofSeconds(5));
    assertThat(backlogHeap - idleHeap).isLessThan(64 * MB);
    assertThat(backlogThreads - idleThreads).isLessThan(32);

    Map<String, AtomicInteger> framesByMsgId = connectDevices();
    bot = FakeChatbot.start(vertx);
    HttpResponse<Buffer> back = platform.admin(HttpMethod.PATCH, "/admin/v1/chatbots/" + BOT)
        .sendJsonObject(new JsonObject().put("webhookUrl", bot.url())).await();
    assertThat(back.statusCode()).as(back.bodyAsString()).isEqualTo(200);

    Map<String, Integer> acksByEventId = new ConcurrentHashMap<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
    long comeBack = System.nanoTime();
    while ((acksByEventId.size() < ITEMS || framesByMsgId.size() < ITEMS)
        && System.nanoTime() < deadline) {
      bot.drain().forEach(received -> acksByEventId.merge(received.eventId(), 1, Integer::sum));
      Thread.sleep(100);
      if (Boolean.getBoolean("backlog.progress")) {
        System.out.printf("%d ms: %d frames, %d events%n",
            (System.nanoTime() - comeBack) / 1_000_000, framesByMsgId.size(), acksByEventId.size());
      }
    }
    System.out.printf("delivered in %d ms%n", (System.nanoTime() - comeBack) / 1_000_000);
    Thread.sleep(1_000);
    bot.drain().forEach(received -> acksByEventId.merge(received.eventId(), 1, Integer::sum));

    assertThat(framesByMsgId).hasSize(ITEMS);
    assertThat(framesByMsgId.values()).allMatch(count -> count.get() == 1);
    assertThat(acksByEventId).hasSize(ITEMS);
    assertThat(acksByEventId.entrySet()).filteredOn(entry -> entry.getValue() > 1)
        .as("events acknowledged more than once").isEmpty();
    assertThat(acksByEventId.keySet()).allMatch(id -> id.startsWith("backlog-e-"));
  }

  /** Writes the backlog as the platform leaves it: messages routed and waiting, events due. */
  private void seed() {
    Store store = SqliteStore.open(vertx, dataDir).await();
    Instant now = Instant.now();
    List<String> conversations = new ArrayList<>();
    for (int d = 0; d < DEVICES; d++) {
      conversations.add(store.conversation(BOT, user(d), UUID.randomUUID().toString(), now)
          .await().conversationId());
    }
    List<Future<?>> writes = new ArrayList<>();
    for (int n = 0; n < ITEMS; n++) {
      int d = n % DEVICES;
      String msgId = "backlog-m-" + n;
      writes.add(store.insertMessage(new MessageRow(BOT, msgId, MessageRow.Direction.BOT_TO_USER,
              user(d), conversations.get(d), "contribution-" + n, null,
              // No SMS fallback: the devices here never report, and what is measured is RCS.
              "{\"textMessage\":\"waiting " + n + "\",\"shortMessageSupported\":false}",
              "hash-" + n, "pending", "rcs", null,
              null, now, now),
          WorkRow.due(WorkRow.Kind.MESSAGE, BOT, msgId, now.plus(Duration.ofHours(1)))));
      String eventId = "backlog-e-" + n;
      writes.add(store.insertEvent(new EventRow(eventId, BOT, conversations.get(d), 0,
          new JsonObject().put("event", "message")
              .put("messageContact", new JsonObject().put("userContact", user(d)))
              .put("RCSMessage", new JsonObject().put("msgId", "from-user-" + n)
                  .put("textMessage", "hello " + n))
              .put("conversationId", conversations.get(d)).encode(),
          EventRow.State.PENDING, 0, now, null, now)));
      if (writes.size() >= 2_000) {
        Future.all(writes).await();
        writes.clear();
      }
    }
    Future.all(writes).await();
    store.close().await();
  }

  /** Connects every device; answers how many times each message's frame came. */
  private Map<String, AtomicInteger> connectDevices() {
    Map<String, AtomicInteger> frames = new ConcurrentHashMap<>();
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxConnections(DEVICES));
    List<Future<WebSocket>> connected = new ArrayList<>();
    for (int d = 0; d < DEVICES; d++) {
      connected.add(client.connect(new WebSocketConnectOptions().setHost("localhost")
          .setPort(platform.port()).setURI("/network/v1/devices/"
              + URLEncoder.encode(user(d), StandardCharsets.UTF_8) + "/ws?token="
              + RunningPlatform.NETWORK_TOKEN))
          .onSuccess(socket -> socket.textMessageHandler(text -> {
            JsonObject frame = new JsonObject(text);
            if ("message".equals(frame.getString("type"))) {
              frames.computeIfAbsent(frame.getString("msgId"), id -> new AtomicInteger())
                  .incrementAndGet();
            }
          })));
    }
    Future.all(connected).await();
    return frames;
  }

  private static String user(int device) {
    return "+86139" + String.format("%08d", device);
  }

  private static int unusedPort() throws Exception {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static long heapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      ManagementFactory.getMemoryMXBean().gc();
      Thread.sleep(200);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
