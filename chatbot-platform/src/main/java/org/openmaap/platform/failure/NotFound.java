package org.openmaap.platform.failure;

/** The chatbot, message or file a request names does not exist (or is not the caller's). */
public final class NotFound extends Refusal {

  public NotFound(String message) {
    super(message);
  }
}
