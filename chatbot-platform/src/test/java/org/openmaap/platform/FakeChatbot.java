package org.openmaap.platform;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A chatbot's webhook endpoint: a real HTTP server on localhost that records every event with its
 * headers and answers as told (200 by default, or a synchronous reply, or a failure).
 */
public final class FakeChatbot implements AutoCloseable {

  /** One received webhook request. */
  public record Received(JsonObject event, String eventId, String timestamp, String signature,
      String rawBody) {

    /** Whether one of the signature's v1 values is the HMAC of timestamp.body with the secret. */
    public boolean signedWith(String secret) {
      String expected = "v1=" + hmac(secret, timestamp + "." + rawBody);
      for (String value : signature.split(",")) {
        if (value.trim().equals(expected)) {
          return true;
        }
      }
      return false;
    }
  }

  /** What the endpoint answers: a status and an optional JSON object body, or a body as text. */
  public record Answer(int status, JsonObject body, String text) {
    public static final Answer OK = new Answer(200, null);

    public Answer(int status, JsonObject body) {
      this(status, body, null);
    }

    /** An answer whose body is this text, as it is (any JSON value, or none). */
    public static Answer text(int status, String text) {
      return new Answer(status, null, text);
    }
  }

  private final HttpServer server;
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final List<Received> all = new ArrayList<>();
  private volatile Function<JsonObject, Answer> responder = event -> Answer.OK;

  private FakeChatbot(HttpServer server) {
    this.server = server;
  }

  public static FakeChatbot start(Vertx vertx) {
    FakeChatbot[] bot = new FakeChatbot[1];
    HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body()
        .onSuccess(body -> {
          String raw = body.toString(StandardCharsets.UTF_8);
          Received event = new Received(new JsonObject(raw), request.getHeader("X-Maap-Event-Id"),
              request.getHeader("X-Maap-Timestamp"), request.getHeader("X-Maap-Signature"), raw);
          Answer answer = bot[0].responder.apply(event.event());
          if (answer.status() / 100 == 2) {
            synchronized (bot[0].all) {
              bot[0].all.add(event);
            }
            bot[0].received.add(event);
          }
          request.response().setStatusCode(answer.status())
              .putHeader("Content-Type", "application/json")
              .end(answer.text() != null ? answer.text()
                  : answer.body() == null ? "" : answer.body().encode());
        }));
    bot[0] = new FakeChatbot(server);
    server.listen(0, "localhost").await();
    return bot[0];
  }

  public String url() {
    return "http://localhost:" + server.actualPort() + "/webhook";
  }

  public void answer(Function<JsonObject, Answer> responder) {
    this.responder = responder;
  }

  /** The next acknowledged event whose JSON matches, waiting at most {@code timeout}. */
  public Received next(Predicate<JsonObject> matching, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        Received event = left <= 0 ? null : received.poll(left, TimeUnit.NANOSECONDS);
        if (event == null) {
          throw new AssertionError("no matching webhook event within " + timeout);
        }
        if (matching.test(event.event())) {
          return event;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Whether no acknowledged event matches for {@code quiet} (events that do not are dropped). */
  public boolean noneWithin(Predicate<JsonObject> matching, Duration quiet) {
    try {
      next(matching, quiet);
      return false;
    } catch (AssertionError e) {
      return true;
    }
  }

  /** The next acknowledged event of this type. */
  public Received next(String type) {
    return next(event -> type.equals(event.getString("event")), Duration.ofSeconds(10));
  }

  /** Takes every acknowledged event received since the last call (or the last next()). */
  public List<Received> drain() {
    List<Received> taken = new ArrayList<>();
    received.drainTo(taken);
    return taken;
  }

  /** Every acknowledged event so far, in arrival order. */
  public List<Received> all() {
    synchronized (all) {
      return List.copyOf(all);
    }
  }

  @Override
  public void close() {
    server.close().await();
  }

  static String hmac(String secret, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
