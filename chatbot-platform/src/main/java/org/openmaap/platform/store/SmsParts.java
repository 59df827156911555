package org.openmaap.platform.store;

/**
 * The SMSC parts of a fallback SMS as receipts reported them: how many there are, how many were
 * delivered, and the first failing receipt's state and error (null while none failed).
 */
public record SmsParts(String botId, String msgId, int total, int delivered, String failedStat,
    String failedErr) {

  /** Whether every part reached the handset. */
  public boolean allDelivered() {
    return total > 0 && delivered == total;
  }
}
