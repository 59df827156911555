package org.openmaap.platform.store;

/** A file that would take its owner's stored bytes past the quota; nothing was stored. */
public final class QuotaExceeded extends RuntimeException {

  private final long usedBytes;
  private final long quotaBytes;

  public QuotaExceeded(long usedBytes, long quotaBytes) {
    super("the owner already stores " + usedBytes + " of its " + quotaBytes + " bytes");
    this.usedBytes = usedBytes;
    this.quotaBytes = quotaBytes;
  }

  public long usedBytes() {
    return usedBytes;
  }

  public long quotaBytes() {
    return quotaBytes;
  }
}
