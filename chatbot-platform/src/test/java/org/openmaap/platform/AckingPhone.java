package org.openmaap.platform;

import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A phone that behaves: it reports every message frame delivered, and can send its user's
 * messages. It records every frame by msgId and which of its own frames the platform acked, and it
 * can reconnect after the platform restarts, keeping what it recorded.
 */
final class AckingPhone {

  final String msisdn;
  private final WebSocketClient client;
  private final String botId;
  private volatile ClientWebSocket socket;
  /** Every message frame received, by msgId: more than one means a redelivery. */
  private final Map<String, List<JsonObject>> messages = new ConcurrentHashMap<>();
  /** The user's messages the platform acked: frame id to the msgId the ack named. */
  private final Map<String, String> sentAcked = new ConcurrentHashMap<>();
  private final Map<String, String> deliveredAcked = new ConcurrentHashMap<>();
  private final List<JsonObject> errors = new CopyOnWriteArrayList<>();
  private final List<JsonObject> others = new CopyOnWriteArrayList<>();
  private final AtomicInteger frameIds = new AtomicInteger();

  AckingPhone(WebSocketClient client, String msisdn, String botId) {
    this.client = client;
    this.msisdn = msisdn;
    this.botId = botId;
  }

  /** Opens a new connection (the handler is set before the handshake, so no frame is missed). */
  void connect(int port, String networkToken) {
    ClientWebSocket next = client.webSocket();
    next.textMessageHandler(text -> receive(next, new JsonObject(text)));
    next.connect(new WebSocketConnectOptions().setHost("localhost").setPort(port)
            .setURI("/network/v1/devices/" + URLEncoder.encode(msisdn, StandardCharsets.UTF_8)
                + "/ws?token=" + URLEncoder.encode(networkToken, StandardCharsets.UTF_8)))
        .await();
    socket = next;
  }

  /** Sends a text from the user to the bot; the frame may be lost if the platform is down. */
  void sendText(String text) {
    ClientWebSocket current = socket;
    if (current == null || current.isClosed()) {
      return;
    }
    current.writeTextMessage(new JsonObject().put("type", "message")
        .put("id", "user-" + msisdn + "-" + frameIds.incrementAndGet()).put("to", botId)
        .put("RCSMessage", new JsonObject().put("textMessage", text)).encode());
  }

  private void receive(ClientWebSocket on, JsonObject frame) {
    switch (frame.getString("type", "")) {
      case "message" -> {
        String msgId = frame.getString("msgId");
        messages.computeIfAbsent(msgId, id -> new CopyOnWriteArrayList<>()).add(frame);
        on.writeTextMessage(new JsonObject().put("type", "delivered").put("msgId", msgId)
            .put("id", "delivered-" + frameIds.incrementAndGet() + "-" + msgId).encode());
      }
      case "ack" -> {
        String ref = frame.getString("ref");
        if (ref.startsWith("user-")) {
          sentAcked.put(ref, frame.getString("msgId"));
        } else {
          deliveredAcked.put(ref.substring(ref.indexOf('-', "delivered-".length()) + 1), ref);
        }
      }
      case "error" -> errors.add(frame);
      default -> others.add(frame);
    }
  }

  /** Message frames by msgId, each frame as received. */
  Map<String, List<JsonObject>> messages() {
    return Map.copyOf(messages);
  }

  /** The msgIds of the user's messages the platform acked (it promised to pass them on). */
  List<String> acknowledgedUserMessages() {
    return List.copyOf(sentAcked.values());
  }

  /** The msgIds whose delivered report the platform acked. */
  List<String> acknowledgedDeliveries() {
    return List.copyOf(deliveredAcked.keySet());
  }

  /** Error frames the platform answered with. */
  List<JsonObject> errors() {
    return List.copyOf(errors);
  }

  /** Frames other than message, ack and error (revoke, displayed, isTyping). */
  List<JsonObject> others() {
    return List.copyOf(others);
  }

  void close() {
    ClientWebSocket current = socket;
    if (current != null && !current.isClosed()) {
      current.close().await();
    }
  }
}
