package org.openmaap.samples.kit;

import io.vertx.core.Future;

/** A chatbot's answer to the platform's webhook events; each is acknowledged once handled. */
@FunctionalInterface
public interface Chatbot {

  /**
   * Handles one event; a failed future makes the platform deliver it again later, so finish the
   * sends that matter before completing.
   */
  Future<?> on(Event event);
}
