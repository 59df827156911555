package org.openmaap.platform.delivery;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The msgIds the platform assigns: UUIDs in the version 7 layout (48 bits of milliseconds, then
 * 74 random bits), so that the store's unique index on (bot, msgId) grows at its end instead of
 * dirtying a random page of it at each insert.
 */
final class MessageIds {

  private MessageIds() {}

  static String next(Instant now) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (now.toEpochMilli() << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
    long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(high, low).toString();
  }
}
