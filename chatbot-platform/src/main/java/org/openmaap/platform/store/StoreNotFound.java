package org.openmaap.platform.store;

/** A write to a row that does not exist. */
public final class StoreNotFound extends RuntimeException {
  public StoreNotFound(String message) {
    super(message);
  }
}
