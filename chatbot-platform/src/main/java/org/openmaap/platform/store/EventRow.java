package org.openmaap.platform.store;

import java.time.Instant;

/**
 * A webhook event for one chatbot: the JSON body exactly as it is signed and sent, its place in
 * its conversation's order, and its delivery state.
 */
public record EventRow(
    String eventId,
    String botId,
    String conversationId,
    long sequence,
    String bodyJson,
    State state,
    int attempts,
    Instant nextAttemptAt,
    String lastError,
    Instant createdAt) {

  /** Where an event is in its delivery. */
  public enum State { PENDING, DELIVERED, DEAD }
}
