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

  /** The messages, in the order given, written to a device that it must drop. */
  static List<MessageRow> of(List<MessageRow> writtenToDevice) {
    return writtenToDevice.stream().filter(Revoked::mustDrop).toList();
  }

  /** Whether a device that was written this message must drop it (the status machine's rule). */
  static boolean mustDrop(MessageRow message) {
    return StatusMachine.revoked(message.status(), message.channel());
  }
}
