package org.openmaap.platform.dialect.cmcc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code multipart/mixed} bodyText (RFC 2046) split into its parts, as deployed clients write
 * it: CRLF or LF line ends (an XML parser turns CRLF into LF), a preamble, Content-Length headers
 * that may be wrong (they are not needed: the boundary delimits), a missing close delimiter.
 */
final class Multipart {

  private static final Pattern BOUNDARY = Pattern.compile(
      "(?i);\\s*boundary\\s*=\\s*(?:\"([^\"]{1,70})\"|([^;\\s\"]{1,70}))");

  /** One part: its headers (names in lowercase) and its body. */
  record Part(Map<String, String> headers, String body) {

    /** The part's media type without parameters, lowercase; text/plain when it names none. */
    String type() {
      return mediaType(headers.getOrDefault("content-type", "text/plain"));
    }
  }

  private Multipart() {}

  /** The boundary a multipart content type names, or null. */
  static String boundary(String contentType) {
    Matcher m = BOUNDARY.matcher(contentType);
    return m.find() ? (m.group(1) != null ? m.group(1) : m.group(2)) : null;
  }

  /** The media type of a content type, without parameters, lowercase. */
  static String mediaType(String contentType) {
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip()
        .toLowerCase(Locale.ROOT);
  }

  /** The parts of {@code body} delimited by {@code boundary}; empty when it has no delimiter. */
  static List<Part> parts(String body, String boundary) {
    String delimiter = "--" + boundary;
    List<Part> parts = new ArrayList<>();
    String[] lines = body.split("\r?\n", -1);
    StringBuilder current = null;
    for (String line : lines) {
      String bare = line.stripTrailing();
      if (bare.equals(delimiter) || bare.equals(delimiter + "--")) {
        if (current != null) {
          parts.add(part(current));
        }
        if (bare.endsWith("--") && !bare.equals(delimiter)) {
          return parts;
        }
        current = new StringBuilder();
      } else if (current != null) {
        current.append(line).append('\n');
      }
    }
    if (current != null && !current.toString().isBlank()) {
      // No close delimiter: the body's own last line ends are not content.
      String rest = current.toString().replaceAll("\n+$", "");
      parts.add(part(new StringBuilder(rest).append('\n')));
    }
    return parts;
  }

  private static Part part(StringBuilder text) {
    // The line end before a delimiter belongs to the delimiter (RFC 2046).
    String content = text.length() > 0 ? text.substring(0, text.length() - 1) : "";
    Map<String, String> headers = new LinkedHashMap<>();
    int start = 0;
    while (true) {
      int end = content.indexOf('\n', start);
      String line = end < 0 ? content.substring(start) : content.substring(start, end);
      if (line.isBlank()) {
        return new Part(headers, end < 0 ? "" : content.substring(end + 1));
      }
      int colon = line.indexOf(':');
      if (colon < 0) {
        // No blank line after the headers: what follows is the body.
        return new Part(headers, content.substring(start));
      }
      headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
          line.substring(colon + 1).strip());
      if (end < 0) {
        return new Part(headers, "");
      }
      start = end + 1;
    }
  }
}
