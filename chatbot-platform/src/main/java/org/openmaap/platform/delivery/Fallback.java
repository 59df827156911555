package org.openmaap.platform.delivery;

import io.vertx.core.Future;
import org.openmaap.platform.store.MessageRow;

/** The SMS path a message takes when RCS cannot deliver it (SMS.md). */
public interface Fallback {

  /**
   * Moves a message that RCS did not deliver (its RCS copy revoked) to SMS and sends it; does
   * nothing when the message was delivered or cancelled meanwhile.
   */
  Future<Void> takeOver(MessageRow message);

  /** Carries on with a message already on the SMS path, after a restart. */
  Future<Void> resume(MessageRow message);
}
