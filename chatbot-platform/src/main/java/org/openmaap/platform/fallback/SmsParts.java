package org.openmaap.platform.fallback;

import java.util.List;
import org.openmaap.platform.store.SmsPartRow;

/**
 * What the receipts of a fallback SMS's parts add up to: how many parts there are, how many
 * reached the handset, and the first failing part's state and error (null while none failed).
 */
record SmsParts(String botId, String msgId, int total, int delivered, String failedStat,
    String failedErr) {

  /** The receipt state of a part that reached the handset. */
  static final String DELIVERED = "DELIVRD";

  /** Adds up the parts of one message, in the order they were recorded. */
  static SmsParts of(String botId, String msgId, List<SmsPartRow> parts) {
    int delivered = 0;
    SmsPartRow failed = null;
    for (SmsPartRow part : parts) {
      if (DELIVERED.equals(part.stat())) {
        delivered++;
      } else if (part.stat() != null && failed == null) {
        failed = part;
      }
    }
    return new SmsParts(botId, msgId, parts.size(), delivered,
        failed == null ? null : failed.stat(), failed == null ? null : failed.err());
  }

  /** Whether every part reached the handset. */
  boolean allDelivered() {
    return total > 0 && delivered == total;
  }
}
