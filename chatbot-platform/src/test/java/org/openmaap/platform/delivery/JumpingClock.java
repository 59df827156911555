package org.openmaap.platform.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system clock, which a test moves forward to jump over a deadline; in between, time runs as
 * usual, so the worker's retries come due without a test moving it.
 */
public final class JumpingClock extends Clock {

  private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

  /** Moves the clock {@code by} forward. */
  public void jump(Duration by) {
    ahead.accumulateAndGet(by, Duration::plus);
  }

  /** The clock as Caffeine reads time. */
  public long nanos() {
    Instant now = instant();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(ahead.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the platform reads instants only");
  }
}
