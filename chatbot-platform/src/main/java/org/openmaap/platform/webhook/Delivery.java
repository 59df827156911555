package org.openmaap.platform.webhook;

import java.time.Instant;
import org.openmaap.platform.store.EventRow;

/** One event on its way to its bot: the stored row and where its retries stand. */
final class Delivery {

  final EventRow event;
  /** The retry window opens here: at creation, or at the replay of a dead letter. */
  final Instant windowStart;
  int attempts;
  Instant dueAt;

  Delivery(EventRow event, Instant windowStart) {
    this.event = event;
    this.windowStart = windowStart;
    this.attempts = event.attempts();
    this.dueAt = event.nextAttemptAt() != null ? event.nextAttemptAt() : event.createdAt();
  }

  String eventId() {
    return event.eventId();
  }
}
