package org.openmaap.platform.sms;

import io.vertx.core.Future;

/**
 * Where the gateway notes, durably, each part of an SMS it is about to submit and the id the SMSC
 * answered for it (SMS.md, "Crashes"): after a crash, a part noted without an answer has an
 * unknown outcome and is never submitted again.
 */
public interface SubmitJournal {

  /** A journal that notes nothing: for SMS whose double delivery costs nothing (HELP answers). */
  SubmitJournal NONE = new SubmitJournal() {
    @Override
    public Future<Boolean> submitting(int part, int parts) {
      return Future.succeededFuture(true);
    }

    @Override
    public void answered(int part, String smscId) {}
  };

  /**
   * Completes once the intent to submit part {@code part} (0-based) of {@code parts} is on disk:
   * true to go on, false when the SMS must not go out any more (its message was delivered or
   * revoked meanwhile).
   */
  Future<Boolean> submitting(int part, int parts);

  /** The SMSC accepted part {@code part} under {@code smscId}. */
  void answered(int part, String smscId);
}
