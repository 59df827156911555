package org.openmaap.card.network;

import java.util.ArrayDeque;
import java.util.Deque;

/** Writes a small indented XML 1.0 document, refusing characters that XML 1.0 cannot carry. */
public final class XmlWriter {

  private final StringBuilder out =
      new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  private final Deque<String> open = new ArrayDeque<>();

  /** Opens {@code name} with attributes given as name, value pairs; null values are left out. */
  public XmlWriter open(String name, String... attributes) {
    start(name, attributes);
    out.append(">\n");
    open.push(name);
    return this;
  }

  /** Closes the element opened last. */
  public XmlWriter close() {
    String name = open.pop();
    indent();
    out.append("</").append(name).append(">\n");
    return this;
  }

  /** An element holding {@code text}, or nothing at all when the text is null. */
  public XmlWriter leaf(String name, String text, String... attributes) {
    if (text == null) {
      return this;
    }
    start(name, attributes);
    out.append('>');
    escape(name, text, false);
    out.append("</").append(name).append(">\n");
    return this;
  }

  /** An element with attributes only. */
  public XmlWriter empty(String name, String... attributes) {
    start(name, attributes);
    out.append("/>\n");
    return this;
  }

  /** The document; fails while an element is still open. */
  @Override
  public String toString() {
    if (!open.isEmpty()) {
      throw new IllegalStateException("unclosed elements: " + open);
    }
    return out.toString();
  }

  private void start(String name, String... attributes) {
    indent();
    out.append('<').append(name);
    for (int i = 0; i < attributes.length; i += 2) {
      if (attributes[i + 1] != null) {
        out.append(' ').append(attributes[i]).append("=\"");
        escape(name + " " + attributes[i], attributes[i + 1], true);
        out.append('"');
      }
    }
  }

  private void indent() {
    out.append("  ".repeat(open.size()));
  }

  /**
   * Escapes markup, and also the whitespace a parser would otherwise normalize (line ends in text,
   * tabs and line ends in attributes), so that reading gives back exactly what was written.
   */
  private void escape(String where, String value, boolean attribute) {
    for (int i = 0; i < value.length(); ) {
      int c = value.codePointAt(i);
      // A lone surrogate comes back from codePointAt as itself, outside every range below.
      if (!isXmlChar(c)) {
        throw new NetworkFormatException("cannot write " + where + ": it has "
            + String.format("U+%04X", c) + ", which XML 1.0 cannot carry");
      }
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '\r' -> out.append("&#13;");
        case '"' -> out.append(attribute ? "&quot;" : "\"");
        case '\t' -> out.append(attribute ? "&#9;" : "\t");
        case '\n' -> out.append(attribute ? "&#10;" : "\n");
        default -> out.appendCodePoint(c);
      }
      i += Character.charCount(c);
    }
  }

  private static boolean isXmlChar(int c) {
    return c == 0x9 || c == 0xA || c == 0xD
        || c >= 0x20 && c <= 0xD7FF
        || c >= 0xE000 && c <= 0xFFFD
        || c >= 0x10000 && c <= 0x10FFFF;
  }
}
