package org.openmaap.platform.sip;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The SIP messages a SIPp phone received, read back from its message log. */
final class ReceivedMessages {

  private ReceivedMessages() {}

  /** The CPIM body of the first {@code method} request SIPp logged as received. */
  static Cpim first(String log, String method) {
    List<Cpim> all = all(log, method);
    if (all.isEmpty()) {
      throw new AssertionError("SIPp received no " + method + ":\n" + log);
    }
    return all.get(0);
  }

  /** The CPIM bodies of the {@code method} requests SIPp logged as received, in order. */
  static List<Cpim> all(String log, String method) {
    List<Cpim> found = new ArrayList<>();
    int at = 0;
    while ((at = log.indexOf("message received", at)) >= 0) {
      int start = log.indexOf('\n', at) + 1;
      int end = log.indexOf("\n-----------------------------------------------", start);
      String message = log.substring(start, end < 0 ? log.length() : end).stripLeading();
      if (message.startsWith(method + " ")) {
        int blank = message.indexOf("\n\n");
        int crlf = message.indexOf("\r\n\r\n");
        int body = crlf >= 0 && (blank < 0 || crlf < blank) ? crlf + 4 : blank + 2;
        found.add(Cpim.parse(message.substring(body).getBytes(StandardCharsets.UTF_8)));
      }
      at = start;
    }
    return found;
  }
}
