package org.openmaap.platform.sms;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** Waits between attempts: the minimum doubled per failure up to the maximum, with equal jitter. */
final class Backoff {

  private final long min;
  private final long max;
  private final RandomGenerator random;

  Backoff(Duration min, Duration max, RandomGenerator random) {
    this.min = min.toMillis();
    this.max = max.toMillis();
    this.random = random;
  }

  /** The wait in ms after the {@code failures}-th failure in a row: a pick in [d/2, d]. */
  long delay(int failures) {
    int doublings = Math.min(Math.max(failures, 1) - 1, 62);
    long ceiling = min > (max >> doublings) ? max : Math.min(max, min << doublings);
    long half = ceiling / 2;
    return Math.max(1, half + random.nextLong(ceiling - half + 1));
  }
}
