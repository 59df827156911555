package org.openmaap.platform;

import org.openmaap.platform.failure.Invalid;

/** Users' numbers in E.164: {@code +8613800000000}, accepted also as tel: and sip: URIs. */
public final class Msisdn {

  private Msisdn() {}

  /**
   * The E.164 form of {@code +86...}, {@code tel:+86...}, {@code sip:+86...@host} or bare
   * international digits; fails with Invalid bad_phone for anything else.
   */
  public static String normalize(String contact) {
    if (contact == null) {
      throw new Invalid("bad_phone", "a user number is required, such as +8613800000000");
    }
    String number = contact.trim();
    if (number.regionMatches(true, 0, "tel:", 0, 4)) {
      number = number.substring(4);
    } else if (number.regionMatches(true, 0, "sip:", 0, 4)) {
      number = number.substring(4);
      int at = number.indexOf('@');
      number = at < 0 ? number : number.substring(0, at);
    }
    int params = number.indexOf(';');
    number = params < 0 ? number : number.substring(0, params);
    String digits = number.startsWith("+") ? number.substring(1) : number;
    if (digits.length() < 3 || digits.length() > 15 || !digits.chars().allMatch(Msisdn::isDigit)) {
      throw new Invalid("bad_phone", "'" + contact + "' is not a phone number in E.164, "
          + "such as +8613800000000 (tel: and sip: forms are accepted)");
    }
    return "+" + digits;
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }
}
