package org.openmaap.platform.store;

/** A write that would break a uniqueness rule (an existing botId or clientId). */
public final class StoreConflict extends RuntimeException {
  public StoreConflict(String message) {
    super(message);
  }
}
