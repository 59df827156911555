package org.openmaap.platform.sms;

import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * Spaces submits to at most a number a second, and holds them all back for a while after the SMSC
 * throttled. Used from one context only.
 */
final class Pacer {
  // A submit may use time left unused in the last few ms: timers fire a little late, and without
  // this a high rate would lose a permit on every late tick.
  private static final long CATCH_UP_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  private final int perSecond;
  private final IntSupplier sharing;
  private long next = Long.MIN_VALUE;

  /**
   * {@code perSecond} permits a second shared by as many as {@code sharing} says (the nodes of a
   * cluster, each with a bind of its own): each gets its share.
   */
  Pacer(int perSecond, IntSupplier sharing) {
    this.perSecond = perSecond;
    this.sharing = sharing;
  }

  /** Takes a permit and returns 0, or returns the nanoseconds until one is free. */
  long reserve(long now) {
    long earliest = next == Long.MIN_VALUE ? now : Math.max(next, now - CATCH_UP_NANOS);
    if (earliest > now) {
      return earliest - now;
    }
    next = earliest + TimeUnit.SECONDS.toNanos(1) * Math.max(1, sharing.getAsInt()) / perSecond;
    return 0;
  }

  /** Gives no permit before {@code until}. */
  void holdUntil(long until) {
    next = next == Long.MIN_VALUE ? until : Math.max(next, until);
  }
}
