package org.openmaap.platform.webhook;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * A chatbot's webhook endpoint: a real HTTP server on a free localhost port that acknowledges,
 * fails with 503, or never answers, and records every request it gets.
 */
final class FakeChatbot {

  /** How the endpoint answers. */
  enum Mode { ACK, FAIL, HANG }

  /** One request as the chatbot saw it, and the status it answered (0: none). */
  record Request(String eventId, String timestamp, String signature, String contentType,
      byte[] body, int status, Instant receivedAt) {

    JsonObject json() {
      return new JsonObject(new String(body, StandardCharsets.UTF_8));
    }

    String conversationId() {
      return json().getString("conversationId");
    }
  }

  private final Vertx vertx;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final List<Waiter> waiters = new ArrayList<>();
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger maxOpen = new AtomicInteger();
  private final AtomicInteger acknowledged = new AtomicInteger();
  private final Queue<String> answers = new ConcurrentLinkedQueue<>();
  private final Set<String> answering = new HashSet<>();
  private int overlaps;
  private volatile Mode mode;
  private volatile Duration delay = Duration.ZERO;
  private HttpServer server;
  private int port;

  private FakeChatbot(Vertx vertx, Mode mode) {
    this.vertx = vertx;
    this.mode = mode;
  }

  static FakeChatbot start(Vertx vertx, Mode mode) {
    FakeChatbot bot = new FakeChatbot(vertx, mode);
    bot.listen(0);
    return bot;
  }

  String url() {
    return "http://localhost:" + port + "/webhook";
  }

  void mode(Mode mode) {
    this.mode = mode;
  }

  /** The bodies of the next acknowledgements, one each; an empty body after them. */
  void answers(String... bodies) {
    answers.addAll(List.of(bodies));
  }

  /** How long the endpoint takes before it acknowledges. */
  void delay(Duration delay) {
    this.delay = delay;
  }

  /** Closes the server: connections are refused until {@link #listenAgain()}. */
  void stopListening() {
    server.close().await();
  }

  /** Listens again on the same port. */
  void listenAgain() {
    listen(port);
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  List<Request> acknowledgedRequests() {
    return requests.stream().filter(r -> r.status() / 100 == 2).toList();
  }

  /**
   * How many requests arrived while an earlier request of the same conversation was still
   * unanswered (meaningless once the endpoint has hung).
   */
  synchronized int overlappingRequests() {
    return overlaps;
  }

  /** The most requests received and not yet answered at once (hung ones not counted). */
  int maxOpenRequests() {
    return maxOpen.get();
  }

  /** Completes once the endpoint has acknowledged {@code count} requests in all. */
  Future<Void> acknowledged(int count) {
    return when(() -> acknowledged.get() >= count);
  }

  /** Completes once the endpoint has received {@code count} requests in all. */
  Future<Void> received(int count) {
    return when(() -> requests.size() >= count);
  }

  private synchronized Future<Void> when(BooleanSupplier done) {
    if (done.getAsBoolean()) {
      return Future.succeededFuture();
    }
    Waiter waiter = new Waiter(done, Promise.promise());
    waiters.add(waiter);
    return waiter.promise().future();
  }

  private synchronized void recheck() {
    waiters.removeIf(waiter -> waiter.done().getAsBoolean() && waiter.promise().tryComplete());
  }

  private void listen(int listenPort) {
    server = vertx.createHttpServer().requestHandler(this::handle).listen(listenPort).await();
    port = server.actualPort();
  }

  private void handle(HttpServerRequest request) {
    Mode now = mode;
    request.body().onSuccess(body -> {
      int status = switch (now) {
        case ACK -> 200;
        case FAIL -> 503;
        case HANG -> 0;
      };
      Request received = new Request(request.getHeader(WebhookSender.EVENT_ID),
          request.getHeader(WebhookSender.TIMESTAMP), request.getHeader(WebhookSignature.HEADER),
          request.getHeader("Content-Type"), body.getBytes(), status, Instant.now());
      opened(received.conversationId());
      requests.add(received);
      recheck();
      if (now == Mode.HANG) {
        return;
      }
      maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
      long wait = delay.toMillis();
      if (wait < 1) {
        answer(request, received, status);
      } else {
        vertx.setTimer(wait, id -> answer(request, received, status));
      }
    });
  }

  private synchronized void opened(String conversationId) {
    if (!answering.add(conversationId)) {
      overlaps++;
    }
  }

  private synchronized void answered(String conversationId) {
    answering.remove(conversationId);
  }

  private void answer(HttpServerRequest request, Request received, int status) {
    open.decrementAndGet();
    answered(received.conversationId());
    String body = status == 200 ? Objects.requireNonNullElse(answers.poll(), "") : "unavailable";
    request.response().setStatusCode(status).end(body)
        .onSuccess(v -> {
          if (status == 200) {
            acknowledged.incrementAndGet();
            recheck();
          }
        });
  }

  private record Waiter(BooleanSupplier done, Promise<Void> promise) {}
}
