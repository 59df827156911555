package org.openmaap.card.network;

import java.math.BigDecimal;

/** Numbers as plain decimal text: never an exponent, which geo URIs forbid and readers trip on. */
final class Decimals {

  /** Enough for any double written out in full: the smallest has 324 decimal places. */
  private static final int MAX_SCALE = 400;

  /** Beyond any coordinate or radius; past this the plain text would only grow, not mean more. */
  private static final int MAX_INTEGER_DIGITS = 20;

  private Decimals() {}

  /**
   * The number {@code token} as plain decimal text keeping its written precision ("31.2300" stays
   * so, "1.5E-3" becomes "0.0015"), or null when it is not a finite number.
   */
  static String plain(String token) {
    BigDecimal value;
    try {
      value = new BigDecimal(token);
    } catch (NumberFormatException e) {
      // The validator reads positions with Double.parseDouble, which also takes forms like "1d".
      try {
        double d = Double.parseDouble(token);
        if (!Double.isFinite(d)) {
          return null;
        }
        value = BigDecimal.valueOf(d);
      } catch (NumberFormatException notANumber) {
        return null;
      }
    }
    if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
      // Out of every range we check; the short form lets the validator say so without a huge text.
      return value.toString();
    }
    if (value.scale() > MAX_SCALE) {
      // "1E-999999999" would be a billion characters in plain form; a double's precision is plenty.
      value = BigDecimal.valueOf(value.doubleValue());
    }
    return value.toPlainString();
  }

  /** A finite double as the shortest plain decimal that reads back as the same double. */
  static String plain(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /** The double a number token means, or null when it is not a finite number. */
  static Double parse(String token) {
    try {
      double d = new BigDecimal(token).doubleValue();
      return Double.isFinite(d) ? d : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
