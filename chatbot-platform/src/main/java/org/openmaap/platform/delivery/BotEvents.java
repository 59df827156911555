package org.openmaap.platform.delivery;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** The JSON of the webhook events of API.md (FNW.11 shape). */
public final class BotEvents {

  private BotEvents() {}

  /** A {@code message}, {@code response} or {@code isTyping} event from a user. */
  public static JsonObject fromUser(String event, String user, JsonObject rcsMessage,
      String conversationId, String contributionId, String channel) {
    return new JsonObject()
        .put("event", event)
        .put("messageContact", new JsonObject().put("userContact", user))
        .put("RCSMessage", rcsMessage)
        .put("conversationId", conversationId)
        .put("contributionId", contributionId)
        .put("channel", channel);
  }

  /** A {@code messageStatus} event about a message the bot sent. */
  public static JsonObject status(String user, String msgId, String status, String reason,
      String conversationId, String channel, Instant at) {
    return status(user, msgId, status,
        reason == null ? null : new JsonObject().put("reason", reason), conversationId, channel,
        at);
  }

  /** A {@code messageStatus} event whose {@code error} says more than a reason. */
  public static JsonObject status(String user, String msgId, String status, JsonObject error,
      String conversationId, String channel, Instant at) {
    JsonObject rcs = new JsonObject().put("msgId", msgId).put("status", status)
        .put("timestamp", at.toString());
    if (error != null) {
      rcs.put("error", error);
    }
    return new JsonObject()
        .put("event", "messageStatus")
        .put("messageContact", new JsonObject().put("userContact", user))
        .put("RCSMessage", rcs)
        .put("conversationId", conversationId)
        .put("channel", channel);
  }

  /** A {@code newUser} event: the user's first contact with the bot. */
  static JsonObject newUser(String user, String conversationId, Instant at) {
    return new JsonObject()
        .put("event", "newUser")
        .put("messageContact", new JsonObject().put("userContact", user))
        .put("RCSMessage", new JsonObject().put("timestamp", at.toString()))
        .put("conversationId", conversationId)
        .put("channel", Status.CHANNEL_RCS);
  }
}
