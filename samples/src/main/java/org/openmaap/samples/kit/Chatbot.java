package org.openmaap.samples.kit;

import io.vertx.core.Future;

/** A chatbot's reaction to the platform's webhook events; the event is acknowledged when it completes. */
@FunctionalInterface
public interface Chatbot {

  /**
   * Handles one event; a failed future makes the platform deliver it again later, so finish the
   * sends that matter before completing.
   */
  Future<?> on(Event event);
}
