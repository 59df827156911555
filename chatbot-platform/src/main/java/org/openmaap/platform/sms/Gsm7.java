package org.openmaap.platform.sms;

import java.util.Arrays;

/**
 * The GSM 03.38 default alphabet and its extension table as unpacked septets, one per byte, which is
 * how SMPP carries data_coding 0 unless an SMSC is configured for packing.
 */
final class Gsm7 {
  static final int ESCAPE = 0x1B;

  // Code order 0x00..0x7F; 0x1B is the escape, held here only to keep the indexes right.
  private static final String BASIC =
      "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
          + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
  // The extension table: ESC followed by the code on the left.
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

  /** Returns the septets {@code c} takes (2 for the extension table), or 0 if GSM-7 lacks it. */
  static int septets(char c) {
    int code = c < CODES.length ? CODES[c] : -1;
    return code < 0 ? 0 : code > 0xFF ? 2 : 1;
  }

  /** Returns the unpacked septets of {@code text}; fails if a character has no GSM-7 code. */
  static byte[] encode(String text) {
    byte[] out = new byte[text.length() * 2];
    int length = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int code = c < CODES.length ? CODES[c] : -1;
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
  static String decode(byte[] septets, int offset, int length) {
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
}
