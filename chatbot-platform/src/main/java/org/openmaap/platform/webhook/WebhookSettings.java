package org.openmaap.platform.webhook;

import java.time.Duration;

/**
 * How webhooks are delivered: the per-request timeout, the retry delays (first retry, doubling up
 * to a maximum, with equal jitter), how long an event is retried, and how many requests one bot may
 * have in flight.
 */
public record WebhookSettings(
    Duration timeout,
    Duration firstRetry,
    Duration maxDelay,
    Duration retryWindow,
    int maxInFlightPerBot) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_FIRST_RETRY = Duration.ofSeconds(1);
  public static final Duration DEFAULT_MAX_DELAY = Duration.ofMinutes(5);
  public static final Duration DEFAULT_RETRY_WINDOW = Duration.ofHours(24);
  public static final int DEFAULT_MAX_IN_FLIGHT_PER_BOT = 16;

  public WebhookSettings {
    requirePositive("timeout", timeout);
    requirePositive("first retry", firstRetry);
    requirePositive("max delay", maxDelay);
    requirePositive("retry window", retryWindow);
    if (maxDelay.compareTo(firstRetry) < 0) {
      throw new IllegalArgumentException("max delay must not be shorter than the first retry, got "
          + maxDelay + " < " + firstRetry);
    }
    if (maxInFlightPerBot < 1) {
      throw new IllegalArgumentException(
          "max in-flight per bot must be at least 1, got " + maxInFlightPerBot);
    }
  }

  /** The settings API.md names as defaults. */
  public static WebhookSettings defaults() {
    return new WebhookSettings(DEFAULT_TIMEOUT, DEFAULT_FIRST_RETRY, DEFAULT_MAX_DELAY,
        DEFAULT_RETRY_WINDOW, DEFAULT_MAX_IN_FLIGHT_PER_BOT);
  }

  private static void requirePositive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero() || value.toMillis() < 1) {
      throw new IllegalArgumentException(name + " must be at least 1 ms, got " + value);
    }
  }
}
