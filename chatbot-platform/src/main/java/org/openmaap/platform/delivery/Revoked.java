package org.openmaap.platform.delivery;

import java.util.List;
import org.openmaap.platform.store.MessageRow;

/**
 * Which messages a reconnecting device must drop: those written to it that were cancelled or
 * failed since, or handed to SMS.
 */
final class Revoked {

  /** The statuses in which a message written to a device may have to be dropped by it. */
  static final List<String> STATUSES = List.of(Status.PENDING, Status.CANCELLED, Status.FAILED,
      Status.DELIVERED_TO_NETWORK, Status.DELIVERED_AS_SMS);

  private Revoked() {}

  /** The msgIds, in the order given, of the messages written to a device that it must drop. */
  static List<String> msgIds(List<MessageRow> writtenToDevice) {
    return writtenToDevice.stream().filter(Revoked::mustDrop).map(MessageRow::msgId).toList();
  }

  /** Whether a device that was written this message must drop it. */
  static boolean mustDrop(MessageRow message) {
    String status = message.status();
    // A message on SMS, whatever happened to it there, must not stay on the device as well.
    return Status.CANCELLED.equals(status) || Status.FAILED.equals(status)
        || (Status.CHANNEL_SMS.equals(message.channel()) && STATUSES.contains(status));
  }
}
