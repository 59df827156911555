package org.openmaap.platform.webhook;

import io.vertx.core.json.JsonObject;

/**
 * Receives a chatbot's synchronous reply: the 2xx answer to a webhook when it is a JSON object
 * with {@code RCSMessage}, to be sent to the same user as if POSTed to /messages.
 */
@FunctionalInterface
public interface SyncReplies {

  /**
   * Takes the reply ({@code body}) to the event {@code eventId}, sent as {@code sent}; it runs on
   * the dispatcher's event loop: never block.
   */
  void reply(String botId, String eventId, JsonObject sent, JsonObject body);
}
