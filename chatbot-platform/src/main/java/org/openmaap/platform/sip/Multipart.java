package org.openmaap.platform.sip;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A {@code multipart/mixed} body (RFC 2046): parts with their Content-Type and bytes. */
record Multipart(String boundary, List<Part> parts) {

  /** One part. */
  record Part(String contentType, byte[] content) {}

  /** The Content-Type header value of this body. */
  String contentType() {
    return MediaType.MULTIPART + ";boundary=\"" + boundary + "\"";
  }

  /** The body as sent: each part with its Content-Type and Content-Length, then the close. */
  byte[] write() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Part part : parts) {
      ascii(out, "--" + boundary + "\r\n");
      ascii(out, "Content-Type: " + part.contentType() + "\r\n");
      ascii(out, "Content-Length: " + part.content().length + "\r\n\r\n");
      out.writeBytes(part.content());
      ascii(out, "\r\n");
    }
    ascii(out, "--" + boundary + "--\r\n");
    return out.toByteArray();
  }

  /** Reads a body whose Content-Type named {@code boundary}; fails with 400 when malformed. */
  static Multipart parse(String boundary, byte[] body) {
    if (boundary == null || boundary.isEmpty()) {
      throw new Refused(400, "Bad Request: the multipart content names no boundary");
    }
    // ISO-8859-1 maps bytes to chars one to one, so offsets found in the text are byte offsets.
    String text = new String(body, StandardCharsets.ISO_8859_1);
    String delimiter = "--" + boundary;
    List<Part> parts = new ArrayList<>();
    int at = text.indexOf(delimiter);
    while (at >= 0) {
      int lineEnd = text.indexOf('\n', at);
      if (text.startsWith(delimiter + "--", at) || lineEnd < 0) {
        return new Multipart(boundary, List.copyOf(parts));
      }
      int next = text.indexOf("\n" + delimiter, lineEnd);
      if (next < 0) {
        break;
      }
      int end = next > 0 && text.charAt(next - 1) == '\r' ? next - 1 : next;
      parts.add(part(body, lineEnd + 1, end));
      at = next + 1;
    }
    throw new Refused(400, "Bad Request: the multipart content does not end with its boundary");
  }

  private static Part part(byte[] body, int from, int to) {
    byte[] bytes = new byte[to - from];
    System.arraycopy(body, from, bytes, 0, bytes.length);
    int headersEnd = Cpim.blankLine(bytes, 0);
    if (headersEnd < 0) {
      throw new Refused(400, "Bad Request: a multipart part has no blank line after its headers");
    }
    String headers = new String(bytes, 0, headersEnd, StandardCharsets.UTF_8);
    String type = null;
    for (String line : headers.split("\r?\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Type")) {
        type = line.substring(colon + 1).trim();
      }
    }
    if (type == null) {
      throw new Refused(400, "Bad Request: a multipart part has no Content-Type");
    }
    int start = headersEnd + (bytes[headersEnd] == '\r' ? 2 : 1);
    byte[] content = new byte[bytes.length - start];
    System.arraycopy(bytes, start, content, 0, content.length);
    return new Part(type, content);
  }

  private static void ascii(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
