package org.openmaap.platform;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits for a condition that has no future to wait on (a store row, an SMSC inbox), with a bound. */
public final class Eventually {

  private Eventually() {}

  /** The first value of {@code probe} that satisfies {@code done}; fails after {@code within}. */
  public static <T> T until(Supplier<T> probe, Predicate<T> done, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      T value = probe.get();
      if (done.test(value)) {
        return value;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("still not done after " + within.toMillis() + " ms: " + value);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting", e);
      }
    }
  }
}
