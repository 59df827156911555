package org.openmaap.card.sms;

/** The GSM 03.38 (3GPP TS 23.038) default alphabet and its extension table, as septet costs. */
final class Gsm7 {
  // The default alphabet in code order 0x00..0x7F, without 0x1B: that code is the escape itself.
  private static final String BASIC =
      "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
          + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
  // Each of these is sent as ESC followed by a code, so it costs two septets.
  private static final String EXTENSION = "\f^{}\\[]~|€";
  private static final char EURO = '€';

  // Indexed by char: everything but the euro sign lies at or below Greek capital omega, U+03A9.
  private static final byte[] SEPTETS = new byte['Ω' + 1];

  static {
    for (int i = 0; i < BASIC.length(); i++) {
      SEPTETS[BASIC.charAt(i)] = 1;
    }
    for (int i = 0; i < EXTENSION.length(); i++) {
      char c = EXTENSION.charAt(i);
      if (c != EURO) {
        SEPTETS[c] = 2;
      }
    }
  }

  private Gsm7() {}

  /** Returns the septets {@code c} costs, or 0 when GSM-7 cannot carry it. */
  static int septets(char c) {
    if (c < SEPTETS.length) {
      return SEPTETS[c];
    }
    return c == EURO ? 2 : 0;
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
}
