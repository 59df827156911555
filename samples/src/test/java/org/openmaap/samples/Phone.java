package org.openmaap.samples;

import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An RCS phone chatting with one chatbot over the platform's device WebSocket, the way a user does:
 * it reports every message delivered as it arrives, and it types, taps and shares a location.
 */
public final class Phone implements AutoCloseable {

  private final WebSocketClient client;
  private final ClientWebSocket socket;
  private final String botId;
  private final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
  private final List<JsonObject> others = new CopyOnWriteArrayList<>();

  private Phone(WebSocketClient client, String botId) {
    this.client = client;
    this.socket = client.webSocket();
    this.botId = botId;
  }

  /** Connects {@code msisdn} to the platform; what it types goes to {@code botId}. */
  public static Phone connect(Vertx vertx, int port, String networkToken, String msisdn,
      String botId) {
    Phone phone = new Phone(vertx.createWebSocketClient(), botId);
    phone.socket.textMessageHandler(text -> phone.receive(new JsonObject(text)));
    phone.socket.connect(new WebSocketConnectOptions().setHost("localhost").setPort(port)
            .setURI("/network/v1/devices/" + URLEncoder.encode(msisdn, StandardCharsets.UTF_8)
                + "/ws?token=" + URLEncoder.encode(networkToken, StandardCharsets.UTF_8)))
        .await();
    return phone;
  }

  private void receive(JsonObject frame) {
    if ("message".equals(frame.getString("type"))) {
      socket.writeTextMessage(new JsonObject().put("type", "delivered")
          .put("msgId", frame.getString("msgId")).encode());
      messages.add(frame);
    } else if (!"ack".equals(frame.getString("type"))) {
      others.add(frame);
    }
  }

  /** The user types a text. */
  public void say(String text) {
    send(new JsonObject().put("textMessage", text));
  }

  /** The user taps the suggestion labelled {@code label} on this message (a button or a chip). */
  public void tap(JsonObject message, String label) {
    JsonObject suggestion = suggestions(message).stream()
        .filter(s -> label.equals(tapped(s).getString("displayText")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no suggestion '" + label + "' in " + message));
    String kind = suggestion.containsKey("reply") ? "reply" : "action";
    JsonObject chosen = tapped(suggestion);
    send(new JsonObject().put("suggestedResponse", new JsonObject().put("response",
        new JsonObject().put(kind, new JsonObject().put("displayText", label)
            .put("postback", chosen.getJsonObject("postback"))))));
  }

  /** The user shares where they are, as after a requestLocationPush. */
  public void share(double latitude, double longitude) {
    send(new JsonObject().put("geolocationPushMessage",
        new JsonObject().put("pos", latitude + " " + longitude)));
  }

  private void send(JsonObject rcsMessage) {
    socket.writeTextMessage(new JsonObject().put("type", "message").put("to", botId)
        .put("RCSMessage", rcsMessage).encode()).await();
  }

  /** The RCSMessage of the next message from the chatbot, waiting at most 10 s. */
  public JsonObject next() {
    try {
      JsonObject frame = messages.poll(10, TimeUnit.SECONDS);
      if (frame == null) {
        throw new AssertionError("no message from " + botId + " within 10 s");
      }
      return frame.getJsonObject("RCSMessage");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Whether no message arrives within {@code quiet}. */
  public boolean quietFor(Duration quiet) throws InterruptedException {
    return messages.poll(quiet.toMillis(), TimeUnit.MILLISECONDS) == null;
  }

  /** Frames other than messages and acks: revoke, displayed, isTyping, error. */
  public List<JsonObject> others() {
    return List.copyOf(others);
  }

  /** The cards of a message: one for a single card, each card of a carousel, none otherwise. */
  public static List<JsonObject> cards(JsonObject message) {
    JsonObject card = message.getJsonObject("richcardMessage", new JsonObject())
        .getJsonObject("message", new JsonObject());
    if (card.containsKey("generalPurposeCard")) {
      return List.of(card.getJsonObject("generalPurposeCard").getJsonObject("content"));
    }
    if (card.containsKey("generalPurposeCardCarousel")) {
      return objects(card.getJsonObject("generalPurposeCardCarousel").getJsonArray("content"));
    }
    return List.of();
  }

  /** Every suggestion of a message, card buttons first, then chips (the SMS numbering order). */
  public static List<JsonObject> suggestions(JsonObject message) {
    List<JsonObject> all = new ArrayList<>();
    cards(message).forEach(card -> all.addAll(objects(card.getJsonArray("suggestions"))));
    all.addAll(objects(message.getJsonObject("suggestedChipList", new JsonObject())
        .getJsonArray("suggestions")));
    return all;
  }

  /** The labels of every suggestion of a message. */
  public static List<String> labels(JsonObject message) {
    return suggestions(message).stream().map(s -> tapped(s).getString("displayText")).toList();
  }

  /** The reply or action object of a suggestion. */
  public static JsonObject tapped(JsonObject suggestion) {
    return suggestion.containsKey("reply") ? suggestion.getJsonObject("reply")
        : suggestion.getJsonObject("action");
  }

  private static List<JsonObject> objects(JsonArray array) {
    return array == null ? List.of() : array.stream().map(JsonObject.class::cast).toList();
  }

  @Override
  public void close() {
    if (!socket.isClosed()) {
      socket.close().await();
    }
    client.close().await();
  }
}
