package org.openmaap.platform.failure;

/**
 * A file larger than a limit allows; {@code code} names the limit ({@code too_large} for the size
 * of one file, {@code quota_exceeded} for a chatbot's quota).
 */
public final class TooLarge extends Refusal {

  private final String code;

  public TooLarge(String code, String message) {
    super(message);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
