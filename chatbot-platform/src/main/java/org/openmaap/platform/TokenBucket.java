package org.openmaap.platform;

/** Tokens refill continuously at a rate and burst up to one second's worth; one request takes one. */
public final class TokenBucket {

  private double tokens = -1;
  private long last;

  /** Takes a token at time {@code now} (nanoseconds), answering 0, or how long until one is there. */
  public synchronized long take(double perSecond, long now) {
    // Bursts of a second's worth, and of one at least when the rate is a fraction (a cluster's
    // share of a small limit).
    double burst = Math.max(1, perSecond);
    if (tokens < 0) {
      tokens = burst;
      last = now;
    }
    tokens = Math.min(burst, tokens + (now - last) * perSecond / 1e9);
    last = now;
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    return (long) ((1 - tokens) * 1e9 / perSecond);
  }

  /** Whole seconds to tell a client in Retry-After for a wait of {@code nanos}. */
  public static long retryAfterSeconds(long nanos) {
    return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
  }
}
