package org.openmaap.platform.fallback;

import java.time.Duration;

/**
 * When a message falls back to SMS and how answers map back: the fallback timeout for a connected
 * device (0 disables it), how long a revoke waits for a delivered report already on its way, and
 * how long the numbered choices of a fallback SMS stay answerable.
 */
public record FallbackSettings(Duration timeout, Duration revokeWait, Duration choicesTtl) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
  public static final Duration DEFAULT_REVOKE_WAIT = Duration.ofSeconds(2);
  public static final Duration DEFAULT_CHOICES_TTL = Duration.ofHours(24);

  public FallbackSettings {
    if (timeout.isNegative() || revokeWait.isNegative() || choicesTtl.isNegative()) {
      throw new IllegalArgumentException("fallback durations must not be negative");
    }
  }

  public static FallbackSettings defaults() {
    return new FallbackSettings(DEFAULT_TIMEOUT, DEFAULT_REVOKE_WAIT, DEFAULT_CHOICES_TTL);
  }
}
