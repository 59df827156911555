package org.openmaap.platform.sip;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code message/cpim} body (RFC 3862): the message headers (with their {@code NS:}
 * declarations), then the content's Content-Type and bytes.
 */
record Cpim(List<Header> headers, String contentType, byte[] content) {

  static final String IMDN_NS = "urn:ietf:params:imdn";
  static final String CPM_NS = "http://www.openmobilealliance.org/cpm/";
  static final String MAAP_NS = "http://www.gsma.com/rcs/maap/";

  /** More header lines than any real message has; a body with more is refused. */
  private static final int MAX_HEADERS = 100;
  private static final byte[] CRLF = {'\r', '\n'};

  /** One header line as written: {@code name: value} (the name may carry a prefix). */
  record Header(String name, String value) {}

  /** The value of the header {@code name} in namespace {@code ns} (null: CPIM's own). */
  Optional<String> header(String ns, String name) {
    Map<String, String> prefixes = new HashMap<>();
    for (Header header : headers) {
      if (header.name().equalsIgnoreCase("NS")) {
        String[] declared = header.value().trim().split("\\s+", 2);
        if (declared.length == 2) {
          prefixes.put(declared[1].replaceAll("[<>]", "").trim(), declared[0]);
        } else {
          prefixes.put(declared[0].replaceAll("[<>]", "").trim(), "");
        }
      }
    }
    String prefix = ns == null ? "" : prefixes.get(ns);
    if (prefix == null) {
      return Optional.empty();
    }
    String wanted = prefix.isEmpty() ? name : prefix + "." + name;
    return headers.stream().filter(h -> h.name().equalsIgnoreCase(wanted))
        .map(h -> h.value().trim()).findFirst();
  }

  /** Reads a CPIM body; fails with 400 when it has no blank lines or no content type. */
  static Cpim parse(byte[] body) {
    int headersEnd = blankLine(body, 0);
    if (headersEnd < 0) {
      throw new Refused(400, "Bad Request: the CPIM body has no blank line after its headers");
    }
    List<Header> headers = lines(body, 0, headersEnd);
    int contentStart = skipBlank(body, headersEnd);
    int contentHeadersEnd = blankLine(body, contentStart);
    if (contentHeadersEnd < 0) {
      throw new Refused(400, "Bad Request: the CPIM content has no blank line after its headers");
    }
    List<Header> content = lines(body, contentStart, contentHeadersEnd);
    String type = content.stream().filter(h -> h.name().equalsIgnoreCase("Content-Type"))
        .map(Header::value).findFirst()
        .orElseThrow(() -> new Refused(400, "Bad Request: the CPIM content has no Content-Type"));
    int start = skipBlank(body, contentHeadersEnd);
    // The content's length when it is declared (a sender may end the body with a line break).
    int length = content.stream().filter(h -> h.name().equalsIgnoreCase("Content-Length"))
        .map(h -> declaredLength(h.value(), body.length - start)).findFirst()
        .orElse(body.length - start);
    byte[] bytes = new byte[length];
    System.arraycopy(body, start, bytes, 0, bytes.length);
    return new Cpim(List.copyOf(headers), type.trim(), bytes);
  }

  private static int declaredLength(String value, int available) {
    try {
      int length = Integer.parseInt(value.trim());
      if (length >= 0 && length <= available) {
        return length;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new Refused(400, "Bad Request: the CPIM Content-Length '" + value + "' is not the "
        + "length of a content of " + available + " bytes or less");
  }

  /** The body as sent: headers, blank line, Content-Type and Content-Length, blank line, bytes. */
  byte[] write() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    headers.forEach(h -> line(out, h.name() + ": " + h.value()));
    out.writeBytes(CRLF);
    line(out, "Content-Type: " + contentType);
    line(out, "Content-Length: " + content.length);
    out.writeBytes(CRLF);
    out.writeBytes(content);
    return out.toByteArray();
  }

  private static void line(ByteArrayOutputStream out, String line) {
    out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(CRLF);
  }

  /** The headers between {@code from} and {@code to}; a line without a colon is refused. */
  private static List<Header> lines(byte[] body, int from, int to) {
    String text = new String(body, from, to - from, StandardCharsets.UTF_8);
    List<Header> headers = new ArrayList<>();
    for (String line : text.split("\r?\n")) {
      if (line.isEmpty()) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new Refused(400, "Bad Request: the CPIM header line '" + line + "' has no name");
      }
      if (headers.size() == MAX_HEADERS) {
        throw new Refused(400, "Bad Request: the CPIM body has more than " + MAX_HEADERS
            + " headers");
      }
      headers.add(new Header(line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
    }
    return headers;
  }

  /** Where the first blank line at or after {@code from} starts (its line break), or -1. */
  static int blankLine(byte[] body, int from) {
    if (from < body.length && startsLine(body, from)) {
      return from;
    }
    for (int i = from; i < body.length - 1; i++) {
      if (body[i] == '\n' && startsLine(body, i + 1)) {
        return i + 1;
      }
    }
    return -1;
  }

  private static boolean startsLine(byte[] body, int at) {
    return body[at] == '\n' || body[at] == '\r' && at + 1 < body.length && body[at + 1] == '\n';
  }

  private static int skipBlank(byte[] body, int at) {
    return body[at] == '\r' ? at + 2 : at + 1;
  }

  /** The type's name in lower case, without parameters. */
  String contentMediaType() {
    return contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
  }
}
