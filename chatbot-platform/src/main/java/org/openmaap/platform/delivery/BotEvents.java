package org.openmaap.platform.delivery;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.openmaap.platform.store.MessageRow;

/** The events of the delivery domain for a chatbot, as the core makes them. */
public final class BotEvents {

  private BotEvents() {}

  /** A {@code message}, {@code response} or {@code isTyping} event from a user. */
  public static BotEvent fromUser(String event, String user, JsonObject rcsMessage,
      String conversationId, String contributionId, String channel) {
    return new BotEvent.FromUser(BotEvent.UserEvent.of(event), user, rcsMessage, conversationId,
        contributionId, channel);
  }

  /** A {@code messageStatus} event about message {@code message}, which moved to {@code status}. */
  public static BotEvent status(MessageRow message, String status, String reason, String channel,
      Instant at) {
    return status(message, status,
        reason == null ? null : new JsonObject().put("reason", reason), channel, at);
  }

  /** A {@code messageStatus} event whose {@code error} says more than a reason. */
  public static BotEvent status(MessageRow message, String status, JsonObject error,
      String channel, Instant at) {
    return new BotEvent.StatusReport(message.userContact(), message.msgId(), status, error,
        message.conversationId(), channel, at, message.reportRequest());
  }

  /** A {@code newUser} event: the user's first contact with the bot. */
  static BotEvent newUser(String user, String conversationId, Instant at) {
    return new BotEvent.NewUser(user, conversationId, at);
  }
}
