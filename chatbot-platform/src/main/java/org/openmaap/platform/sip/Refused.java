package org.openmaap.platform.sip;

/**
 * A request the interface answers with a final error: a SIP status and a reason phrase that says
 * what was wrong (one line, never a stack trace).
 */
final class Refused extends RuntimeException {

  static final int MAX_REASON = 200;

  private final int status;

  Refused(int status, String reason) {
    super(oneLine(reason), null, false, false);
    this.status = status;
  }

  int status() {
    return status;
  }

  /** The reason phrase: a single line of printable text, cut at {@link #MAX_REASON} chars. */
  static String oneLine(String text) {
    String line = String.valueOf(text).replaceAll("[\\p{Cntrl}]+", " ").trim();
    return line.length() <= MAX_REASON ? line : line.substring(0, MAX_REASON);
  }
}
