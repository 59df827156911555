package org.openmaap.platform.delivery;

import io.vertx.core.Future;
import java.util.Optional;
import java.util.function.Function;
import org.openmaap.platform.store.EventRow;

/** Where chatbot events go: the durable webhook dispatcher, ordered per conversation. */
public interface EventSink {

  /** Stores the event for delivery to the bot; completes once it is durable. */
  Future<?> publish(String botId, String conversationId, BotEvent event);

  /**
   * Publishes the event only if {@code storeWith} stores it, in one transaction with a change of
   * the caller's (a message's status) that it reports; answers whether it did.
   */
  Future<Boolean> publishWith(String botId, String conversationId, BotEvent event,
      Function<EventRow, Future<Optional<EventRow>>> storeWith);
}
