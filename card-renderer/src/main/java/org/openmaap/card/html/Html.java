package org.openmaap.card.html;

/**
 * The one place where strings become HTML: escaping for text and for attribute values.
 *
 * <p>Both escape {@code & < > " '}, so the same call is safe in text and in a quoted attribute.
 * Text that a user sees also loses the bidi embedding, override and isolate controls (U+202A to
 * U+202E, U+2066 to U+2069) and the C0 controls other than tab and line breaks: an unmatched
 * override would otherwise flip the order of what follows it (the "txt.exe" trick), and every
 * visible string already sits in its own element with {@code dir="auto"}, which is what gives
 * Arabic or Hebrew text its direction. Attribute values are kept verbatim apart from escaping
 * (CR becomes {@code &#13;} so the parser keeps it), because {@code data-postback} must reach
 * the chatbot as sent; only NUL cannot survive, HTML turns it into U+FFFD.
 */
final class Html {

  private Html() {}

  /** Appends {@code s} as element text; null appends nothing. */
  static void text(StringBuilder out, String s) {
    escape(out, s, true);
  }

  /** Appends {@code s} as the value of a double-quoted attribute; null appends nothing. */
  static void attr(StringBuilder out, String s) {
    escape(out, s, false);
  }

  /** Appends {@code name="value"} with a leading space, or nothing when value is null. */
  static void attr(StringBuilder out, String name, String value) {
    if (value == null) {
      return;
    }
    out.append(' ').append(name).append("=\"");
    escape(out, value, false);
    out.append('"');
  }

  /** Appends {@code name="value"} for a displayed attribute (alt, title), stripped like text. */
  static void visibleAttr(StringBuilder out, String name, String value) {
    if (value == null) {
      return;
    }
    out.append(' ').append(name).append("=\"");
    escape(out, value, true);
    out.append('"');
  }

  /** Escapes {@code s} into {@code out}; runs of plain characters are copied in one call. */
  private static void escape(StringBuilder out, String s, boolean visible) {
    if (s == null) {
      return;
    }
    int length = s.length();
    int start = 0;
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      String replacement;
      if (c > '>' && c < 0x7F) {
        continue;
      }
      switch (c) {
        case '&' -> replacement = "&amp;";
        case '<' -> replacement = "&lt;";
        case '>' -> replacement = "&gt;";
        case '"' -> replacement = "&quot;";
        case '\'' -> replacement = "&#39;";
        // Browsers fold CR and CRLF into LF; text does it here (so every parser agrees), after
        // dropping what it drops, while an attribute keeps its CR as a reference, which no parser
        // folds.
        case '\r' -> replacement = !visible ? "&#13;" : nextKeptIsLineFeed(s, i + 1) ? "" : "\n";
        default -> {
          if (visible && dropped(c)) {
            replacement = "";
          } else {
            continue;
          }
        }
      }
      out.append(s, start, i).append(replacement);
      start = i + 1;
    }
    out.append(s, start, length);
  }

  private static boolean nextKeptIsLineFeed(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      if (!dropped(s.charAt(i))) {
        return s.charAt(i) == '\n';
      }
    }
    return false;
  }

  private static boolean dropped(char c) {
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
        || c == 0x7F
        || (c >= 0x202A && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069);
  }
}
