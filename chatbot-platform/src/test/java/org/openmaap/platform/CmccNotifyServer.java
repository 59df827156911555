package org.openmaap.platform;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A CMCC chatbot's notify server, written from DIALECTS.md and the README: a real HTTP server on
 * localhost that records every notification (path, headers, XML root or JSON) and checks its
 * Authorization, {@code Basic base64(appId:sha256hex(sha256hex(notifyToken) + Date))}.
 */
public final class CmccNotifyServer implements AutoCloseable {

  /**
   * A notification as it arrived (its XML root, or its JSON when it came in the JSON binding),
   * and whether its Authorization was right.
   */
  public record Notification(String path, MultiMap headers, Element root, JsonObject json,
      boolean signed) {

    /** The text of the first element named {@code name} below the root's first child. */
    public String get(String name) {
      return root == null ? null : CmccNotifyServer.text(root, name);
    }
  }

  private final HttpServer server;
  private final BlockingQueue<Notification> received = new LinkedBlockingQueue<>();
  private volatile String appId = "";
  private volatile String notifyToken = "";
  private final AtomicInteger refused = new AtomicInteger();
  private volatile int status = 204;

  private CmccNotifyServer(Vertx vertx) {
    server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
      MultiMap headers = MultiMap.caseInsensitiveMultiMap().addAll(request.headers());
      boolean signed = expected(headers.get("Date")).equals(headers.get("Authorization"));
      if (status / 100 != 2) {
        refused.incrementAndGet();
      } else {
        boolean json = String.valueOf(headers.get("Content-Type")).startsWith("application/json");
        received.add(new Notification(request.path(), headers,
            json ? null : parse(body.getBytes()), json ? body.toJsonObject() : null, signed));
      }
      request.response().setStatusCode(status).end();
    }));
    server.listen(0, "localhost").await();
  }

  public static CmccNotifyServer start(Vertx vertx) {
    return new CmccNotifyServer(vertx);
  }

  /** The chatbot's notify root. */
  public String url() {
    return "http://localhost:" + server.actualPort() + "/cmcc";
  }

  /** The appId and notify token to check the Authorization against. */
  public void verifyWith(String newAppId, String token) {
    appId = newAppId;
    notifyToken = token;
  }

  /** Answers every notification with this status from now on (a 2xx one is recorded). */
  public void answer(int newStatus) {
    status = newStatus;
  }

  /** How many notifications were answered with a non-2xx status. */
  public int refused() {
    return refused.get();
  }

  /** The next notification whose path ends with {@code suffix} and that matches. */
  public Notification next(String suffix, Predicate<Notification> matching) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    try {
      while (true) {
        Notification next = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (next == null) {
          throw new AssertionError("no notification to ..." + suffix + " within 10 s");
        }
        if (next.path().endsWith(suffix) && matching.test(next)) {
          return next;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The text of the first element named {@code name} (local name) at or below {@code from}. */
  static String text(Element from, String name) {
    if (name.equals(from.getLocalName())) {
      return from.getTextContent();
    }
    for (Node n = from.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element child) {
        String found = text(child, name);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static Element parse(byte[] xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml))
          .getDocumentElement();
    } catch (Exception e) {
      // Not a CMCC notification (another dialect's bot may share this server): no root.
      return null;
    }
  }

  private String expected(String date) {
    if (date == null) {
      return "";
    }
    String digest = sha256Hex(sha256Hex(notifyToken) + date);
    return "Basic " + Base64.getEncoder().encodeToString((appId + ":" + digest)
        .getBytes(StandardCharsets.UTF_8));
  }

  static String sha256Hex(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.close().await();
  }
}
