package org.openmaap.platform.failure;

/** Client credentials are missing, malformed or wrong. */
public final class Unauthenticated extends Refusal {

  public Unauthenticated(String message) {
    super(message);
  }
}
