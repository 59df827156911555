package org.openmaap.platform.store;

import java.time.Instant;

/**
 * A webhook event for one chatbot: the JSON body exactly as it is signed and sent, its place in
 * its conversation's order, its delivery state, and where its retry window starts (its creation,
 * or its replay from the dead letters); its work row says when it is tried next. {@code claim},
 * when storing an event, asks for its work row to be held from the start by that claim's node
 * (taken only if the event is its conversation's first); an event answered by a store operation
 * carries the claim that was taken, else null.
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
    Instant createdAt,
    WorkRow claim) {

  /** An event with no claim. */
  public EventRow(String eventId, String botId, String conversationId, long sequence,
      String bodyJson, State state, int attempts, Instant retryFrom, String lastError,
      Instant createdAt) {
    this(eventId, botId, conversationId, sequence, bodyJson, state, attempts, retryFrom,
        lastError, createdAt, null);
  }

  /** Where an event is in its delivery. */
  public enum State { PENDING, DELIVERED, DEAD }
}
