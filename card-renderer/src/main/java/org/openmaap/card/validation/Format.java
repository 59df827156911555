package org.openmaap.card.validation;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Pattern;

/** String formats with their own violation codes: URLs, phone numbers, date-times, MIME types. */
enum Format {
  PLAIN {
    @Override
    void check(String value, Pointer at, Findings out) {}
  },

  /** An absolute http or https URL of at most 2048 characters. */
  URL {
    @Override
    void check(String value, Pointer at, Findings out) {
      if (value.length() > MAX_URL_LENGTH) {
        out.error(at, Code.BAD_URL, at.name() + " has " + value.length()
            + " characters; the limit is " + MAX_URL_LENGTH);
      } else if (!isHttpUrl(value)) {
        out.error(at, Code.BAD_URL, at.name() + " must be an absolute http or https URL; got '"
            + abbreviate(value) + "'");
      }
    }
  },

  /** E.164-like: an optional + and 3 to 20 digits. */
  PHONE {
    @Override
    void check(String value, Pointer at, Findings out) {
      if (!isPhoneNumber(value)) {
        out.error(at, Code.BAD_PHONE, at.name()
            + " must be a phone number: an optional + and 3 to 20 digits; got '"
            + abbreviate(value) + "'");
      }
    }
  },

  /** A user's address: a phone number, alone or as a tel: or sip: URI. */
  USER_CONTACT {
    @Override
    void check(String value, Pointer at, Findings out) {
      if (!isPhoneNumber(numberOf(value))) {
        out.error(at, Code.BAD_PHONE, at.name()
            + " must be a phone number such as +8613800000000 (tel: and sip: forms accepted); got '"
            + abbreviate(value) + "'");
      }
    }
  },

  /** An ISO-8601 date-time with an offset, such as 2026-12-01T08:00:00Z. */
  DATETIME {
    @Override
    void check(String value, Pointer at, Findings out) {
      if (parseDateTime(value) == null) {
        out.error(at, Code.BAD_DATETIME, at.name()
            + " must be an ISO-8601 date-time with an offset, such as 2026-12-01T08:00:00Z; got '"
            + abbreviate(value) + "'");
      }
    }
  },

  /** A MIME type: type/subtype. */
  MIME_TYPE {
    @Override
    void check(String value, Pointer at, Findings out) {
      if (!MIME.matcher(value).matches()) {
        out.error(at, Code.BAD_VALUE, at.name() + " must be a MIME type such as image/png; got '"
            + abbreviate(value) + "'");
      }
    }
  },

  /** A geolocation push position: "latitude longitude". */
  POSITION {
    @Override
    void check(String value, Pointer at, Findings out) {
      String[] parts = value.trim().split("\\s+");
      double latitude;
      double longitude;
      try {
        if (parts.length != 2) {
          throw new NumberFormatException();
        }
        latitude = Double.parseDouble(parts[0]);
        longitude = Double.parseDouble(parts[1]);
      } catch (NumberFormatException e) {
        out.error(at, Code.BAD_VALUE, at.name()
            + " must be \"latitude longitude\", such as \"31.2304 121.4737\"; got '"
            + abbreviate(value) + "'");
        return;
      }
      if (!(latitude >= -90 && latitude <= 90 && longitude >= -180 && longitude <= 180)) {
        out.error(at, Code.OUT_OF_RANGE, at.name()
            + " must have latitude between -90 and 90 and longitude between -180 and 180; got '"
            + abbreviate(value) + "'");
      }
    }
  };

  static final int MAX_URL_LENGTH = 2048;

  private static final Pattern MIME =
      Pattern.compile("[A-Za-z0-9][\\w!#$&^.+-]{0,126}/[A-Za-z0-9][\\w!#$&^.+-]{0,126}");

  abstract void check(String value, Pointer at, Findings out);

  static boolean isHttpUrl(String value) {
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme();
      return scheme != null
          && (scheme.toLowerCase(Locale.ROOT).equals("http")
              || scheme.toLowerCase(Locale.ROOT).equals("https"))
          && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  static boolean isPhoneNumber(String value) {
    int start = value.startsWith("+") ? 1 : 0;
    int digits = value.length() - start;
    if (digits < 3 || digits > 20) {
      return false;
    }
    for (int i = start; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** The number inside {@code tel:+86...} or {@code sip:+86...@host}, or the value itself. */
  static String numberOf(String contact) {
    String number = contact;
    if (number.regionMatches(true, 0, "tel:", 0, 4) || number.regionMatches(true, 0, "sip:", 0, 4)) {
      number = number.substring(4);
    }
    int end = number.length();
    for (char stop : new char[] {'@', ';'}) {
      int i = number.indexOf(stop);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    return number.substring(0, end);
  }

  /** The instant of an ISO-8601 date-time with offset, or null when it is not one. */
  static OffsetDateTime parseDateTime(String value) {
    try {
      OffsetDateTime common = parseCommonDateTime(value);
      return common != null ? common : OffsetDateTime.parse(value);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /**
   * The common shapes, yyyy-MM-ddTHH:mm:ss with optional fraction and Z or an offset, read without
   * the formatter (which costs a microsecond per call); null for any other shape.
   */
  private static OffsetDateTime parseCommonDateTime(String s) {
    int n = s.length();
    if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
        || s.charAt(13) != ':' || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 7);
    int day = digits(s, 8, 10);
    int hour = digits(s, 11, 13);
    int minute = digits(s, 14, 16);
    int second = digits(s, 17, 19);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    int i = 19;
    int nanos = 0;
    if (s.charAt(i) == '.') {
      int start = ++i;
      while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
      }
      if (i == start || i - start > 9) {
        return null;
      }
      nanos = digits(s, start, i);
      for (int pad = i - start; pad < 9; pad++) {
        nanos *= 10;
      }
    }
    ZoneOffset offset;
    if (i == n - 1 && s.charAt(i) == 'Z') {
      offset = ZoneOffset.UTC;
    } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':'
        && digits(s, i + 1, i + 3) >= 0 && digits(s, i + 4, i + 6) >= 0) {
      int sign = s.charAt(i) == '-' ? -1 : 1;
      offset = ZoneOffset.ofHoursMinutes(sign * digits(s, i + 1, i + 3),
          sign * digits(s, i + 4, i + 6));
    } else {
      return null;
    }
    return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset);
  }

  /** The decimal number in s[from, to), or -1 when a character there is not a digit. */
  private static int digits(String s, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static String abbreviate(String value) {
    return value.codePointCount(0, value.length()) <= 80
        ? value
        : value.substring(0, value.offsetByCodePoints(0, 77)) + "...";
  }
}
