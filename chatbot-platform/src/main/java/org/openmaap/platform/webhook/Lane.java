package org.openmaap.platform.webhook;

import java.util.Map;
import java.util.TreeMap;

/**
 * One conversation's events in sequence order. Only the head is ever being delivered (waiting for
 * its due time, for a free slot, or in flight); the next one starts once the head is settled.
 */
final class Lane {

  static final long NO_TIMER = -1;

  final String conversationId;
  private final TreeMap<Long, Delivery> queued = new TreeMap<>();
  private Delivery head;
  long timer = NO_TIMER;

  Lane(String conversationId) {
    this.conversationId = conversationId;
  }

  /** Queues an event behind the head: a replayed older event cannot overtake one in flight. */
  void add(Delivery delivery) {
    queued.put(delivery.event.sequence(), delivery);
  }

  Delivery head() {
    return head;
  }

  boolean idle() {
    return head == null;
  }

  /** Settles the head and makes the lowest queued event the new head; null when none is left. */
  Delivery advance() {
    Map.Entry<Long, Delivery> next = queued.pollFirstEntry();
    head = next == null ? null : next.getValue();
    return head;
  }
}
