package org.openmaap.platform.store;

import java.time.Instant;

/**
 * A future action as a row: what it acts on ({@code kind}, {@code botId}, {@code ref}), when it is
 * due, and who holds it: the node that claimed it and until when ({@code claimedBy} null when
 * nobody does). {@code version} identifies one claim or schedule of the row.
 */
public record WorkRow(
    Kind kind,
    String botId,
    String ref,
    Instant dueAt,
    String claimedBy,
    Instant leaseUntil,
    int attempts,
    long version) {

  /** What the work acts on, which says what the worker does with it. */
  public enum Kind {
    /** A bot-to-user message still on its way: route it, or act at its deadline (ref: msgId). */
    MESSAGE,
    /**
     * A webhook event to deliver to its chatbot (ref: eventId); the events of one conversation are
     * worked on one at a time, in order.
     */
    EVENT,
    /** A campaign's next batch of recipients to send to, at its rate (ref: campaignId). */
    CAMPAIGN
  }

  /** Work due at {@code dueAt} that nobody holds yet. */
  public static WorkRow due(Kind kind, String botId, String ref, Instant dueAt) {
    return new WorkRow(kind, botId, ref, dueAt, null, null, 0, 0);
  }

  /** Work that {@code node} holds from the start, until {@code leaseUntil}. */
  public static WorkRow claimed(Kind kind, String botId, String ref, Instant dueAt, String node,
      Instant leaseUntil) {
    return new WorkRow(kind, botId, ref, dueAt, node, leaseUntil, 1, 1);
  }
}
