package org.openmaap.platform.retry;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** Waits between attempts: the first wait doubled per failure up to the maximum, with equal jitter. */
public final class Backoff {

  private final long first;
  private final long max;
  private final RandomGenerator random;

  /** A backoff from {@code first} up to {@code max}, its jitter drawn from {@code random}. */
  public Backoff(Duration first, Duration max, RandomGenerator random) {
    this.first = first.toMillis();
    this.max = max.toMillis();
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * The wait in ms after the {@code failures}-th failure in a row: with d = min(max, first *
   * 2^(failures - 1)), a uniform pick in [d/2, d], and at least 1 ms (a Vert.x timer's least).
   * Equal jitter rather than full jitter: keeping half of d means a struggling peer is never
   * hammered by near-zero waits, and the random half still spreads the retries of many attempts
   * that failed together.
   */
  public long delay(int failures) {
    int doublings = Math.min(Math.max(failures, 1) - 1, 62);
    long ceiling = first > (max >> doublings) ? max : Math.min(max, first << doublings);
    long half = ceiling / 2;
    return Math.max(1, half + random.nextLong(ceiling - half + 1));
  }

  /**
   * The next attempt after the {@code failures}-th failure at {@code failedAt}, or empty once
   * {@code windowEnd} has come. A wait that would cross the end of the window is shortened to end
   * with it, so the last attempt happens at the window's close.
   */
  public Optional<Instant> next(int failures, Instant failedAt, Instant windowEnd) {
    if (!failedAt.isBefore(windowEnd)) {
      return Optional.empty();
    }
    Instant next = failedAt.plusMillis(delay(failures));
    return Optional.of(next.isAfter(windowEnd) ? windowEnd : next);
  }
}
