package org.openmaap.platform.dialect;

import java.util.regex.Pattern;
import org.openmaap.platform.Msisdn;

/** Users' numbers as China's operator APIs write them, read into E.164. */
public final class Numbers {

  private static final Pattern CHINA_MOBILE = Pattern.compile("1[0-9]{10}");

  private Numbers() {}

  /**
   * The E.164 form of {@code tel:+86…}, {@code sip:+86…@…}, E.164 with or without {@code +},
   * or an 11-digit Chinese mobile number ({@code 1xxxxxxxxxx}, read as {@code +86…}); fails with
   * Invalid bad_phone for anything else.
   */
  public static String normalize(String contact) {
    if (contact != null && CHINA_MOBILE.matcher(contact.trim()).matches()) {
      return "+86" + contact.trim();
    }
    return Msisdn.normalize(contact);
  }

  /** A number as the dialects write it back: {@code tel:+86…}. */
  public static String tel(String e164) {
    return "tel:" + e164;
  }
}
