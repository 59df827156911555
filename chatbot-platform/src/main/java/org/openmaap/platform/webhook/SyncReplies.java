package org.openmaap.platform.webhook;

import io.vertx.core.json.JsonObject;
import org.openmaap.platform.store.EventRow;

/**
 * Receives a chatbot's synchronous reply: the 2xx answer to a webhook when it is a JSON object
 * with {@code RCSMessage}, to be sent to the same user as if POSTed to /messages.
 */
@FunctionalInterface
public interface SyncReplies {

  /** Takes the reply to {@code event}; it runs on the dispatcher's event loop: never block. */
  void reply(String botId, EventRow event, JsonObject body);
}
