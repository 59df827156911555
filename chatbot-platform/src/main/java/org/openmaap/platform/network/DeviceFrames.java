package org.openmaap.platform.network;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import org.openmaap.card.model.CardJson;
import org.openmaap.card.model.RcsMessage.TypingState;
import org.openmaap.platform.ApiError;
import org.openmaap.platform.delivery.DeviceMessage;

/** The server-to-device frames of API.md's network side, as JSON. */
final class DeviceFrames {

  private DeviceFrames() {}

  /** {@code {"type": "message", "msgId", "from", "chatbot", "RCSMessage", ...}}. */
  static JsonObject message(DeviceMessage message) {
    return new JsonObject()
        .put("type", "message")
        .put("msgId", message.msgId())
        .put("from", message.from())
        .put("chatbot", message.chatbot() == null ? null : card(message.chatbot()))
        .put("RCSMessage", message.content().copy().put("msgId", message.msgId()))
        .put("conversationId", message.conversationId())
        .put("contributionId", message.contributionId());
  }

  /** {@code {"type": "revoke", "msgId"}}. */
  static JsonObject revoke(String msgId) {
    return new JsonObject().put("type", "revoke").put("msgId", msgId);
  }

  /** {@code {"type": "isTyping", "from", "state"}}. */
  static JsonObject typing(String from, TypingState state) {
    return new JsonObject().put("type", "isTyping").put("from", from)
        .put("state", state.name().toLowerCase(Locale.ROOT));
  }

  /** {@code {"type": "displayed", "msgId"}}: the chatbot read the user's message. */
  static JsonObject displayed(String msgId) {
    return new JsonObject().put("type", "displayed").put("msgId", msgId);
  }

  /** {@code {"type": "ack", "ref"}} with what the answer carries (a message's msgId). */
  static JsonObject ack(Object ref, JsonObject answer) {
    return answer.copy().put("type", "ack").put("ref", ref);
  }

  /** {@code {"type": "error", "ref"?, "error": {...}}}. */
  static JsonObject error(Object ref, ApiError error) {
    JsonObject body = new JsonObject().put("status", error.status()).put("code", error.code())
        .put("message", error.getMessage());
    if (!error.violations().isEmpty()) {
      body.put("violations", new JsonArray(CardJson.write(error.violations())));
    }
    JsonObject frame = new JsonObject().put("type", "error").put("error", body);
    if (ref != null) {
      frame.put("ref", ref);
    }
    return frame;
  }

  private static JsonObject card(DeviceMessage.Card card) {
    JsonObject json = new JsonObject().put("name", card.name());
    if (card.iconUrl() != null) {
      json.put("iconUrl", card.iconUrl());
    }
    if (card.color() != null) {
      json.put("color", card.color());
    }
    return json;
  }
}
