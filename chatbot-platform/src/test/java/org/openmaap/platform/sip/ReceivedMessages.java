package org.openmaap.platform.sip;

import java.nio.charset.StandardCharsets;

/** The SIP messages a SIPp phone received, read back from its message log. */
final class ReceivedMessages {

  private ReceivedMessages() {}

  /** The CPIM body of the first {@code method} request SIPp logged as received. */
  static Cpim first(String log, String method) {
    int at = 0;
    while ((at = log.indexOf("message received", at)) >= 0) {
      int start = log.indexOf('\n', at) + 1;
      int end = log.indexOf("\n-----------------------------------------------", start);
      String message = log.substring(start, end < 0 ? log.length() : end).stripLeading();
      if (message.startsWith(method + " ")) {
        int blank = message.indexOf("\n\n");
        int crlf = message.indexOf("\r\n\r\n");
        int body = crlf >= 0 && (blank < 0 || crlf < blank) ? crlf + 4 : blank + 2;
        return Cpim.parse(message.substring(body).getBytes(StandardCharsets.UTF_8));
      }
      at = start;
    }
    throw new AssertionError("SIPp received no " + method + ":\n" + log);
  }
}
