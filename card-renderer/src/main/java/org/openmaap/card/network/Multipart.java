package org.openmaap.card.network;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code multipart/mixed} body (RFC 2046): its boundary and its parts, each with its headers and
 * bytes. Reading is as lenient as deployed clients need (CRLF or LF line ends, a preamble, wrong
 * or missing Content-Length headers, a missing close delimiter); writing is strict RFC 2046.
 */
public record Multipart(String boundary, List<Part> parts) {

  /** The media type of a multipart body. */
  public static final String MIXED = "multipart/mixed";

  private static final Pattern BOUNDARY = Pattern.compile(
      "(?i);\\s*boundary\\s*=\\s*(?:\"([^\"]{1,70})\"|([^;\\s\"]{1,70}))");

  public Multipart {
    parts = List.copyOf(parts);
  }

  /** One part: its headers (names as written, looked up in any case) and its bytes. */
  public record Part(Map<String, String> headers, byte[] content) {

    public Part {
      headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** A part of {@code contentType} holding {@code content}. */
    public Part(String contentType, byte[] content) {
      this(Map.of("Content-Type", contentType), content);
    }

    /** The value of header {@code name} (any case), or null. */
    public String header(String name) {
      for (Map.Entry<String, String> header : headers.entrySet()) {
        if (header.getKey().equalsIgnoreCase(name)) {
          return header.getValue();
        }
      }
      return null;
    }

    /** The part's Content-Type; text/plain when it names none (RFC 2046's default). */
    public String contentType() {
      String type = header("Content-Type");
      return type == null ? "text/plain" : type;
    }

    /** The part's media type without parameters, lowercase. */
    public String type() {
      return mediaType(contentType());
    }

    /** The content as UTF-8 text. */
    public String text() {
      return new String(content, StandardCharsets.UTF_8);
    }
  }

  /** The boundary a multipart content type names, or null. */
  public static String boundary(String contentType) {
    Matcher m = BOUNDARY.matcher(contentType);
    return m.find() ? (m.group(1) != null ? m.group(1) : m.group(2)) : null;
  }

  /** The media type of a content type, without parameters, lowercase. */
  public static String mediaType(String contentType) {
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip()
        .toLowerCase(Locale.ROOT);
  }

  /** The Content-Type header value of this body. */
  public String contentType() {
    return MIXED + ";boundary=\"" + boundary + "\"";
  }

  /** The body as sent: each part with its headers and Content-Length, then the close. */
  public byte[] write() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Part part : parts) {
      ascii(out, "--" + boundary + "\r\n");
      part.headers().forEach((name, value) -> {
        if (!name.equalsIgnoreCase("Content-Length")) {
          ascii(out, name + ": " + value + "\r\n");
        }
      });
      ascii(out, "Content-Length: " + part.content().length + "\r\n\r\n");
      out.writeBytes(part.content());
      ascii(out, "\r\n");
    }
    ascii(out, "--" + boundary + "--\r\n");
    return out.toByteArray();
  }

  /**
   * The parts of {@code body} delimited by {@code boundary}, each one's bytes exactly (the line
   * end before a delimiter belongs to the delimiter); none when it has no delimiter. Without a
   * close delimiter the last part runs to the end, its trailing line ends dropped.
   */
  public static Multipart read(String boundary, byte[] body) {
    // ISO-8859-1 maps bytes to chars one to one, so offsets found in the text are byte offsets.
    String text = new String(body, StandardCharsets.ISO_8859_1);
    String delimiter = "--" + boundary;
    List<Part> parts = new ArrayList<>();
    int start = -1;
    int at = delimiter(text, delimiter, 0);
    while (at >= 0) {
      if (start >= 0) {
        parts.add(part(body, text, start, lineEndBefore(text, start, at)));
      }
      int lineEnd = text.indexOf('\n', at);
      if (text.startsWith(delimiter + "--", at) || lineEnd < 0) {
        return new Multipart(boundary, parts);
      }
      start = lineEnd + 1;
      at = delimiter(text, delimiter, start);
    }
    if (start >= 0 && !text.substring(start).isBlank()) {
      int end = text.length();
      while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
        end--;
      }
      parts.add(part(body, text, start, end));
    }
    return new Multipart(boundary, parts);
  }

  /** Where the next delimiter line starts (at a line start, nothing but spaces after it). */
  private static int delimiter(String text, String delimiter, int from) {
    for (int at = text.indexOf(delimiter, from); at >= 0;
        at = text.indexOf(delimiter, at + 1)) {
      if (at > 0 && text.charAt(at - 1) != '\n') {
        continue;
      }
      int rest = at + delimiter.length();
      if (text.startsWith("--", rest)) {
        rest += 2;
      }
      int lineEnd = text.indexOf('\n', rest);
      if (text.substring(rest, lineEnd < 0 ? text.length() : lineEnd).isBlank()) {
        return at;
      }
    }
    return -1;
  }

  private static int lineEndBefore(String text, int start, int at) {
    int end = at;
    if (end > start && text.charAt(end - 1) == '\n') {
      end--;
      if (end > start && text.charAt(end - 1) == '\r') {
        end--;
      }
    }
    return end;
  }

  /**
   * One part: header lines up to a blank line; a line that is no header starts the content
   * (deployed clients leave the blank line out).
   */
  private static Part part(byte[] body, String text, int from, int to) {
    Map<String, String> headers = new LinkedHashMap<>();
    int line = from;
    while (line < to) {
      int newline = text.indexOf('\n', line);
      int lineEnd = newline < 0 || newline >= to ? to : newline;
      String header = new String(body, line, lineEnd - line, StandardCharsets.UTF_8).strip();
      if (header.isEmpty()) {
        return new Part(headers, slice(body, Math.min(lineEnd + 1, to), to));
      }
      int colon = header.indexOf(':');
      if (colon < 1) {
        return new Part(headers, slice(body, line, to));
      }
      headers.put(header.substring(0, colon).strip(), header.substring(colon + 1).strip());
      line = lineEnd + 1;
    }
    return new Part(headers, new byte[0]);
  }

  private static byte[] slice(byte[] body, int from, int to) {
    byte[] bytes = new byte[to - from];
    System.arraycopy(body, from, bytes, 0, bytes.length);
    return bytes;
  }

  private static void ascii(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
