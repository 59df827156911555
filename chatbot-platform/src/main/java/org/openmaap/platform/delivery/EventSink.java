package org.openmaap.platform.delivery;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** Where chatbot events go: the durable webhook dispatcher, ordered per conversation. */
@FunctionalInterface
public interface EventSink {

  /** Stores the event for delivery to the bot; completes once it is durable. */
  Future<?> publish(String botId, String conversationId, JsonObject event);
}
