package org.openmaap.platform.sms;

import java.util.List;
import java.util.Objects;

/** An SMS the SMSC accepted: the caller's reference and the SMSC message id of each part, in order. */
public record SubmitResult(String reference, List<String> messageIds) {
  public SubmitResult {
    Objects.requireNonNull(reference, "reference must not be null");
    messageIds = List.copyOf(messageIds);
  }
}
