package org.openmaap.platform.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When a failed event is tried again: the first retry delay doubled per failure up to the maximum,
 * with equal jitter, and never past the end of the retry window.
 */
final class Backoff {

  private final WebhookSettings settings;
  private final RandomGenerator random;

  Backoff(WebhookSettings settings, RandomGenerator random) {
    this.settings = settings;
    this.random = random;
  }

  /**
   * The wait after the {@code failures}-th failed attempt: with d = min(max delay, first retry *
   * 2^(failures - 1)), a uniform pick in [d/2, d]. Equal jitter rather than full jitter: keeping
   * half of d means a struggling bot is never hammered by near-zero waits, and the random half
   * still spreads the retries of many events that failed together.
   */
  Duration delay(int failures) {
    long first = settings.firstRetry().toMillis();
    long max = settings.maxDelay().toMillis();
    int doublings = Math.min(Math.max(failures, 1) - 1, 62);
    long ceiling = first > (max >> doublings) ? max : Math.min(max, first << doublings);
    long half = ceiling / 2;
    return Duration.ofMillis(half + random.nextLong(ceiling - half + 1));
  }

  /**
   * The next attempt after the {@code failures}-th failure at {@code failedAt}, or empty once the
   * retry window opened at {@code windowStart} has passed. A wait that would cross the end of the
   * window is shortened to end with it, so the last attempt happens at the window's close.
   */
  Optional<Instant> next(int failures, Instant failedAt, Instant windowStart) {
    Instant windowEnd = windowStart.plus(settings.retryWindow());
    if (!failedAt.isBefore(windowEnd)) {
      return Optional.empty();
    }
    Instant next = failedAt.plus(delay(failures));
    return Optional.of(next.isAfter(windowEnd) ? windowEnd : next);
  }
}
