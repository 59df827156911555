package org.openmaap.platform.store;

import java.time.Instant;

/**
 * A webhook event for one chatbot: the JSON body exactly as it is signed and sent, its place in
 * its conversation's order, its delivery state, and where its retry window starts (its creation,
 * or its replay from the dead letters); its work row says when it is tried next.
 */
public record EventRow(
    String eventId,
    String botId,
    String conversationId,
    long sequence,
    String bodyJson,
    State state,
    int attempts,
    Instant retryFrom,
    String lastError,
    Instant createdAt) {

  /** Where an event is in its delivery. */
  public enum State { PENDING, DELIVERED, DEAD }
}
