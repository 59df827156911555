package org.openmaap.platform.failure;

/** The request contradicts what is already stored: a reused msgId, a message already delivered. */
public final class Conflict extends Refusal {

  public Conflict(String message) {
    super(message);
  }
}
