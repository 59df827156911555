package org.openmaap.platform.sip;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The SIP messages a SIPp phone received, read back from its message log. */
final class ReceivedMessages {

  /** A logged message's local date and time, then its request method. */
  private static final Pattern RECEIVED = Pattern.compile("(\\d{4}-\\d{2}-\\d{2} "
      + "\\d{2}:\\d{2}:\\d{2}\\.\\d{6})\\s*\\n[^\\n]*message received[^\\n]*\\n\\s*(\\S+) ");
  private static final DateTimeFormatter LOGGED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

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

  /**
   * When SIPp received each {@code method} request, in order: the local time (this machine's,
   * as SIPp's) that its message log writes on the line before each "message received".
   */
  static List<Instant> times(String log, String method) {
    List<Instant> found = new ArrayList<>();
    Matcher received = RECEIVED.matcher(log);
    while (received.find()) {
      if (received.group(2).equals(method)) {
        found.add(LocalDateTime.parse(received.group(1), LOGGED)
            .atZone(ZoneId.systemDefault()).toInstant());
      }
    }
    return found;
  }
}
