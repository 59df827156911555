package org.openmaap.platform;

import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A phone on the network side: a real WebSocket client that records every frame it receives. */
public final class TestDevice implements AutoCloseable {

  private final WebSocketClient client;
  private final ClientWebSocket socket;
  private final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();

  private TestDevice(WebSocketClient client, ClientWebSocket socket) {
    this.client = client;
    this.socket = socket;
  }

  public static TestDevice connect(Vertx vertx, int port, String msisdn, String networkToken) {
    WebSocketClient client = vertx.createWebSocketClient();
    TestDevice device = new TestDevice(client, client.webSocket());
    // The handler is set before connecting: the platform writes waiting messages right after the
    // handshake, and a handler set once connect() has completed could miss them.
    device.socket.textMessageHandler(text -> device.frames.add(new JsonObject(text)));
    device.socket.connect(new WebSocketConnectOptions()
            .setHost("localhost").setPort(port)
            .setURI("/network/v1/devices/" + URLEncoder.encode(msisdn, StandardCharsets.UTF_8)
                + "/ws?token=" + URLEncoder.encode(networkToken, StandardCharsets.UTF_8)))
        .await();
    return device;
  }

  public void send(JsonObject frame) {
    socket.writeTextMessage(frame.encode()).await();
  }

  public void sendRaw(String text) {
    socket.writeTextMessage(text).await();
  }

  /** The next frame that matches, skipping others, waiting at most 10 s. */
  public JsonObject next(Predicate<JsonObject> matching) {
    return next(matching, Duration.ofSeconds(10));
  }

  public JsonObject next(Predicate<JsonObject> matching, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        JsonObject frame = left <= 0 ? null : frames.poll(left, TimeUnit.NANOSECONDS);
        if (frame == null) {
          throw new AssertionError("no matching frame within " + timeout);
        }
        if (matching.test(frame)) {
          return frame;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** The next frame of this type. */
  public JsonObject next(String type) {
    return next(frame -> type.equals(frame.getString("type")));
  }

  /** Whether no frame of this type arrives within the time. */
  public boolean noneWithin(String type, Duration quiet) {
    try {
      next(frame -> type.equals(frame.getString("type")), quiet);
      return false;
    } catch (AssertionError e) {
      return true;
    }
  }

  public boolean isClosed() {
    return socket.isClosed();
  }

  @Override
  public void close() {
    if (!socket.isClosed()) {
      socket.close().await();
    }
    client.close().await();
  }
}
