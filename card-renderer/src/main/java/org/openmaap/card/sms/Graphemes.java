package org.openmaap.card.sms;

/**
 * Finds grapheme cluster boundaries after Unicode UAX #29, erring towards longer clusters.
 *
 * <p>JDK 17's {@code BreakIterator} breaks inside ZWJ emoji sequences, between the two regional
 * indicators of a flag, before skin tone modifiers and between tag characters, so it cannot be used
 * to split SMS. This rule keeps CR LF, combining marks (Mn, Mc, Me), variation selectors, ZWNJ and
 * ZWJ, skin tone modifiers and tag characters with what precedes them, whatever follows a ZWJ with
 * the ZWJ, regional indicators in pairs, and Hangul jamo in syllables. It leaves out Prepend, and
 * joins across a ZWJ whether or not an emoji precedes it: a cluster that is too long only costs a
 * later split, one that is too short can break a character apart on the phone.
 */
final class Graphemes {
  private static final int ZWNJ = 0x200C;
  private static final int ZWJ = 0x200D;
  // One bit per BMP char: set when it may share a cluster with a neighbour (controls, format
  // chars, marks, surrogates, Hangul). Between two chars with the bit clear there is always a
  // boundary, which settles most text with two array reads instead of the full rule.
  private static final long[] MAY_JOIN = mayJoin();

  private enum Kind { BASE, CONTROL, EXTEND }

  /** Hangul syllable parts: leading, vowel and trailing jamo, and precomposed syllables. */
  private enum Jamo { NONE, L, V, T, LV, LVT }

  private Graphemes() {}

  /** Returns the index just past the grapheme cluster that starts at {@code start}. */
  static int clusterEnd(String text, int start) {
    if (start + 1 < text.length()
        && !mayJoin(text.charAt(start)) && !mayJoin(text.charAt(start + 1))) {
      return start + 1;
    }
    int first = text.codePointAt(start);
    int end = start + Character.charCount(first);
    if (first == '\r') {
      return end < text.length() && text.charAt(end) == '\n' ? end + 1 : end;
    }
    if (kind(first) == Kind.CONTROL) {
      return end;
    }
    int previous = first;
    int regionalIndicators = isRegionalIndicator(first) ? 1 : 0;
    while (end < text.length()) {
      int next = text.codePointAt(end);
      if (!continues(previous, next, regionalIndicators)) {
        break;
      }
      regionalIndicators = isRegionalIndicator(next) ? regionalIndicators + 1 : 0;
      previous = next;
      end += Character.charCount(next);
    }
    return end;
  }

  private static boolean continues(int previous, int next, int regionalIndicators) {
    Kind kind = kind(next);
    if (kind == Kind.CONTROL) {
      return false;
    }
    if (previous == ZWJ || kind == Kind.EXTEND) {
      return true;
    }
    if (isRegionalIndicator(next)) {
      // Flags pair up from the start of a run, so an odd count means this one completes a flag.
      return isRegionalIndicator(previous) && regionalIndicators % 2 == 1;
    }
    return continuesSyllable(hangul(previous), hangul(next));
  }

  // One Character.getType lookup per code point: this runs for every character of UCS-2 text.
  private static Kind kind(int cp) {
    return switch (Character.getType(cp)) {
      case Character.CONTROL, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR ->
          Kind.CONTROL;
      case Character.FORMAT -> cp == ZWNJ || cp == ZWJ || isTag(cp) ? Kind.EXTEND : Kind.CONTROL;
      case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK,
          Character.COMBINING_SPACING_MARK -> Kind.EXTEND;
      default -> isSkinTone(cp) ? Kind.EXTEND : Kind.BASE;
    };
  }

  private static boolean mayJoin(char c) {
    return (MAY_JOIN[c >>> 6] & (1L << c)) != 0;
  }

  private static long[] mayJoin() {
    long[] bits = new long[(Character.MAX_VALUE + 1) / 64];
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      if (kind(c) != Kind.BASE || Character.isSurrogate((char) c) || hangul(c) != Jamo.NONE) {
        bits[c >>> 6] |= 1L << c;
      }
    }
    return bits;
  }

  private static boolean isSkinTone(int cp) {
    return cp >= 0x1F3FB && cp <= 0x1F3FF;
  }

  private static boolean isTag(int cp) {
    return cp >= 0xE0020 && cp <= 0xE007F;
  }

  private static boolean isRegionalIndicator(int cp) {
    return cp >= 0x1F1E6 && cp <= 0x1F1FF;
  }

  private static boolean continuesSyllable(Jamo previous, Jamo next) {
    return switch (previous) {
      case L -> next == Jamo.L || next == Jamo.V || next == Jamo.LV || next == Jamo.LVT;
      case LV, V -> next == Jamo.V || next == Jamo.T;
      case LVT, T -> next == Jamo.T;
      case NONE -> false;
    };
  }

  private static Jamo hangul(int cp) {
    if (cp >= 0xAC00 && cp <= 0xD7A3) {
      // Precomposed syllables come in blocks of 28: the first of each block has no final jamo.
      return (cp - 0xAC00) % 28 == 0 ? Jamo.LV : Jamo.LVT;
    }
    if (cp >= 0x1100 && cp <= 0x115F || cp >= 0xA960 && cp <= 0xA97C) {
      return Jamo.L;
    }
    if (cp >= 0x1160 && cp <= 0x11A7 || cp >= 0xD7B0 && cp <= 0xD7C6) {
      return Jamo.V;
    }
    if (cp >= 0x11A8 && cp <= 0x11FF || cp >= 0xD7CB && cp <= 0xD7FB) {
      return Jamo.T;
    }
    return Jamo.NONE;
  }
}
