package org.openmaap.platform.ids;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Unique ids that sort by creation time, for msgIds and webhook event ids. */
public final class TimeOrderedIds {

  private TimeOrderedIds() {}

  /**
   * A UUID in the version 7 layout (48 bits of milliseconds, then 74 random bits): the store's
   * unique index on such ids grows at its end, where a random UUID would dirty a different page of
   * it, and one more page of every commit, at each insert.
   */
  public static String next(Instant now) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (now.toEpochMilli() << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
    long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(high, low).toString();
  }
}
