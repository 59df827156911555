package org.openmaap.card.sms;

import java.util.Arrays;

/**
 * The GSM 03.38 (3GPP TS 23.038) default alphabet and its extension table: what each character
 * costs in septets, and text to and from unpacked septets (one code per byte).
 */
public final class Gsm7 {
  /** The code that announces a character of the extension table. */
  public static final int ESCAPE = 0x1B;

  // The default alphabet in code order 0x00..0x7F; 0x1B is the escape, held here only to keep the
  // indexes right.
  private static final String BASIC =
      "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
          + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
  // The extension table: ESC followed by the code on the left, so each costs two septets.
  private static final String EXTENSION_CODES = "\n\u0014()/<=>@e";
  private static final String EXTENSION_CHARS = "\f^{}\\[~]|€";
  private static final char NONE = 0;

  // char -> septet code, with 0x100 set for extension codes; -1 where GSM-7 cannot carry the char.
  private static final short[] CODES = new short['€' + 1];
  private static final char[] EXTENSION = new char[128];

  static {
    Arrays.fill(CODES, (short) -1);
    for (int code = 0; code < BASIC.length(); code++) {
      if (code != ESCAPE) {
        CODES[BASIC.charAt(code)] = (short) code;
      }
    }
    for (int i = 0; i < EXTENSION_CODES.length(); i++) {
      int code = EXTENSION_CODES.charAt(i);
      char c = EXTENSION_CHARS.charAt(i);
      EXTENSION[code] = c;
      CODES[c] = (short) (0x100 | code);
    }
  }

  private Gsm7() {}

  /** Returns the septets {@code c} costs (2 for the extension table), or 0 when GSM-7 lacks it. */
  public static int septets(char c) {
    int code = code(c);
    return code < 0 ? 0 : code > 0xFF ? 2 : 1;
  }

  /** Returns the septets {@code text} costs, or -1 when GSM-7 cannot carry all of it. */
  static int septets(String text) {
    int total = 0;
    for (int i = 0; i < text.length(); i++) {
      int cost = septets(text.charAt(i));
      if (cost == 0) {
        return -1;
      }
      total += cost;
    }
    return total;
  }

  /** Returns the septets the GSM-7 text between {@code from} and {@code to} costs. */
  static int septets(String text, int from, int to) {
    int total = 0;
    for (int i = from; i < to; i++) {
      total += septets(text.charAt(i));
    }
    return total;
  }

  /** Returns the unpacked septets of {@code text}; fails if a character has no GSM-7 code. */
  public static byte[] encode(String text) {
    byte[] out = new byte[text.length() * 2];
    int length = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int code = code(c);
      if (code < 0) {
        throw new IllegalArgumentException(String.format(
            "U+%04X at index %d has no GSM-7 code; send the text as UCS-2", (int) c, i));
      }
      if (code > 0xFF) {
        out[length++] = ESCAPE;
      }
      out[length++] = (byte) (code & 0x7F);
    }
    return Arrays.copyOf(out, length);
  }

  /** Returns the text of unpacked septets; unknown escapes read as the basic character. */
  public static String decode(byte[] septets, int offset, int length) {
    StringBuilder text = new StringBuilder(length);
    int end = offset + length;
    for (int i = offset; i < end; i++) {
      int code = septets[i] & 0x7F;
      if (code != ESCAPE) {
        text.append(BASIC.charAt(code));
        continue;
      }
      if (++i == end) {
        break; // a dangling escape carries nothing
      }
      int extended = septets[i] & 0x7F;
      char c = EXTENSION[extended];
      if (c != NONE) {
        text.append(c);
      } else if (extended == ESCAPE) {
        text.append(' '); // 23.038: ESC ESC is reserved and shows as a space
      } else {
        text.append(BASIC.charAt(extended)); // 23.038: an unknown extension shows the basic char
      }
    }
    return text.toString();
  }

  private static int code(char c) {
    return c < CODES.length ? CODES[c] : -1;
  }
}
