package org.openmaap.platform;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A slow, flaky chatbot webhook on a real port: it answers each event after 20 to 50 ms, one in
 * ten with 503, and records every event it acknowledged under its X-Maap-Event-Id.
 */
final class SlowChatbot implements AutoCloseable {

  private static final int MIN_DELAY_MS = 20;
  private static final int MAX_DELAY_MS = 50;
  private static final double REFUSED = 0.1;

  private final HttpServer server;
  /** Every acknowledged delivery, by event id: more than one body means a redelivery. */
  private final Map<String, List<String>> byEventId = new ConcurrentHashMap<>();
  private final AtomicInteger posts = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();

  private SlowChatbot(Vertx vertx) {
    this.server = vertx.createHttpServer().requestHandler(request -> request.body()
        .onSuccess(body -> {
          posts.incrementAndGet();
          String eventId = request.getHeader("X-Maap-Event-Id");
          ThreadLocalRandom random = ThreadLocalRandom.current();
          boolean refuse = random.nextDouble() < REFUSED;
          vertx.setTimer(random.nextInt(MIN_DELAY_MS, MAX_DELAY_MS + 1), timer -> {
            if (refuse) {
              refused.incrementAndGet();
              request.response().setStatusCode(503).end();
              return;
            }
            // Recorded before the answer leaves: the bot has the event even if the platform dies
            // before it reads the 200, and then a redelivery must carry the same event id.
            byEventId.computeIfAbsent(eventId, id -> new CopyOnWriteArrayList<>())
                .add(body.toString(StandardCharsets.UTF_8));
            request.response().setStatusCode(200).end();
          });
        }));
  }

  static SlowChatbot start(Vertx vertx) {
    SlowChatbot bot = new SlowChatbot(vertx);
    bot.server.listen(0, "localhost").await();
    return bot;
  }

  String url() {
    return "http://localhost:" + server.actualPort() + "/webhook";
  }

  /** Every acknowledged event id with the bodies it was received with, once per delivery. */
  Map<String, List<String>> received() {
    return Map.copyOf(byEventId);
  }

  int posts() {
    return posts.get();
  }

  int refused() {
    return refused.get();
  }

  @Override
  public void close() {
    server.close().await();
  }
}
