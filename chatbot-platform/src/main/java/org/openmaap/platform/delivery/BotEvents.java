package org.openmaap.platform.delivery;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** The events of the delivery domain for a chatbot, as the core makes them. */
public final class BotEvents {

  private BotEvents() {}

  /** A {@code message}, {@code response} or {@code isTyping} event from a user. */
  public static BotEvent fromUser(String event, String user, JsonObject rcsMessage,
      String conversationId, String contributionId, String channel) {
    return new BotEvent.FromUser(BotEvent.UserEvent.of(event), user, rcsMessage, conversationId,
        contributionId, channel);
  }

  /** A {@code messageStatus} event about a message the bot sent. */
  public static BotEvent status(String user, String msgId, String status, String reason,
      String conversationId, String channel, Instant at) {
    return status(user, msgId, status,
        reason == null ? null : new JsonObject().put("reason", reason), conversationId, channel,
        at);
  }

  /** A {@code messageStatus} event whose {@code error} says more than a reason. */
  public static BotEvent status(String user, String msgId, String status, JsonObject error,
      String conversationId, String channel, Instant at) {
    return new BotEvent.StatusReport(user, msgId, status, error, conversationId, channel, at);
  }

  /** A {@code newUser} event: the user's first contact with the bot. */
  static BotEvent newUser(String user, String conversationId, Instant at) {
    return new BotEvent.NewUser(user, conversationId, at);
  }
}
