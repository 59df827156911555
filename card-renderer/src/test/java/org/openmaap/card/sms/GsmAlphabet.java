package org.openmaap.card.sms;

/** GSM 03.38 written out again, apart from the production table, so tests can check against it. */
final class GsmAlphabet {
  /** The default alphabet in code order 0x00..0x7F, without the escape 0x1B. */
  static final String BASIC =
      "@\u00A3$\u00A5\u00E8\u00E9\u00F9\u00EC\u00F2\u00C7\n\u00D8\u00F8\r\u00C5\u00E5"
          + "\u0394_\u03A6\u0393\u039B\u03A9\u03A0\u03A8\u03A3\u0398\u039E"
          + "\u00C6\u00E6\u00DF\u00C9"
          + " !\"#\u00A4%&'()*+,-./0123456789:;<=>?"
          + "\u00A1ABCDEFGHIJKLMNOPQRSTUVWXYZ\u00C4\u00D6\u00D1\u00DC\u00A7"
          + "\u00BFabcdefghijklmnopqrstuvwxyz\u00E4\u00F6\u00F1\u00FC\u00E0";

  /** The extension table: form feed, {@code ^ { } \ [ ~ ] |} and the euro sign. */
  static final String EXTENSION = "\f^{}\\[~]|\u20AC";

  private GsmAlphabet() {}

  static boolean isGsm(String text) {
    return text.chars().allMatch(c -> BASIC.indexOf(c) >= 0 || EXTENSION.indexOf(c) >= 0);
  }

  /** Septets for GSM-7 text, UTF-16 units otherwise. */
  static int units(Encoding encoding, String text) {
    if (encoding == Encoding.UCS_2) {
      return text.length();
    }
    return text.length() + (int) text.chars().filter(c -> EXTENSION.indexOf(c) >= 0).count();
  }
}
