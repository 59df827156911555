package org.openmaap.platform.store;

/** The database itself failed (disk full, corrupt file, I/O error); nothing was written. */
public final class StoreFailure extends RuntimeException {
  public StoreFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
