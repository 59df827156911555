package org.openmaap.platform.store;

import java.time.Instant;
import org.openmaap.platform.store.EventRow.State;
import org.openmaap.platform.store.MessageRow.Direction;

/** Small row fixtures for the store tests. */
final class Rows {

  static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

  private Rows() {}

  static ChatbotRow chatbot(String botId, String clientId) {
    return new ChatbotRow(botId, "{\"name\":\"" + botId + "\"}", clientId, "hash-" + clientId,
        "webhook-secret", null, null, 1, T0);
  }

  static MessageRow toUser(String botId, String msgId, String user, String status) {
    return message(botId, msgId, Direction.BOT_TO_USER, user, status);
  }

  static MessageRow message(
      String botId, String msgId, Direction direction, String user, String status) {
    return new MessageRow(botId, msgId, direction, user, "conv-" + user, "contrib-" + msgId,
        null, "{\"textMessage\":\"hello\"}", "hash-" + msgId, status, "rcs", null, null, T0, T0);
  }

  static EventRow event(String eventId, String botId) {
    return new EventRow(eventId, botId, "conv-1", 0, "{\"event\":\"message\"}", State.PENDING, 0,
        T0, null, T0);
  }
}
