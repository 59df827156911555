package org.openmaap.platform.failure;

/** Something the platform refuses to do; its message is one sentence a client can act on. */
public abstract sealed class Refusal extends RuntimeException
    permits NotFound, Conflict, Invalid, Unauthenticated, TooLarge, UnsupportedType {

  Refusal(String message) {
    // An expected answer, not a bug: no stack trace to fill.
    super(message, null, false, false);
  }
}
