package org.openmaap.platform;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A CT/CU chatbot's notify server, written from DIALECTS.md: a real HTTP server on localhost that
 * records every notification (path, headers, body) and checks its signature against the notify
 * token with the scheme the chatbot registered.
 */
public final class CtcuNotifyServer implements AutoCloseable {

  /** A notification as it arrived, and whether its signature was right. */
  public record Notification(String path, MultiMap headers, JsonObject body, boolean signed) {}

  private final HttpServer server;
  private final BlockingQueue<Notification> received = new LinkedBlockingQueue<>();
  private final AtomicInteger refused = new AtomicInteger();
  private volatile String notifyToken = "";
  private volatile boolean hmac;
  private volatile int status = 200;
  private volatile boolean echo = true;

  private CtcuNotifyServer(Vertx vertx) {
    server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
      MultiMap headers = MultiMap.caseInsensitiveMultiMap().addAll(request.headers());
      boolean signed = expected(headers.get("timestamp"), headers.get("nonce"))
          .equals(headers.get("signature"));
      if (status / 100 == 2) {
        received.add(new Notification(request.path(), headers,
            body.length() == 0 ? new JsonObject() : body.toJsonObject(), signed));
      } else {
        refused.incrementAndGet();
      }
      // The notify URL's verification is answered with its echoStr, as DIALECTS.md asks.
      boolean verification = request.method() == HttpMethod.GET
          && request.path().endsWith("/notifyPath") && signed && echo;
      request.response().setStatusCode(status)
          .end(verification && headers.get("echoStr") != null ? headers.get("echoStr") : "");
    }));
    server.listen(0, "localhost").await();
  }

  public static CtcuNotifyServer start(Vertx vertx) {
    return new CtcuNotifyServer(vertx);
  }

  /** The chatbot's notify URL. */
  public String url() {
    return "http://localhost:" + server.actualPort() + "/notify";
  }

  /** The notify token and scheme ({@code sha256} or {@code hmac-sha256}) to check against. */
  public void verifyWith(String token, String scheme) {
    notifyToken = token;
    hmac = "hmac-sha256".equals(scheme);
  }

  /** Answers every notification with this status from now on (a 2xx one is recorded). */
  public void answer(int newStatus) {
    status = newStatus;
  }

  /** How many notifications (or verifications) were answered with a status that is not 2xx. */
  public int refused() {
    return refused.get();
  }

  /** Whether verifications are answered with their echoStr (a chatbot that does not, if not). */
  public void echo(boolean answers) {
    echo = answers;
  }

  /** The next notification whose path ends with {@code suffix} and whose body matches. */
  public Notification next(String suffix, Predicate<JsonObject> matching) {
    return nextWhere(n -> n.path().endsWith(suffix) && matching.test(n.body()), suffix);
  }

  /** The next notification that {@code matching} accepts. */
  public Notification nextWhere(Predicate<Notification> matching, String what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    try {
      while (true) {
        Notification next = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (next == null) {
          throw new AssertionError("no notification " + what + " within 10 s");
        }
        if (matching.test(next)) {
          return next;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private String expected(String timestamp, String nonce) {
    if (timestamp == null || nonce == null) {
      return "";
    }
    try {
      if (hmac) {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(notifyToken.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(
            mac.doFinal((timestamp + nonce).getBytes(StandardCharsets.UTF_8)));
      }
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest((notifyToken + timestamp + nonce).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.close().await();
  }
}
